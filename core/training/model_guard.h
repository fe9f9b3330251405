#pragma once
// The boundary between the project and a model file. A model, above all an external TorchScript
// one, can fail in ways SentiLens does not control: it raises, takes other arguments, returns
// another container or shape, has no gradient for the explanations, or predicts NaN. Whatever it
// throws becomes an sl::Error naming the model file, so that the command line and the window
// report it instead of reaching std::terminate. LibTorch headers: include before any Qt header.
#include "core/ml/evaluation.h"

#include <c10/util/Exception.h>

#include "core/common/error.h"

#include <QList>
#include <QString>
#include <exception>

namespace sl::training {

// "FILE: the model failed: WHAT", with LibTorch's backtrace left out.
[[noreturn]] void throwModelFailure(const QString &modelFile, const std::exception &error);

// Runs `body` (which uses the model of `modelFile`) and turns any exception other than an
// sl::Error into one naming the file.
template <typename Body>
auto guardModel(const QString &modelFile, Body &&body) -> decltype(body())
{
    try {
        return body();
    } catch (const Error &) {
        throw;
    } catch (const std::exception &error) {
        throwModelFailure(modelFile, error);
    }
}

// Throws an sl::Error naming the model file and the first clip when a prediction is NaN or
// infinite, or when the model gave another number of predictions than clips: such values must
// not reach the project's tables or the metrics.
void checkPredictions(const QString &modelFile, const ml::Predictions &predictions, const QList<qint64> &clipIds);

}  // namespace sl::training
