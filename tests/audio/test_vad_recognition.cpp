// Speech recognition of speech segments: core/language/segmented_recognizer.h.
#include "core/audio/silero_vad.h"
#include "core/demo/speech_synth.h"
#include "core/language/segmented_recognizer.h"
#include "core/media/audio_decoder.h"

#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cmath>

using namespace sl;

namespace {

constexpr int kRate = 16000;

// Stands in for PocketSphinx or Whisper: remembers the audio of every call and "hears" one word
// 0.1 s into it, named after the call, with the language "en".
class RecordingRecognizer : public language::Recognizer {
public:
    std::vector<std::vector<float>> calls;
    language::Recognition recognize(std::span<const float> samples, const QString &) override
    {
        calls.emplace_back(samples.begin(), samples.end());
        language::Recognition r;
        r.text = QStringLiteral("w%1").arg(calls.size());
        r.words << language::RecognizedWord{r.text, 0.1, 0.3, 0.8};
        r.language = QStringLiteral("en");
        return r;
    }
};

}  // namespace

class TestVadRecognition : public QObject {
    Q_OBJECT

private slots:
    void segmentsReachTheRecognizer()
    {
        const auto vad = audio::SileroVad::shared();
        if (!vad)
            QSKIP("built without the Silero VAD weights");
        QTemporaryDir dir;
        const QString wav = dir.path() + QStringLiteral("/s.wav");
        demo::synthesizeSpeech(QStringLiteral("Good morning everyone"), {}, wav);
        std::vector<float> sentence = media::decodeAudioMono16k(wav);
        auto loud = [](float v) { return std::abs(v) > 1e-3F; };
        sentence = std::vector<float>(std::find_if(sentence.begin(), sentence.end(), loud),
                                      std::find_if(sentence.rbegin(), sentence.rend(), loud).base());
        // 1 s of silence, the sentence, 1.5 s of silence, the sentence, 1 s of silence.
        std::vector<float> clip(kRate, 0.0F);
        const double firstStart = 1.0;
        clip.insert(clip.end(), sentence.begin(), sentence.end());
        clip.resize(clip.size() + std::size_t(1.5 * kRate), 0.0F);
        const double secondStart = double(clip.size()) / kRate;
        clip.insert(clip.end(), sentence.begin(), sentence.end());
        clip.resize(clip.size() + kRate, 0.0F);
        const double sentenceSeconds = double(sentence.size()) / kRate;

        auto inner = std::make_unique<RecordingRecognizer>();
        RecordingRecognizer *recorder = inner.get();
        language::SegmentedRecognizer recognizer(std::move(inner), vad);
        const language::Recognition r = recognizer.recognize(clip, QStringLiteral("en"));

        // Two calls, each the sentence with about 0.2 s of padding on both sides, never the whole clip.
        QCOMPARE(recorder->calls.size(), std::size_t(2));
        for (const std::vector<float> &call : recorder->calls) {
            const double seconds = double(call.size()) / kRate;
            qInfo("segment of %.3f s for a sentence of %.3f s", seconds, sentenceSeconds);
            QVERIFY(std::abs(seconds - (sentenceSeconds + 0.4)) <= 0.1);
        }
        QCOMPARE(r.text, QStringLiteral("w1 w2"));
        QCOMPARE(r.language, QStringLiteral("en"));
        QCOMPARE(r.words.size(), 2);
        // Word times on the clip's time line: segment start (sentence start - 0.2 s) + 0.1 s.
        QVERIFY(std::abs(r.words[0].startSeconds - (firstStart - 0.2 + 0.1)) <= 0.06);
        QVERIFY(std::abs(r.words[1].startSeconds - (secondStart - 0.2 + 0.1)) <= 0.06);
        QVERIFY(std::abs(r.words[1].endSeconds - r.words[1].startSeconds - 0.2) < 1e-9);

        // Silence alone never reaches the recogniser.
        recorder->calls.clear();
        const std::vector<float> quiet(3 * kRate, 0.0F);
        const language::Recognition none = recognizer.recognize(quiet, QStringLiteral("en"));
        QVERIFY(recorder->calls.empty());
        QVERIFY(none.words.isEmpty());
        QCOMPARE(language::speechSegmentsForRecognition(quiet).size(), std::size_t(0));
    }

    void withoutTheNetworkTheClipGoesWhole()
    {
        auto inner = std::make_unique<RecordingRecognizer>();
        RecordingRecognizer *recorder = inner.get();
        language::SegmentedRecognizer recognizer(std::move(inner), nullptr);
        const std::vector<float> quiet(kRate, 0.0F);
        recognizer.recognize(quiet, QString());
        QCOMPARE(recorder->calls.size(), std::size_t(1));
        QCOMPARE(recorder->calls[0].size(), quiet.size());
    }
};

QTEST_GUILESS_MAIN(TestVadRecognition)
#include "test_vad_recognition.moc"
