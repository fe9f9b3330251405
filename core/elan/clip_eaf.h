#pragma once
// One clip of a project as an ELAN document, and an ELAN tier back as the clip's transcript.
//
// Export: a tier "transcript" (the clip's cues, or its whole transcript as one annotation when it
// has no cues) and one tier per target and annotator, "M (bob)", of linguistic type "sentiment",
// with ELAN's ANNOTATOR attribute set, holding the label as one annotation over the whole clip
// (0 to the clip's duration, or to the end of its last cue when the duration is unknown).
#include "core/elan/eaf_document.h"

#include <QStringList>

namespace sl::store {
class Project;
}

namespace sl::elan {

inline constexpr const char *kTranscriptTier = "transcript";
inline constexpr const char *kSentimentType = "sentiment";

// `annotators` empty: every annotator with a label on the clip. `eafFolder` is where the .eaf will
// be written, for the media's relative URL. Throws sl::Error naming the project for an unknown
// clip or annotator, or a clip with labels but neither a duration nor cues to time them.
EafDocument clipDocument(const store::Project &project, qint64 clipId, const QStringList &annotators,
                         const QString &eafFolder);

struct TranscriptImport {
    QString tier;
    int cues = 0;
    QString transcript;
};

// Replaces the clip's cues and transcript with the annotations of `tier` in the .eaf file (empty:
// the tier named "transcript", else the only time-aligned top-level tier that is not a sentiment
// tier). The transcript source becomes "elan". Throws sl::Error naming the file for a missing or
// ambiguous tier, a symbolic tier, or overlapping annotations.
TranscriptImport importTranscript(store::Project &project, qint64 clipId, const QString &eafPath, const QString &tier);

}  // namespace sl::elan
