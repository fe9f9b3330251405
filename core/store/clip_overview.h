#pragma once
// One row per clip with everything a clip list shows: ids, split, duration, transcript, the labels
// of the current annotator and of the reference annotator (the dataset), and the active model's
// predictions. Loaded with a few set-based queries, so 25,000 clips load in well under a second.
#include "core/common/label_scale.h"

#include <QHash>
#include <QList>
#include <QString>
#include <array>
#include <optional>

namespace sl::store {

class Project;

using TargetValues = std::array<std::optional<double>, 4>;  // indexed by int(Target): M, T, A, V

struct ClipOverview {
    qint64 id = 0;
    QString videoId;
    QString clipId;
    QString split;
    std::optional<double> durationSeconds;
    QString mediaPath;
    QString transcript;
    QString transcriptSource;
    TargetValues own;         // the current annotator's labels
    TargetValues reference;   // the reference annotator's labels (usually "dataset")
    TargetValues prediction;  // the active model's predictions (on the label scale)
    std::optional<double> rawPrediction;  // the active model's M as it gave it (before clipping)
    // The modalities in which the clip lies outside the active model's training data ("A, V", ""
    // when inside); empty when the model has no input envelope.
    std::optional<QString> outside;
    // Every annotator who labelled this clip, with a bit per target (1 << int(Target)).
    QHash<qint64, quint8> labelledBy;
};

// `annotatorId` / `referenceAnnotatorId` may be 0 (none); `modelId` 0 = no predictions.
QList<ClipOverview> loadClipOverview(const Project &project, qint64 annotatorId, qint64 referenceAnnotatorId,
                                     qint64 modelId);

inline int targetIndex(Target t) { return static_cast<int>(t); }

}  // namespace sl::store
