// The presentation's rules without widgets: which clips a demo shows, how the playlist runs round,
// how the bars build up, how captions are cut, the life of a live take, and the level meter.
#include "ui/present/caption_track.h"
#include "ui/present/contribution_animation.h"
#include "ui/present/level_meter.h"
#include "ui/present/playlist_choice.h"
#include "ui/present/playlist_cursor.h"
#include "ui/present/take_lifecycle.h"

#include <QtTest>
#include <cmath>
#include <vector>

using namespace sl;
using namespace sl::present;

namespace {

store::ClipOverview clip(qint64 id, std::optional<double> t, std::optional<double> a, std::optional<double> v)
{
    store::ClipOverview row;
    row.id = id;
    row.reference[store::targetIndex(Target::T)] = t;
    row.reference[store::targetIndex(Target::A)] = a;
    row.reference[store::targetIndex(Target::V)] = v;
    return row;
}

store::TranscriptCueRecord cue(double start, double end, const char *text)
{
    return store::TranscriptCueRecord{start, end, QString::fromLatin1(text)};
}

}  // namespace

class TestPresentCore : public QObject {
    Q_OBJECT
private slots:
    void agreeingAndConflictingClipsAreToldApart()
    {
        const double band = neutralBandFor(-3, 3);
        QCOMPARE(band, 0.3);
        const auto agreeing = classifyClip(clip(1, 2.0, 1.0, 1.5), band);
        QVERIFY(agreeing);
        QCOMPARE(agreeing->kind, PlaylistKind::Agreeing);
        QCOMPARE(agreeing->strength, 1.0);  // the weakest of the three
        const auto conflicting = classifyClip(clip(2, 2.0, -1.5, 0.5), band);
        QVERIFY(conflicting);
        QCOMPARE(conflicting->kind, PlaylistKind::Conflicting);
        QCOMPARE(conflicting->strength, 3.0);  // |T| x the strongest opposite pull
        // A neutral text, or nothing pulling against it, tells neither story.
        QVERIFY(!classifyClip(clip(3, 0.1, -2.0, 2.0), band));
        QVERIFY(!classifyClip(clip(4, 2.0, 0.0, 1.0), band));
        QVERIFY(!classifyClip(clip(5, 2.0, std::nullopt, 1.0), band));
    }

    void predictionsStandInForMissingLabels()
    {
        store::ClipOverview row = clip(7, std::nullopt, std::nullopt, std::nullopt);
        row.prediction = {0.5, -1.0, 1.2, 0.9};
        const auto entry = classifyClip(row, 0.3);
        QVERIFY(entry);
        QCOMPARE(entry->kind, PlaylistKind::Conflicting);
        QCOMPARE(entry->strength, 1.0 * 1.2);
    }

    void playlistInterleavesTheStrongestOfEachKind()
    {
        const QList<store::ClipOverview> rows = {clip(1, 1.0, 1.0, 1.0),  clip(2, 2.5, 2.0, 2.0),   clip(3, -2.0, 1.0, 1.0),
                                                 clip(4, 3.0, -3.0, 0.0), clip(5, 0.0, 0.0, 0.0),   clip(6, -0.5, -0.5, -2.0),
                                                 clip(7, 1.0, -0.5, 1.0)};
        const QList<PlaylistEntry> playlist = choosePlaylist(rows, 2, 0.3);
        QList<qint64> ids;
        for (const PlaylistEntry &entry : playlist)
            ids << entry.clipId;
        QCOMPARE(ids, (QList<qint64>{2, 4, 1, 3}));
        // More asked for than there are: all of them, the longer kind at the end.
        QCOMPARE(choosePlaylist(rows, 10, 0.3).size(), 6);
        QVERIFY(choosePlaylist({}, 5, 0.3).isEmpty());
    }

    void cursorRunsRoundAndCountsRounds()
    {
        PlaylistCursor cursor;
        QCOMPARE(cursor.advance(), 0);  // empty: stays put
        cursor.reset(3);
        QCOMPARE(cursor.advance(), 1);
        QCOMPARE(cursor.advance(), 2);
        QCOMPARE(cursor.rounds(), 0);
        QCOMPARE(cursor.advance(), 0);
        QCOMPARE(cursor.rounds(), 1);
        QCOMPARE(cursor.advance(-1), 2);
        QCOMPARE(cursor.rounds(), 2);
        cursor.setPaused(true);
        QVERIFY(cursor.isPaused());
    }

    void barsBuildUpWhileTheClipPlays()
    {
        ContributionAnimation animation;
        animation.setTarget(Contributions{{2.0, -1.0, 0.5}, true});
        QCOMPARE(animation.current()[0], 0.0);
        double previous = 0;
        for (double p = 0.1; p <= 1.0; p += 0.1) {
            animation.setProgress(p);
            QVERIFY(animation.current()[0] > previous || animation.current()[0] == 2.0);
            previous = animation.current()[0];
        }
        animation.setProgress(ContributionAnimation::kFullAt);
        QCOMPARE(animation.current()[0], 2.0);
        QCOMPARE(animation.current()[1], -1.0);
        animation.setProgress(5.0);  // clamped
        QCOMPARE(animation.progress(), 1.0);
        QCOMPARE(animation.current()[2], 0.5);
        QCOMPARE(easeOut(0.5), 0.875);
        // A new clip starts from nothing.
        animation.setTarget(Contributions{{1.0, 1.0, 1.0}, false});
        QCOMPARE(animation.current()[1], 0.0);
    }

    void captionsGatherWordsIntoShortLines()
    {
        const QList<store::TranscriptCueRecord> cues = {cue(0.0, 0.3, "I"),     cue(0.3, 0.6, "really"), cue(0.6, 1.0, "loved"),
                                                        cue(1.0, 1.4, "it"),    cue(2.5, 2.9, "but"),    cue(2.9, 3.2, "the"),
                                                        cue(3.2, 3.6, "ending")};
        const QList<CaptionLine> lines = captionLines(cues, 3);
        QCOMPARE(lines.size(), 3);
        QCOMPARE(lines[0].text, QStringLiteral("I really loved"));
        QCOMPARE(lines[1].text, QStringLiteral("it"));  // the pause before "but" ends the line
        QCOMPARE(lines[2].text, QStringLiteral("but the ending"));
        QCOMPARE(lines[2].startSeconds, 2.5);
        QCOMPARE(captionAt(lines, 0.0), QStringLiteral("I really loved"));
        QCOMPARE(captionAt(lines, 2.0), QStringLiteral("it"));  // stays up through the pause
        QCOMPARE(captionAt(lines, 3.0), QStringLiteral("but the ending"));
        QVERIFY(captionAt(lines, -1.0).isEmpty());
    }

    void untimedTranscriptsShareTheDuration()
    {
        const QList<CaptionLine> lines = evenCaptionLines(QStringLiteral("one two three four five"), 5.0, 2);
        QCOMPARE(lines.size(), 3);
        QCOMPARE(lines[1].text, QStringLiteral("three four"));
        QCOMPARE(lines[1].startSeconds, 2.0);
        QCOMPARE(lines[2].endSeconds, 5.0);
        QVERIFY(evenCaptionLines(QStringLiteral("  "), 5.0, 2).isEmpty());
    }

    void aTakeGoesThroughItsStepsInOrder()
    {
        TakeLifecycle take(2, 5);
        QVERIFY(!take.tick());
        QVERIFY(!take.recorded());
        QVERIFY(take.start());
        QCOMPARE(take.state(), TakeState::Countdown);
        QCOMPARE(take.countdownLeft(), 2);
        QVERIFY(take.isBusy());
        QVERIFY(!take.start());  // one take at a time
        QVERIFY(take.tick());
        QCOMPARE(take.state(), TakeState::Countdown);
        QVERIFY(take.tick());
        QCOMPARE(take.state(), TakeState::Recording);
        QVERIFY(!take.keep());
        QVERIFY(take.recorded());
        QCOMPARE(take.state(), TakeState::Analysing);
        QVERIFY(take.analysed());
        QCOMPARE(take.state(), TakeState::Presenting);
        QVERIFY(!take.isBusy());
        QVERIFY(!take.cancel());  // a presented take is kept or discarded, not cancelled
        QVERIFY(take.keep());
        QCOMPARE(take.state(), TakeState::Kept);
        QVERIFY(take.start());  // the next take
        QVERIFY(take.cancel());
        QCOMPARE(take.state(), TakeState::Idle);
        take.start();
        take.fail(QStringLiteral("take.mp4: no audio stream"));
        QCOMPARE(take.state(), TakeState::Failed);
        QCOMPARE(take.error(), QStringLiteral("take.mp4: no audio stream"));
        QVERIFY(take.start());
        QVERIFY(take.error().isEmpty());
        TakeLifecycle immediate(0, 5);
        QVERIFY(immediate.start());
        QCOMPARE(immediate.state(), TakeState::Recording);
    }

    void levelMeterFollowsLoudness()
    {
        LevelMeter meter;
        const std::vector<float> silence(800, 0.0f);
        QCOMPARE(meter.feed(silence), 0.0);
        QCOMPARE(rmsDb({}), LevelMeter::kFloorDb);
        std::vector<float> sine(1600);
        for (size_t i = 0; i < sine.size(); ++i)
            sine[i] = float(std::sin(2 * M_PI * 440.0 * double(i) / 16000.0));
        QVERIFY(std::fabs(rmsDb(sine) + 3.01) < 0.05);  // a full-scale sine is -3 dBFS
        QVERIFY(std::fabs(meter.feed(sine) - (1.0 - 3.01 / 60.0)) < 0.002);
        const double peak = meter.peak();
        meter.feed(silence);
        QCOMPARE(meter.level(), 0.0);
        QVERIFY(std::fabs(meter.peak() - (peak - LevelMeter::kPeakFall)) < 1e-9);  // falls back slowly
        std::vector<float> quiet(sine);
        for (float &s : quiet)
            s *= 0.01f;  // -40 dB
        QVERIFY(std::fabs(meter.feed(quiet) - (1.0 - 43.01 / 60.0)) < 0.002);
    }
};

QTEST_APPLESS_MAIN(TestPresentCore)
#include "test_present_core.moc"
