// LibTorch (through project_explanation.h) before any Qt header.
#include "core/explain/project_explanation.h"

#include "core/store/label_source.h"
#include "core/store/project.h"

namespace sl::explain {

QString labelOwner(const QString &labelSourceDescription)
{
    // The core explains against the first import's annotator: the views say so beside the labels.
    const QString prefix = QStringLiteral("annotator:");
    if (!labelSourceDescription.startsWith(prefix))
        return labelSourceDescription;
    const QString annotator = labelSourceDescription.mid(prefix.size());
    if (annotator.isEmpty())
        return labelSourceDescription;
    return annotator == QLatin1String("dataset") ? annotator  // not "dataset: dataset"
                                                 : QStringLiteral("dataset: %1").arg(annotator);
}

ProjectExplanation explainProject(const QString &projectPath, const QList<qint64> &clipIds)
{
    ProjectExplanation result;
    const std::unique_ptr<store::Project> project = store::Project::open(projectPath);
    training::ExplainRequest request;
    request.clipIds = clipIds;  // empty and no split: every clip
    result.set = training::explainClips(*project, request);
    if (!clipIds.isEmpty()) {
        result.labelOwner = labelOwner(store::LabelSource{}.describe(*project));
        return result;
    }
    result.scale = project->labelScale();
    for (const store::ModelRecord &record : project->models().list())
        result.models << training::summarizeModel(record);
    return result;
}

}  // namespace sl::explain
