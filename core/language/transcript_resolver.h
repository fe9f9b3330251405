#pragma once
// Giving every clip of a project a transcript before text features are extracted, from the best
// source there is: the dataset's own text, else a sidecar .srt/.vtt/.txt beside the clip, else
// speech recognition of the clip's audio. The text, its source ("dataset", "srt", "vtt", "txt",
// "asr") and its cues (subtitle cues, or one cue per recognised word) are written to the project.
//
// It runs before the extraction job because it writes to the project, which the job's worker
// threads never do.
#include "core/language/speech_recognizer.h"
#include "core/store/feature_repository.h"

#include <QList>
#include <atomic>
#include <functional>
#include "core/store/clip_shard.h"

namespace sl::store {
class Project;
}

namespace sl::language {

struct TranscriptResolveOptions {
    bool recognizeSpeech = true;  // off: clips without text or sidecar stay without a transcript
    int workers = 1;              // clips recognised at the same time, each with its own decoder
    RecognizerModel model = RecognizerModel::defaultEnglish();
    // A whisper.cpp model file: when given, Whisper recognises speech instead of PocketSphinx, in
    // every language the model knows, and tells the language of clips whose language is unknown.
    QString whisperModel;
    // Only the clips of this shard (extract --shard K/N on a cluster); the whole project by default.
    store::ClipShard shard;
};

struct TranscriptResolveReport {
    int alreadySet = 0;   // clips that had text (or a source) and were left alone
    int fromSidecar = 0;
    int recognized = 0;
    int failed = 0;
    bool cancelled = false;
    QList<store::ClipProblem> problems;  // stage "transcript"; each message names the file
};

inline constexpr const char *kTranscriptStage = "transcript";

// A recognised transcript whose mean word posterior is below this is marked low-confidence.
// Measured on espeak-ng speech with PocketSphinx en-us (tests/language/test_language_asr_gate.cpp):
// Mandarin sentences heard as English scored 0.08 to 0.47, clear English recognitions 0.42 to 0.61,
// garbled English 0.24 to 0.36. The posterior is a weak separator: the mark errs towards flagging,
// and the language check before recognition is what keeps other languages' words out.
inline constexpr double kLowRecognitionConfidence = 0.5;

// Clips with no text whose source is empty or "none" are resolved; the others keep what they have.
// Speech is recognised only in the recogniser's languages: a clip whose language (its own, else the
// project's) is not one of them gets the problem "no speech recogniser for zh: ..." and no words. A
// clip of unknown language is recognised; Whisper's multilingual models store the language they
// heard in the clip, other recognisers' words are marked low-confidence. Clips with text but no language get the
// language identified from it.
// A clip whose sidecar cannot be read (e.g. not UTF-8) or whose audio cannot be decoded gets a
// problem (stage "transcript") naming the file, and the other clips go on. `progress` gets
// (done, total) over the clips that needed resolving; `cancel` is checked between clips. Throws
// sl::Error when the project cannot be written or the recognition model cannot be loaded (a Whisper
// model file is checked before any clip is touched; the error names the file).
TranscriptResolveReport resolveTranscripts(store::Project &project,
                                           const std::function<void(int done, int total)> &progress = {},
                                           const std::atomic_bool *cancel = nullptr,
                                           const TranscriptResolveOptions &options = {});

}  // namespace sl::language
