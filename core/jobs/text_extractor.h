#pragma once
// The per-token text features of core/language, wrapped for the extraction job (stage "text",
// modality "T"). Workers have no database, so everything they need from the project (each clip's
// language, the cue and word timings) is read beforehand by
// textExtractorOptions() on the thread that starts the job. Transcripts themselves are resolved
// before that by language::resolveTranscripts (dataset text, sidecar file or speech recognition).
#include "core/jobs/clip_extractor.h"
#include "core/language/timed_tokens.h"
#include "core/language/token_encoder.h"
#include "core/language/valence_axis.h"
#include "core/language/word_vectors.h"

#include <QHash>

namespace sl::store {
class Project;
}

namespace sl::jobs {

struct TextExtractorOptions {
    bool splitCjk = true;  // Chinese characters one token each (harmless for English text)
    // Clips whose language is zh get their runs of Chinese characters cut into words by cppjieba
    // (language::ChineseSegmenter, loaded on the first such clip) instead of one token each.
    QHash<qint64, QString> languages;  // per clip id: its language (clip_languages.h), else identified from its text
    std::shared_ptr<const language::WordVectors> wordVectors;  // GloVe; textExtractorOptions loads the build's
    std::shared_ptr<const language::ValenceAxis> valenceAxis;  // fitted on wordVectors (glove_valence)
    QHash<qint64, QList<language::TimedText>> timings;  // per clip id: subtitle cues or recognised words
    language::EncoderChoice encoder;                    // optional, e.g. language::torchScriptEncoder(...)
};

// The clips' languages, the build's word vectors and their valence axis (throws sl::Error when they are missing) and the
// timings of the clips whose transcript came with them (sources "srt", "vtt", "asr"; an edited
// transcript no longer matches its cues, so it is spread evenly instead).
TextExtractorOptions textExtractorOptions(const store::Project &project, bool splitCjk = true);

// A clip with an empty transcript fails with a message naming its media file.
ClipExtractorFactory textExtractorFactory(const TextExtractorOptions &options);

}  // namespace sl::jobs
