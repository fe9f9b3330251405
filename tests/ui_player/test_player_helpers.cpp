// The player's arithmetic, without widgets: frame steps, envelopes, row scaling, face box lookup.
#include "ui/player/face_box_track.h"
#include "ui/player/frame_step.h"
#include "ui/player/unit_range.h"
#include "ui/player/waveform_envelope.h"

#include <QtTest>

#include <cmath>
#include <limits>

using namespace sl::ui;

class TestPlayerHelpers : public QObject {
    Q_OBJECT
private slots:
    void frameStepMovesOneFrameAt25Fps()
    {
        QCOMPARE(frameStepTarget(1000, 1, 25, 2000), 1040);
        QCOMPARE(frameStepTarget(1000, -2, 25, 2000), 920);
        // A position inside a frame snaps to the grid of frame starts.
        QCOMPARE(frameStepTarget(1013, 1, 25, 2000), 1040);
    }

    void frameStepStaysInsideTheClip()
    {
        QCOMPARE(frameStepTarget(20, -3, 25, 2000), 0);
        QCOMPARE(frameStepTarget(1960, 1, 25, 2000), 1960);  // the last frame starts at 1960
        QCOMPARE(frameStepTarget(1960, 5, 25, 0), 2160);     // unknown duration: no upper bound
    }

    void frameStepDoesNotDriftAtNtscRate()
    {
        // 29.97 fps frames last 33.37 ms; thirty single steps must equal one step of thirty.
        const double rate = 30000.0 / 1001.0;
        qint64 position = 0;
        for (int i = 0; i < 30; ++i) {
            const qint64 next = frameStepTarget(position, 1, rate, 60000);
            QVERIFY(next > position);
            position = next;
        }
        QCOMPARE(position, frameStepTarget(0, 30, rate, 60000));
        QCOMPARE(position, 1001);
    }

    void frameStepFallsBackTo25Fps()
    {
        QCOMPARE(frameStepTarget(0, 1, 0, 2000), 40);
    }

    void envelopeKeepsExtremesOfEachBucket()
    {
        const std::vector<float> samples{0.1f, -0.5f, 0.2f, 0.9f, -0.1f, 0.0f, 0.3f, -0.7f};
        const WaveformEnvelope envelope = envelopeOf(samples, 4, 2);
        QCOMPARE(envelope.times, (QVector<double>{0.0, 1.0}));
        QCOMPARE(envelope.lows, (QVector<double>{-0.5f, -0.7f}));
        QCOMPARE(envelope.highs, (QVector<double>{0.9f, 0.3f}));
    }

    void envelopeHasNoMoreBucketsThanSamples()
    {
        QCOMPARE(envelopeOf({0.5f, -0.5f}, 16000, 800).times.size(), 2);
        QVERIFY(envelopeOf({}, 16000, 800).times.isEmpty());
        QVERIFY(envelopeOf({1.0f}, 0, 800).times.isEmpty());
    }

    void envelopeOfFiveMinutesHasOneBucketPerPixel()
    {
        std::vector<float> samples(5 * 60 * 16000);
        for (size_t i = 0; i < samples.size(); ++i)
            samples[i] = static_cast<float>(std::sin(static_cast<double>(i) * 0.17));
        QElapsedTimer clock;
        clock.start();
        const WaveformEnvelope envelope = envelopeOf(samples, 16000, 1200);
        qInfo("envelope of 5 min at 16 kHz into 1200 buckets: %lld ms", static_cast<long long>(clock.elapsed()));
        QCOMPARE(envelope.times.size(), 1200);
        QCOMPARE(envelope.times.last(), 1199.0 * 300.0 / 1200.0);
    }

    void unitRangeScalesAndKeepsGaps()
    {
        const double nan = std::numeric_limits<double>::quiet_NaN();
        const QVector<double> scaled = toUnitRange({100, nan, 300, 200});
        QCOMPARE(scaled[0], 0.0);
        QVERIFY(std::isnan(scaled[1]));
        QCOMPARE(scaled[2], 1.0);
        QCOMPARE(scaled[3], 0.5);
        QCOMPARE(toUnitRange({4, 4}), (QVector<double>{0.5, 0.5}));
    }

    void faceBoxHoldsUntilTheNextSample()
    {
        FaceBoxTrack track;
        const QRectF a(0.1, 0.1, 0.3, 0.3);
        const QRectF b(0.5, 0.5, 0.2, 0.2);
        track.setSamples({1.0, 0.0, 2.0}, {b, a, QRectF()});  // unsorted on purpose
        QVERIFY(track.boxAt(-0.5).isEmpty());
        QCOMPARE(track.boxAt(0.0), a);
        QCOMPARE(track.boxAt(0.99), a);
        QCOMPARE(track.boxAt(1.5), b);
        QVERIFY(track.boxAt(2.5).isEmpty());  // no face found from 2 s on
    }
};

QTEST_APPLESS_MAIN(TestPlayerHelpers)
#include "test_player_helpers.moc"
