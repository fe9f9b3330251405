#include "core/language/transcript_resolver.h"

#include "core/common/error.h"
#include "core/io/transcript.h"
#include "core/language/clip_languages.h"
#include "core/language/language_id.h"
#include "core/language/recognizer_choice.h"
#include "core/language/sidecar_transcript.h"
#include "core/media/audio_decoder.h"
#include "core/media/media_info.h"
#include "core/store/project.h"
#include "core/store/savepoint.h"

#include <future>
#include <optional>

namespace sl::language {

namespace {

// What was found for one clip: a transcript to store, or the reason there is none.
struct Outcome {
    qint64 clipId = 0;
    QString text;
    QString source;
    QList<store::TranscriptCueRecord> cues;
    std::optional<double> durationSeconds;  // learnt while decoding, for clips that lacked it
    QString error;
    QString language;                   // to store when the clip had none; empty: leave as it is
    std::optional<double> confidence;   // recognised transcripts only
    bool lowConfidence = false;
};

bool needsTranscript(const store::Clip &clip)
{
    return clip.transcript.trimmed().isEmpty()
        && (clip.transcriptSource.isEmpty() || clip.transcriptSource == QLatin1String("none"));
}

Outcome readSidecar(const store::Clip &clip, const QString &file, const QString &media)
{
    Outcome outcome{clip.id, {}, {}, {}, std::nullopt, {}, {}, std::nullopt, false};
    try {
        io::Transcript transcript = io::readTranscriptFile(file);
        // Cues past the clip's end are refused or cut (issue 18, defect 12); the length is the one
        // stored, else the media's.
        double seconds = clip.durationSeconds.value_or(0.0);
        if (!(seconds > 0) && !media.isEmpty()) {
            try {
                seconds = media::probeMedia(media).durationSeconds;
            } catch (const Error &) {
                seconds = 0;  // unreadable media: its own problem, reported by the extractors
            }
        }
        io::fitCuesToClip(transcript, seconds, file);
        outcome.text = transcript.text;
        outcome.source = transcript.format;
        for (const io::TranscriptCue &cue : transcript.cues)
            outcome.cues << store::TranscriptCueRecord{cue.startSeconds, cue.endSeconds, cue.text};
        if (clip.language.isEmpty())
            outcome.language = identifyLanguage(outcome.text).code;
    } catch (const Error &error) {
        outcome.error = error.message();  // names the sidecar file (and line)
    }
    return outcome;
}

// A clip in a language that the recogniser does not know gets this problem, not its words.
Outcome noRecognizer(qint64 clipId, const QString &audioFile, const QString &language)
{
    Outcome outcome{clipId, {}, {}, {}, std::nullopt, {}, {}, std::nullopt, false};
    outcome.error = QStringLiteral("%1: no speech recogniser for %2: add a transcript (.srt, .vtt, .txt) or choose "
                                   "a recogniser model").arg(audioFile, language);
    return outcome;
}

Outcome recognise(Recognizer &recognizer, qint64 clipId, const QString &audioFile, bool wantDuration,
                  const QString &language, bool clipHasLanguage)
{
    Outcome outcome{clipId, {}, QStringLiteral("asr"), {}, std::nullopt, {}, {}, std::nullopt, false};
    try {
        const std::vector<float> audio = media::decodeAudioMono16k(audioFile);
        const Recognition recognition = recognizer.recognize(audio, language);
        outcome.text = recognition.text;
        outcome.confidence = recognition.confidence();
        // Audio of unknown language went to this recogniser on trust, unless the recogniser told the
        // language itself: its words are doubtful too.
        const bool languageTold = !language.isEmpty() || !recognition.language.isEmpty();
        outcome.lowConfidence = !languageTold || recognition.confidence() < kLowRecognitionConfidence;
        if (!clipHasLanguage)
            outcome.language = recognition.language;
        for (const RecognizedWord &word : recognition.words)
            outcome.cues << store::TranscriptCueRecord{word.startSeconds, word.endSeconds, word.text};
        if (wantDuration)
            outcome.durationSeconds = double(audio.size()) / media::kAnalysisSampleRate;
    } catch (const Error &error) {
        // The decoder's and the recogniser's messages start with the file ("FILE: problem"); the
        // stage goes after them, so the line reads "transcript: FILE: problem (speech recognition)".
        outcome.error = QStringLiteral("%1 (speech recognition)").arg(error.message());
    }
    return outcome;
}

// Writes one clip's outcome at once, so an interrupted run keeps what it has done.
void save(store::Project &project, const Outcome &outcome, TranscriptResolveReport &report)
{
    store::Savepoint savepoint(project.db());
    store::FeatureRepository features = project.features();
    const QString stage = QString::fromLatin1(kTranscriptStage);
    if (outcome.error.isEmpty()) {
        store::ClipRepository clips = project.clips();
        clips.setTranscript(outcome.clipId, outcome.text, outcome.source);
        clips.setCues(outcome.clipId, outcome.cues);
        if (outcome.confidence)
            clips.setTranscriptConfidence(outcome.clipId, outcome.confidence, outcome.lowConfidence);
        if (!outcome.language.isEmpty())
            clips.setLanguage(outcome.clipId, outcome.language);
        if (outcome.durationSeconds)
            clips.setDuration(outcome.clipId, *outcome.durationSeconds);
        features.clearProblem(outcome.clipId, stage);
        ++(outcome.source == QLatin1String("asr") ? report.recognized : report.fromSidecar);
    } else {
        const store::ClipProblem problem{outcome.clipId, stage, outcome.error};
        features.recordProblem(problem);
        report.problems << problem;
        ++report.failed;
    }
    savepoint.commit();
}

struct SpeechWork {
    qint64 clipId = 0;
    QString audioFile;
    bool wantDuration = false;
    QString language;              // expected (the clip's, else the project's); empty: unknown
    bool clipHasLanguage = false;  // the clip's own, which a recogniser's guess never replaces
};

}  // namespace

TranscriptResolveReport resolveTranscripts(store::Project &project, const std::function<void(int, int)> &progress,
                                           const std::atomic_bool *cancel, const TranscriptResolveOptions &options)
{
    TranscriptResolveReport report;
    const bool whisper = options.recognizeSpeech && !options.whisperModel.isEmpty();
    const RecognizerChoice recognizer = whisper ? RecognizerChoice::whisper(options.whisperModel)
                                                : RecognizerChoice::pocketSphinx(options.model);
    const auto cancelled = [cancel] { return cancel && cancel->load(); };
    detectClipLanguages(project);  // clips that came with text but no language
    const QString defaultLanguage = projectLanguage(project);
    QList<store::Clip> pending;
    for (const store::Clip &clip : project.clips().list()) {
        if (!options.shard.contains(clip))
            continue;
        if (needsTranscript(clip))
            pending << clip;
        else
            ++report.alreadySet;
    }
    const int total = int(pending.size());
    int done = 0;
    const auto advance = [&] {
        ++done;
        if (progress)
            progress(done, total);
    };

    // Sidecars are quick to read; speech waits for a second pass in parallel batches.
    std::vector<SpeechWork> speech;
    for (const store::Clip &clip : pending) {
        if (cancelled())
            break;
        const QString media = project.absolutePath(clip.mediaPath);
        const QString audio = project.absolutePath(clip.audioPath);
        QString sidecar = sidecarTranscriptFor(media);
        if (sidecar.isEmpty())
            sidecar = sidecarTranscriptFor(audio);
        if (!sidecar.isEmpty()) {
            save(project, readSidecar(clip, sidecar, media), report);
            advance();
        } else if (!options.recognizeSpeech) {
            advance();
        } else if (media.isEmpty() && audio.isEmpty()) {
            // A clip imported without media (features only): nothing to recognise, and no file to
            // name, so the message names the clip (it read "transcript: speech recognition: : ...").
            Outcome outcome{clip.id};
            outcome.error = QStringLiteral("clip %1: no transcript and no media file to recognise speech from; give "
                                           "its text in the dataset").arg(clip.key());
            save(project, outcome, report);
            advance();
        } else if (const QString language = expectedLanguage(clip, defaultLanguage);
                   !language.isEmpty() && !recognizer.supports(language)) {
            save(project, noRecognizer(clip.id, audio.isEmpty() ? media : audio, language), report);
            advance();
        } else {
            speech.push_back({clip.id, audio.isEmpty() ? media : audio, !clip.durationSeconds.has_value(), language,
                              !clip.language.isEmpty()});
        }
    }

    std::vector<std::unique_ptr<Recognizer>> recognizers(size_t(std::max(1, options.workers)));
    for (size_t next = 0; next < speech.size() && !cancelled(); next += recognizers.size()) {
        std::vector<std::future<Outcome>> batch;
        for (size_t slot = 0; slot < recognizers.size() && next + slot < speech.size(); ++slot) {
            batch.push_back(std::async(std::launch::async, [&, slot, work = speech[next + slot]] {
                if (!recognizers[slot])  // loaded on first use: a second or more each
                    recognizers[slot] = recognizer.create();
                return recognise(*recognizers[slot], work.clipId, work.audioFile, work.wantDuration, work.language,
                                 work.clipHasLanguage);
            }));
        }
        for (std::future<Outcome> &result : batch) {
            save(project, result.get(), report);
            advance();
        }
    }
    report.cancelled = cancelled() && done < total;
    return report;
}

}  // namespace sl::language
