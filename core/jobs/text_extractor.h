#pragma once
// The per-token text features of core/language, wrapped for the extraction job (stage "text",
// modality "T"). Workers have no database, so everything they need from the project (the
// vocabulary built from all transcripts, the cue and word timings) is read beforehand by
// textExtractorOptions() on the thread that starts the job. Transcripts themselves are resolved
// before that by language::resolveTranscripts (dataset text, sidecar file or speech recognition).
#include "core/jobs/clip_extractor.h"
#include "core/language/timed_tokens.h"
#include "core/language/token_encoder.h"
#include "core/language/vocabulary.h"

#include <QHash>

namespace sl::store {
class Project;
}

namespace sl::jobs {

struct TextExtractorOptions {
    bool splitCjk = true;  // Chinese characters one token each (harmless for English text)
    language::Vocabulary vocabulary;
    QHash<qint64, QList<language::TimedText>> timings;  // per clip id: subtitle cues or recognised words
    language::EncoderChoice encoder;                    // optional, e.g. language::torchScriptEncoder(...)
};

// The vocabulary of all the project's transcripts (lower-cased tokens) and the timings of the
// clips whose transcript came with them (sources "srt", "vtt", "asr"; an edited transcript no
// longer matches its cues, so it is spread evenly instead).
TextExtractorOptions textExtractorOptions(const store::Project &project, bool splitCjk = true);

// A clip with an empty transcript fails with a message naming its media file.
ClipExtractorFactory textExtractorFactory(const TextExtractorOptions &options);

}  // namespace sl::jobs
