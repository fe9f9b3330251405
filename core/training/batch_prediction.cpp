// LibTorch (through project_training.h) before any Qt header.
#include "core/training/project_training.h"

#include "core/training/batch_prediction.h"

#include "core/common/error.h"
#include "core/store/project.h"

#include <QSet>

namespace sl::training {

BatchPredictionResult predictAllClips(const QString &projectPath)
{
    BatchPredictionResult result;
    try {
        auto project = store::Project::open(projectPath);
        const qint64 active = project->models().activeModelId();
        const QList<store::PredictionRecord> predictions = predictOnProject(*project, active);
        QSet<qint64> clips;
        for (const store::PredictionRecord &p : predictions)
            clips.insert(p.clipId);
        result.clips = int(clips.size());
        if (const auto model = project->models().find(project->models().activeModelId()))
            result.modelName = model->name;
    } catch (const Error &error) {
        result.error = error.message();
    } catch (const std::exception &error) {
        result.error = QStringLiteral("%1: %2").arg(projectPath, QString::fromUtf8(error.what()));
    }
    return result;
}

}  // namespace sl::training
