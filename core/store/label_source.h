#pragma once
// Whose labels a job reads: one annotator's, or an aggregate over every annotator (the mean, put
// back on the scale's steps, or the most recent label, or the adjudicated label where a reviewer
// set one and the mean of the others elsewhere). Export and training share this, so the
// labels a model learned from are exactly the ones an export of the same source writes.
#include "core/common/label_scale.h"
#include "core/store/annotator_repository.h"  // kAdjudicatedAnnotator

#include <QHash>
#include <QString>

namespace sl::store {

class Project;

enum class LabelAggregate { None, Mean, Latest, AdjudicatedElseMean };

struct LabelSource {
    LabelAggregate aggregate = LabelAggregate::None;
    QString annotator;  // with LabelAggregate::None; empty = the annotator of the first import

    // "annotator:NAME" (the import annotator's name filled in), "mean", "latest" or
    // "adjudicated-else-mean".
    QString describe(const Project &project) const;
};

using TargetLabels = QHash<Target, double>;  // one clip's labels by target

// The labels of every clip that has any from this source. Throws sl::Error naming the project
// when the annotator does not exist.
QHash<qint64, TargetLabels> labelValues(const Project &project, const LabelSource &source);

// The name of the annotator whose labels came with the first import ("dataset" by default).
QString importAnnotator(const Project &project);

}  // namespace sl::store
