#pragma once
// Settling a disagreement: the adjudicated label of a clip and target is stored as the label of a
// reserved annotator, "adjudicated", through the label repository, so it has the same append-only
// history as every other label (the note says who decided and from what) and export, training and
// stats read it with --annotator adjudicated.
//
// The annotators table only allows the kinds human, dataset and model (a CHECK constraint). A new
// kind would need the table rebuilt, which SQLite cannot do with foreign keys on inside the one
// transaction that migrations run in; so the reserved annotator has kind "human" (a reviewer is a
// person) and is told apart by its name.
#include "core/common/label_scale.h"
#include "core/store/label_source.h"

#include <QString>
#include <optional>

namespace sl::store {
class Project;
}

namespace sl::agreement {

using store::kAdjudicatedAnnotator;

struct AdjudicationRequest {
    QString videoId;
    QString clipId;
    Target target = Target::M;
    std::optional<double> value;   // the decided value, or
    QString fromAnnotator;         // take this annotator's label for the clip and target
    QString reviewer;              // who decided (recorded in the history note)
};

struct AdjudicationResult {
    double value = 0;
    bool changed = false;  // false: the adjudicated label already had this value
};

// Throws sl::Error naming the project for an unknown clip or annotator, an annotator without a
// label there, a value outside the project's scale, or neither/both of value and fromAnnotator.
AdjudicationResult adjudicate(store::Project &project, const AdjudicationRequest &request);

}  // namespace sl::agreement
