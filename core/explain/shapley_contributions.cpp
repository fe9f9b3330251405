// LibTorch (through project_explanations.h) before any Qt header.
#include "core/training/project_explanations.h"

#include "core/explain/shapley_contributions.h"

#include "core/common/error.h"
#include "core/store/project.h"

namespace sl::explain {

ShapleyContributions shapleyContributions(const QString &projectPath, const QList<qint64> &clipIds)
{
    ShapleyContributions result;
    if (clipIds.isEmpty())
        return result;
    try {
        auto project = store::Project::open(projectPath);
        training::ExplainRequest request;
        request.clipIds = clipIds;  // the active model, the default baseline and steps: shared with the workbench
        const training::ExplanationSet set = training::explainClips(*project, request);
        result.modelName = set.modelName;
        for (const training::ClipExplanation &clip : set.clips) {
            Contributions contributions;
            for (size_t m = 0; m < contributions.values.size(); ++m)
                contributions.values[m] = clip.shapley.phi[m];
            contributions.shapley = true;
            contributions.start = clip.shapley.fNone;
            result.byClip.insert(clip.clipId, contributions);
            const auto insight = [&](ModelInsight::Kind kind, const auto &values) {
                result.insights.insert(clip.clipId, ModelInsight{kind, {values[0], values[1], values[2]}});
            };
            if (clip.kan)
                insight(ModelInsight::Kind::Kan, clip.kan->modalityScores);
            else if (clip.mask)
                insight(ModelInsight::Kind::CausalMask, clip.mask->maskShare);
        }
    } catch (const Error &error) {
        result.error = error.message();
    } catch (const std::exception &error) {
        result.error = QStringLiteral("%1: %2").arg(projectPath, QString::fromUtf8(error.what()));
    }
    return result;
}

}  // namespace sl::explain
