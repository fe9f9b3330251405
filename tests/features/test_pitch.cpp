// YIN pitch and voicing through the acoustic extractor: tones within 1%, nothing voiced in silence
// or in noise.
#include "core/features/acoustic_features.h"
#include "tests/features/synth.h"

#include <QtTest>

#include <algorithm>

using namespace sl::features;

namespace {

std::vector<float> column(const FeatureMatrix &m, const char *name)
{
    const int c = m.column(name);
    std::vector<float> out;
    for (std::size_t f = 0; f < m.frames(); ++f)
        out.push_back(m.at(f, static_cast<std::size_t>(c)));
    return out;
}

}  // namespace

class TestPitch : public QObject {
    Q_OBJECT

private slots:
    void tonesWithinOnePercent_data()
    {
        QTest::addColumn<double>("hz");
        for (double hz : {65.0, 110.0, 220.0, 330.0, 440.0, 587.0})
            QTest::newRow(qPrintable(QString::number(hz))) << hz;
    }

    void tonesWithinOnePercent()
    {
        QFETCH(double, hz);
        const FeatureMatrix m = extractAcoustic(sl::test::sine(hz, 1.0, 0.3, 0.7));
        const std::vector<float> logF0 = column(m, "log_f0");
        const std::vector<float> voicing = column(m, "voicing_prob");
        // Frames whose pitch span reaches past the ends see zeros; judge those in the middle.
        int judged = 0;
        for (std::size_t f = 5; f + 5 < m.frames(); ++f, ++judged) {
            QVERIFY2(voicing[f] > 0.9F, qPrintable(QStringLiteral("frame %1 voicing %2").arg(f).arg(voicing[f])));
            const double f0 = std::exp(static_cast<double>(logF0[f]));
            QVERIFY2(std::abs(f0 - hz) < 0.01 * hz, qPrintable(QStringLiteral("frame %1: %2 Hz").arg(f).arg(f0)));
        }
        QVERIFY(judged > 80);
    }

    void harmonicRichVoiceLikeTone()
    {
        // A 150 Hz tone with stronger 2nd and 3rd harmonics: YIN must not jump an octave up.
        std::vector<float> x = sl::test::sine(150.0, 1.0, 0.2);
        const std::vector<float> h2 = sl::test::sine(300.0, 1.0, 0.3, 0.4);
        const std::vector<float> h3 = sl::test::sine(450.0, 1.0, 0.25, 1.1);
        for (std::size_t n = 0; n < x.size(); ++n)
            x[n] += h2[n] + h3[n];
        const FeatureMatrix m = extractAcoustic(x);
        const std::vector<float> logF0 = column(m, "log_f0");
        for (std::size_t f = 5; f + 5 < m.frames(); ++f)
            QVERIFY2(std::abs(std::exp(static_cast<double>(logF0[f])) - 150.0) < 1.5, qPrintable(QString::number(std::exp(logF0[f]))));
    }

    void silenceIsUnvoiced()
    {
        const FeatureMatrix m = extractAcoustic(std::vector<float>(16000, 0.0F));
        QVERIFY(m.frames() > 90);
        for (float v : column(m, "voicing_prob"))
            QCOMPARE(v, 0.0F);
        for (float v : column(m, "log_f0"))
            QCOMPARE(v, 0.0F);
    }

    void whiteNoiseIsUnvoiced()
    {
        for (std::uint32_t seed : {1U, 2U, 3U}) {
            const FeatureMatrix m = extractAcoustic(sl::test::whiteNoise(1.0, 0.5, seed));
            const std::vector<float> voicing = column(m, "voicing_prob");
            const std::vector<float> logF0 = column(m, "log_f0");
            for (std::size_t f = 0; f < m.frames(); ++f) {
                QVERIFY2(voicing[f] < 0.5F, qPrintable(QStringLiteral("seed %1 frame %2: %3").arg(seed).arg(f).arg(voicing[f])));
                QCOMPARE(logF0[f], 0.0F);
            }
        }
    }

    void chSimsPresetCarriesPitch()
    {
        const FeatureMatrix m = extractAcoustic(sl::test::sine(220.0, 0.5), acousticPreset("ch-sims-33"));
        const double f0 = std::exp(static_cast<double>(m.at(m.frames() / 2, 0)));
        QVERIFY(std::abs(f0 - 220.0) < 2.2);
    }
};

QTEST_GUILESS_MAIN(TestPitch)
#include "test_pitch.moc"
