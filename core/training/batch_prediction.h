#pragma once
// Predicting every clip with the project's active model, behind a header free of LibTorch so that
// widgets can start it (on a worker thread: it opens its own connection to the project).
#include <QString>

namespace sl::training {

struct BatchPredictionResult {
    int clips = 0;
    QString modelName;
    QString error;  // empty on success; names the project or model file and the problem
};

BatchPredictionResult predictAllClips(const QString &projectPath);

}  // namespace sl::training
