// LibTorch (through model_guard.h) before any Qt header.
#include "core/training/model_guard.h"

#include <cmath>

namespace sl::training {

void throwModelFailure(const QString &modelFile, const std::exception &error)
{
    const auto *torchError = dynamic_cast<const c10::Error *>(&error);
    QString what = QString::fromUtf8(torchError ? torchError->what_without_backtrace() : error.what()).trimmed();
    // An exception raised inside a TorchScript module comes with two tracebacks of its code (20
    // lines and more); its last line says what went wrong ("RuntimeError: AssertionError: ...").
    if (what.contains(QLatin1String("failed in the TorchScript interpreter")))
        what = what.section(QLatin1Char('\n'), -1, -1, QString::SectionSkipEmpty).trimmed();
    throw Error(QStringLiteral("%1: the model failed: %2").arg(modelFile, what));
}

void checkPredictions(const QString &modelFile, const ml::Predictions &predictions, const QList<qint64> &clipIds)
{
    const auto check = [&](const std::vector<double> &values, const char *target) {
        if (values.size() != size_t(clipIds.size()))
            throw Error(QStringLiteral("%1: the model gave %2 %3 prediction(s) for %4 clip(s)")
                            .arg(modelFile).arg(values.size()).arg(QLatin1String(target)).arg(clipIds.size()));
        for (size_t i = 0; i < values.size(); ++i)
            if (!std::isfinite(values[i]))
                throw Error(QStringLiteral("%1: the model predicted %2 for %3 of clip id %4; nothing was stored")
                                .arg(modelFile, QString::number(values[i]), QLatin1String(target))
                                .arg(clipIds[qsizetype(i)]));
    };
    check(predictions.multimodal, "M");
    const char *names[] = {"T", "A", "V"};
    for (size_t m = 0; m < predictions.unimodal.size(); ++m)
        if (!predictions.unimodal[m].empty())
            check(predictions.unimodal[m], names[m]);
}

}  // namespace sl::training
