#pragma once
// The Agreement dock's way to the project: its label scale, the annotators compared with the
// statistics of every target they labelled, and adjudicated labels stored. The dock asks this
// service instead of reading the store itself. It reads through a project handle that core owns
// (the labelling session's) and writes through a connection of its own, as the window's other
// writers besides the labelling session do.
#include "core/agreement/adjudication.h"
#include "core/agreement/project_ratings.h"
#include "core/agreement/target_agreement.h"
#include "core/common/label_scale.h"

#include <QHash>
#include <QStringList>
#include <optional>

namespace sl::store {
class Project;
}

namespace sl::agreement {

struct TargetResult {
    ProjectRatings ratings;
    TargetAgreement agreement;
};

struct AgreementOverview {
    QStringList raters;  // defaultRaters(): fewer than two leave `targets` empty
    QHash<Target, TargetResult> targets;  // targets with labels only
};

struct Adjudicated {
    QString clipKey;  // "video_id/clip_id"
    AdjudicationResult result;
};

class AgreementService {
public:
    // `project` must outlive the service (the window drops the service before closing it).
    explicit AgreementService(const store::Project &project) : m_project(&project) {}

    LabelScale labelScale() const;
    // Reads every label again.
    AgreementOverview overview() const;
    // Sets the adjudicated label of `clipId`; nothing (and nothing stored) when the clip has gone.
    // Throws sl::Error as adjudicate() does.
    std::optional<Adjudicated> adjudicate(qint64 clipId, Target target, double value, const QString &reviewer) const;

private:
    const store::Project *m_project;
};

}  // namespace sl::agreement
