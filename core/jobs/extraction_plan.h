#pragma once
// What "extract features" means for a project, shared by the command line and the window: which
// modalities, with which settings, and, for text, resolving the transcripts first (dataset text,
// then a sidecar file, then speech recognition).
#include "core/jobs/clip_extractor.h"
#include "core/language/transcript_resolver.h"
#include "core/store/clip_shard.h"

#include <QString>
#include <atomic>
#include <functional>

namespace sl::jobs {

struct ExtractionPlan {
    bool acoustic = true;
    bool visual = true;
    bool text = true;
    QString acousticPreset = QStringLiteral("default");  // or "ch-sims-33"
    double videoFps = 15.0;
    bool recognizeSpeech = true;  // for clips with neither dataset text nor a sidecar transcript
    store::ClipShard shard;       // only these clips' transcripts (and, given to ExtractionJob, features)
};

struct PreparedExtraction {
    QList<ClipExtractorFactory> extractors;
    language::TranscriptResolveReport transcripts;
};

// Text features use the project's text encoder when one is set (text_encoder_setting.h), and
// speech is recognised with the project's Whisper model when one is set (asr_model_setting.h).
// Throws std::invalid_argument for an unknown acoustic preset, sl::Error for project problems
// (among them a text encoder whose files have gone or no longer load).
PreparedExtraction prepareExtraction(const QString &projectPath, const ExtractionPlan &plan,
                                     const std::function<void(int done, int total)> &transcriptProgress = {},
                                     const std::atomic_bool *cancel = nullptr);

}  // namespace sl::jobs
