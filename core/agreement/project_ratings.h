#pragma once
// Fills the agreement statistics' units x raters matrix from a project: one row per clip that at
// least one of the chosen annotators labelled for the target, one column per annotator.
#include "core/agreement/rating_matrix.h"
#include "core/agreement/sentiment_classes.h"
#include "core/common/label_scale.h"

#include <QList>
#include <QStringList>

namespace sl::store {
class Project;
}

namespace sl::agreement {

struct ProjectRatings {
    QStringList annotators;  // the matrix's columns
    QList<qint64> clipIds;   // the matrix's rows
    QStringList clipKeys;    // "video_id/clip_id", row by row
    RatingMatrix matrix{0, 0};
};

// The annotators compared when none are named: every one with at least one label, except models
// and the adjudicated labels (which settle a disagreement rather than take part in it), by name.
QStringList defaultRaters(const store::Project &project);

// Throws sl::Error naming the project for an annotator that does not exist, a name given twice,
// or fewer than two annotators.
ProjectRatings loadRatings(const store::Project &project, Target target, const QStringList &annotators);

ScaleKind scaleKind(const LabelScale &scale);

}  // namespace sl::agreement
