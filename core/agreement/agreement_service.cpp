#include "core/agreement/agreement_service.h"

#include "core/store/project.h"

#include <array>

namespace sl::agreement {

LabelScale AgreementService::labelScale() const { return m_project->labelScale(); }

AgreementOverview AgreementService::overview() const
{
    AgreementOverview overview;
    overview.raters = defaultRaters(*m_project);
    if (overview.raters.size() < 2)
        return overview;
    const ScaleKind scale = scaleKind(m_project->labelScale());
    for (Target t : std::array<Target, 4>{Target::M, Target::T, Target::A, Target::V}) {
        ProjectRatings ratings = loadRatings(*m_project, t, overview.raters);
        if (ratings.clipIds.isEmpty())
            continue;
        const TargetAgreement agreement = computeAgreement(ratings.matrix, scale);
        overview.targets.insert(t, TargetResult{std::move(ratings), agreement});
    }
    return overview;
}

std::optional<Adjudicated> AgreementService::adjudicate(qint64 clipId, Target target, double value, const QString &reviewer) const
{
    const std::optional<store::Clip> clip = m_project->clips().find(clipId);
    if (!clip)
        return std::nullopt;
    AdjudicationRequest request;
    request.videoId = clip->videoId;
    request.clipId = clip->clipId;
    request.target = target;
    request.value = value;
    request.reviewer = reviewer;
    const std::unique_ptr<store::Project> writer =
        store::Project::open(m_project->isServer() ? m_project->databasePath() : m_project->folder());
    return Adjudicated{clip->key(), agreement::adjudicate(*writer, request)};
}

}  // namespace sl::agreement
