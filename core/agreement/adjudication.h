#pragma once
// Settling a disagreement: the adjudicated label of a clip and target is stored as the label of the
// reserved annotator "adjudicated", of kind "adjudicated" (schema version 8; older projects had it
// as a human annotator and are migrated), through the label repository, so it has the same
// append-only history as every other label (the note says who decided and from what) and export,
// training and stats read it with --annotator adjudicated or the "adjudicated, else mean" source.
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
