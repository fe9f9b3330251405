// Frame layout, names and the values of the acoustic descriptors on signals whose answers are
// known, with MFCCs checked against a direct computation written here from the definitions.
#include "core/features/acoustic_features.h"
#include "tests/features/synth.h"

#include <QtTest>

#include <complex>
#include <set>

using namespace sl::features;

namespace {

double at(const FeatureMatrix &m, std::size_t frame, const char *name)
{
    const int c = m.column(name);
    if (c < 0)
        qFatal("no column %s", name);
    return m.at(frame, static_cast<std::size_t>(c));
}

// MFCC 1..count of the 400-sample frame at `start`, the slow way: a periodic Hann window, a
// 512-point DFT as a plain double sum, HTK-mel triangles of peak 1 from 0 Hz to 8 kHz, natural
// log floored at 1e-10, orthonormal DCT-II.
std::vector<double> referenceMfcc(const std::vector<float> &x, std::size_t start, int bands, int count)
{
    const int window = 400;
    const int size = 512;
    std::vector<double> frame(size, 0.0);
    for (int n = 0; n < window; ++n) {
        const double w = std::pow(std::sin(std::numbers::pi * n / window), 2.0);
        frame[static_cast<std::size_t>(n)] = w * x[start + static_cast<std::size_t>(n)];
    }
    std::vector<double> power(size / 2 + 1);
    for (int k = 0; k <= size / 2; ++k) {
        std::complex<double> sum;
        for (int n = 0; n < size; ++n)
            sum += frame[static_cast<std::size_t>(n)] * std::exp(std::complex<double>(0.0, -2.0 * std::numbers::pi * k * n / size));
        power[static_cast<std::size_t>(k)] = std::norm(sum);
    }
    const auto mel = [](double hz) { return 1127.0 * std::log(1.0 + hz / 700.0); };  // = 2595 log10(1 + f/700)
    const auto hz = [](double m) { return 700.0 * (std::exp(m / 1127.0) - 1.0); };
    std::vector<double> logEnergy(static_cast<std::size_t>(bands));
    for (int b = 0; b < bands; ++b) {
        const double left = hz(mel(8000.0) * b / (bands + 1));
        const double centre = hz(mel(8000.0) * (b + 1) / (bands + 1));
        const double right = hz(mel(8000.0) * (b + 2) / (bands + 1));
        double energy = 0.0;
        for (int k = 0; k <= size / 2; ++k) {
            const double f = k * 16000.0 / size;
            energy += std::max(0.0, std::min((f - left) / (centre - left), (right - f) / (right - centre))) * power[static_cast<std::size_t>(k)];
        }
        logEnergy[static_cast<std::size_t>(b)] = std::log(std::max(energy, 1e-10));
    }
    std::vector<double> out;
    for (int k = 1; k <= count; ++k) {
        double sum = 0.0;
        for (int b = 0; b < bands; ++b)
            sum += logEnergy[static_cast<std::size_t>(b)] * std::cos(std::numbers::pi * k * (b + 0.5) / bands);
        out.push_back(std::sqrt(2.0 / bands) * sum);
    }
    return out;
}

}  // namespace

class TestAcoustic : public QObject {
    Q_OBJECT

private slots:
    void namesOfTheLayouts()
    {
        const std::vector<std::string> names = acousticFeatureNames(acousticPreset("default"));
        QCOMPARE(names.size(), std::size_t{35});
        QCOMPARE(std::set<std::string>(names.begin(), names.end()).size(), names.size());
        QCOMPARE(names.front(), std::string("log_f0"));
        QCOMPARE(names[4], std::string("mfcc_1"));
        QCOMPARE(names[23], std::string("mfcc_20"));
        QCOMPARE(names[27], std::string("zero_crossing_rate"));
        // The voice activity columns close the layout (core/audio/voice_activity_features.h).
        QCOMPARE(names[28], std::string("speech_prob"));
        QCOMPARE(names.back(), std::string("pause_ratio"));

        const std::vector<std::string> sims = acousticFeatureNames(acousticPreset("ch-sims-33"));
        QCOMPARE(sims.size(), std::size_t{33});
        QCOMPARE(sims[0], std::string("log_f0"));
        QCOMPARE(sims[20], std::string("mfcc_20"));
        QCOMPARE(sims[21], std::string("chroma_C"));
        QCOMPARE(sims[32], std::string("chroma_B"));
        QCOMPARE(acousticPresetNames(), (std::vector<std::string>{"default", "ch-sims-33"}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, acousticPreset("opensmile"));
    }

    void frameTimesAreCentresInsideTheClip()
    {
        const FeatureMatrix m = extractAcoustic(sl::test::sine(300.0, 1.0));
        QCOMPARE(m.frames(), std::size_t{98});  // 1 + (16000 - 400) / 160
        QCOMPARE(m.values.size(), m.frames() * m.dims());
        QCOMPARE(m.times.front(), 0.0125);
        for (std::size_t f = 1; f < m.frames(); ++f)
            QVERIFY(std::abs(m.times[f] - m.times[f - 1] - 0.010) < 1e-12);
        QVERIFY(m.times.back() <= 1.0 - 0.0125 + 1e-12);

        AcousticConfig slow;
        slow.windowSeconds = 0.050;
        slow.hopSeconds = 0.020;
        const FeatureMatrix s = extractAcoustic(sl::test::sine(300.0, 1.0), slow);
        QCOMPARE(s.frames(), std::size_t{48});  // 1 + (16000 - 800) / 320
        QCOMPARE(s.times.front(), 0.025);

        QCOMPARE(extractAcoustic(std::vector<float>(100, 0.1F)).frames(), std::size_t{1});
        QCOMPARE(extractAcoustic({}).frames(), std::size_t{0});
    }

    void rmsOfSineIsAmplitudeOverRootTwo_data()
    {
        QTest::addColumn<double>("hz");
        QTest::addColumn<double>("amplitude");
        QTest::newRow("440 Hz, 0.5") << 440.0 << 0.5;
        QTest::newRow("1 kHz, 0.1") << 1000.0 << 0.1;
        QTest::newRow("200 Hz, 0.9") << 200.0 << 0.9;
    }

    void rmsOfSineIsAmplitudeOverRootTwo()
    {
        QFETCH(double, hz);
        QFETCH(double, amplitude);
        const FeatureMatrix m = extractAcoustic(sl::test::sine(hz, 0.5, amplitude, 0.3));
        const double expected = amplitude / std::numbers::sqrt2;
        for (std::size_t f = 0; f < m.frames(); ++f) {
            QVERIFY(std::abs(at(m, f, "rms") - expected) < 1e-4 * amplitude + 1e-6);
            QVERIFY(std::abs(at(m, f, "loudness_db") - 20.0 * std::log10(expected)) < 0.01);
        }
    }

    void spectralShapeOfATone()
    {
        const FeatureMatrix m = extractAcoustic(sl::test::sine(1000.0, 0.5, 0.5));
        for (std::size_t f = 0; f < m.frames(); ++f) {
            QVERIFY2(std::abs(at(m, f, "spectral_centroid_hz") - 1000.0) < 20.0, qPrintable(QString::number(at(m, f, "spectral_centroid_hz"))));
            QVERIFY(std::abs(at(m, f, "spectral_rolloff_hz") - 1000.0) <= 31.25);
            QVERIFY(std::abs(at(m, f, "zero_crossing_rate") - 2.0 * 1000.0 / 16000.0) < 0.003);
            if (f > 0)
                QVERIFY(at(m, f, "spectral_flux") < 0.01);
        }
        QCOMPARE(at(m, 0, "spectral_flux"), 0.0);
    }

    void fluxMarksAChangeOfSound()
    {
        std::vector<float> x = sl::test::sine(500.0, 0.5);
        const std::vector<float> high = sl::test::sine(2500.0, 0.5);
        x.insert(x.end(), high.begin(), high.end());
        const FeatureMatrix m = extractAcoustic(x);
        double peak = 0.0;
        double peakTime = 0.0;
        for (std::size_t f = 0; f < m.frames(); ++f) {
            if (at(m, f, "spectral_flux") > peak) {
                peak = at(m, f, "spectral_flux");
                peakTime = m.times[f];
            }
        }
        QVERIFY(peak > 0.5);
        QVERIFY(std::abs(peakTime - 0.5) < 0.02);
    }

    void mfccMatchesDirectComputation()
    {
        // Three partials and some deterministic noise, so every band has energy.
        std::vector<float> x = sl::test::whiteNoise(0.3, 0.02, 7);
        for (double hz : {180.0, 1234.5, 3100.0}) {
            const std::vector<float> partial = sl::test::sine(hz, 0.3, 0.2, hz / 1000.0);
            for (std::size_t n = 0; n < x.size(); ++n)
                x[n] += partial[n];
        }
        const FeatureMatrix m = extractAcoustic(x);
        const int first = m.column("mfcc_1");
        for (std::size_t f : {std::size_t{0}, std::size_t{7}, m.frames() - 1}) {
            const std::vector<double> expected = referenceMfcc(x, f * 160, 40, 20);
            for (std::size_t k = 0; k < expected.size(); ++k) {
                const double got = m.at(f, static_cast<std::size_t>(first) + k);
                QVERIFY2(std::abs(got - expected[k]) < 1e-3 * std::max(1.0, std::abs(expected[k])),
                         qPrintable(QStringLiteral("frame %1 mfcc_%2: %3 vs %4").arg(f).arg(k + 1).arg(got).arg(expected[k])));
            }
        }
    }

    void silenceGivesFiniteFloorValues()
    {
        const FeatureMatrix m = extractAcoustic(std::vector<float>(4000, 0.0F));
        for (float v : m.values)
            QVERIFY(std::isfinite(v));
        QCOMPARE(at(m, 3, "loudness_db"), -100.0);
        QCOMPARE(at(m, 3, "spectral_centroid_hz"), 0.0);
        // All 40 log energies sit at the floor, so the DCT of a constant gives 0 for c1 and up.
        QVERIFY(std::abs(at(m, 3, "mfcc_1")) < 1e-4);
    }

    void chromaFindsThePitchClass_data()
    {
        QTest::addColumn<double>("hz");
        QTest::addColumn<QString>("pitchClass");
        QTest::newRow("A4") << 440.0 << "A";
        QTest::newRow("C4") << 261.63 << "C";
        QTest::newRow("F#3") << 185.0 << "F#";
        QTest::newRow("E6") << 1318.5 << "E";
    }

    void chromaFindsThePitchClass()
    {
        QFETCH(double, hz);
        QFETCH(QString, pitchClass);
        const FeatureMatrix m = extractAcoustic(sl::test::sine(hz, 1.0), acousticPreset("ch-sims-33"));
        const std::size_t f = m.frames() / 2;
        const int first = m.column("chroma_C");
        const int target = m.column("chroma_" + pitchClass.toStdString()) - first;
        QCOMPARE(m.at(f, static_cast<std::size_t>(first + target)), 1.0F);
        // A Hann window of Q cycles passes a tone one semitone away at half amplitude, a quarter
        // of the power; two semitones away it passes almost nothing.
        for (int p = 0; p < 12; ++p) {
            const int distance = std::min((p - target + 12) % 12, (target - p + 12) % 12);
            const float value = m.at(f, static_cast<std::size_t>(first + p));
            if (distance == 1)
                QVERIFY2(value > 0.2F && value < 0.32F, qPrintable(QString::number(value)));
            else if (distance > 1)
                QVERIFY2(value < 0.01F, qPrintable(QString::fromStdString(m.names[static_cast<std::size_t>(first + p)])));
        }
    }

    void chromaOfSilenceIsZero()
    {
        const FeatureMatrix m = extractAcoustic(std::vector<float>(8000, 0.0F), acousticPreset("ch-sims-33"));
        for (int c = m.column("chroma_C"); c < static_cast<int>(m.dims()); ++c)
            QCOMPARE(m.at(10, static_cast<std::size_t>(c)), 0.0F);
    }
};

QTEST_GUILESS_MAIN(TestAcoustic)
#include "test_acoustic.moc"
