#pragma once
// Whose labels a view compares the model with (issue 17: the Contributions view's "human label"
// was always the dataset's, even after the annotator set their own). Three references: the
// session's annotator ("yours"), the dataset's (the annotator of the first import) and the
// adjudicated label (the reserved annotator of core/agreement/adjudication.h).
#include "core/common/label_scale.h"

#include <QString>
#include <array>
#include <optional>

namespace sl::store {
class Project;
}

namespace sl::session {

enum class LabelReference { Mine, Dataset, Adjudicated };

struct ReferenceLabels {
    LabelReference reference = LabelReference::Dataset;
    QString annotator;  // whose labels these are; empty when there is no such annotator
    std::array<std::optional<double>, 4> values;  // M, T, A, V; empty where that one has none
    bool any() const
    {
        for (const auto &value : values)
            if (value)
                return true;
        return false;
    }
};

// "mine", "dataset", "adjudicated": for the settings; fromKey gives Dataset for anything else.
QString referenceKey(LabelReference reference);
LabelReference referenceFromKey(const QString &key);

// The labels of one clip by the annotator `reference` names (`myName` for Mine; may be empty when
// nobody is labelling). Throws sl::Error when the project cannot be read.
ReferenceLabels referenceLabels(const store::Project &project, qint64 clipId, LabelReference reference, const QString &myName);

}  // namespace sl::session
