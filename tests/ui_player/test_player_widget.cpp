// The player widget on a real clip made with the ffmpeg CLI, under the offscreen platform and the
// FFmpeg media backend.
#include "tests/support/temp_project.h"
#include "ui/player/face_box_overlay.h"
#include "ui/player/player_widget.h"
#include "ui/player/video_surface.h"
#include "ui/player/timeline_plot.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QMediaPlayer>
#include <QProcess>
#include <QSlider>
#include <QStandardPaths>
#include <QVideoFrame>
#include <QVideoSink>
#include <QtTest>

#include <cmath>

using namespace sl::ui;

namespace {

constexpr qint64 kClipMs = 2000;
constexpr qint64 kFrameMs = 40;  // the clip is 25 fps

// A 440 Hz tone whose loudness swells and fades like syllables, so the envelope has a shape.
std::vector<float> speechLikeTone(double seconds, int rate)
{
    std::vector<float> samples(static_cast<size_t>(seconds * rate));
    for (size_t i = 0; i < samples.size(); ++i) {
        const double t = static_cast<double>(i) / rate;
        const double loudness = 0.1 + 0.8 * std::abs(std::sin(2 * M_PI * 1.5 * t));
        samples[i] = static_cast<float>(loudness * std::sin(2 * M_PI * 440.0 * t));
    }
    return samples;
}

TimelineCurve curve(const QString &name, CurveSource source)
{
    TimelineCurve c{name, {}, {}, source};
    for (int i = 0; i <= 20; ++i) {
        c.times.append(i * 0.1);
        c.values.append(std::sin(i * 0.4 + static_cast<double>(name.size())));
    }
    return c;
}

QList<TimelineCurve> threeCurves()
{
    return {curve(QStringLiteral("pitch"), CurveSource::Audio), curve(QStringLiteral("energy"), CurveSource::Audio),
            curve(QStringLiteral("smile"), CurveSource::Video)};
}

}  // namespace

class TestPlayerWidget : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_clip;

    // Loads the test clip and waits until the player knows how long it is.
    void load(PlayerWidget &player)
    {
        player.setClip(m_clip);
        QTRY_VERIFY_WITH_TIMEOUT(std::abs(player.duration() - kClipMs) <= kFrameMs, 10000);
    }

    // Loads the clip with a waveform and the given curves under it.
    void loadWithTimeline(PlayerWidget &player, const QList<TimelineCurve> &curves = threeCurves())
    {
        load(player);
        player.setWaveform(speechLikeTone(2, 16000), 16000);
        player.setCurves(curves);
    }

    // Layout-dependent checks (pixel buckets, clicks) need a real size and an exposed window.
    static bool shownAt(PlayerWidget &player, QSize size)
    {
        player.resize(size);
        player.show();
        return QTest::qWaitForWindowExposed(&player);
    }

    static TimelinePlot *timeline(const PlayerWidget &player) { return player.findChild<TimelinePlot *>(); }

private slots:
    void initTestCase()
    {
        const QString ffmpeg = QStandardPaths::findExecutable(QStringLiteral("ffmpeg"));
        if (ffmpeg.isEmpty())
            QSKIP("the ffmpeg CLI is needed to make the test clip");
        m_clip = m_dir.filePath(QStringLiteral("clip.mp4"));
        QProcess encode;
        encode.start(ffmpeg, {"-v", "error", "-y", "-f", "lavfi", "-i", "testsrc=size=160x120:rate=25", "-f", "lavfi",
                              "-i", "sine=frequency=440:sample_rate=16000", "-t", "2", "-c:v", "libx264",
                              "-pix_fmt", "yuv420p", "-c:a", "aac", m_clip});
        QVERIFY(encode.waitForFinished(60000));
        QVERIFY2(encode.exitCode() == 0, encode.readAllStandardError().constData());
    }

    void switchingClipsShowsTheNewFirstFrame()
    {
        // Regression: a clip loaded while the previous one sat paused on its first frame stayed black.
        const QString second = m_dir.filePath(QStringLiteral("second.mp4"));
        QVERIFY(QFile::copy(m_clip, second));
        PlayerWidget player;
        QVERIFY(shownAt(player, {640, 480}));
        auto *surface = player.findChild<VideoSurface *>();
        QVERIFY(surface);
        load(player);
        QTRY_VERIFY_WITH_TIMEOUT(!surface->pictureRect().isEmpty(), 10000);
        player.setClip(second);
        QVERIFY(surface->pictureRect().isEmpty());  // the old frame is gone at once
        QTRY_VERIFY_WITH_TIMEOUT(!surface->pictureRect().isEmpty(), 10000);
    }

    void loadsClipAndReadsItsFrameRate()
    {
        PlayerWidget player;
        QSignalSpy durations(&player, &PlayerWidget::durationChanged);
        load(player);
        QVERIFY(!durations.isEmpty());
        QCOMPARE(player.frameRate(), 25.0);
        QVERIFY(player.errorText().isEmpty());
        QVERIFY(player.isVideoVisible());
    }

    void seeksAndStepsFrames()
    {
        PlayerWidget player;
        load(player);
        player.seekTo(1000);
        QTRY_COMPARE(player.position(), 1000);
        player.stepFrames(1);
        QTRY_COMPARE(player.position(), 1000 + kFrameMs);
        player.stepFrames(-2);
        QTRY_COMPARE(player.position(), 1000 - kFrameMs);
        player.seekBy(500);
        QTRY_COMPARE(player.position(), 1460);
        player.seekTo(5000);  // beyond the end: clamped
        QTRY_COMPARE(player.position(), kClipMs);
        player.stepFrames(1);  // stays on the last frame
        QTRY_COMPARE(player.position(), kClipMs - kFrameMs);
    }

    void steppingWhilePausedShowsTheNewFrame()
    {
        PlayerWidget player;
        load(player);
        player.play();
        QTRY_VERIFY_WITH_TIMEOUT(player.position() >= 200, 5000);
        player.pause();
        QTRY_VERIFY(!player.isPlaying());
        auto *sink = player.findChild<QVideoSink *>();
        QSignalSpy frames(sink, &QVideoSink::videoFrameChanged);
        player.seekTo(1000);
        player.stepFrames(1);
        QTRY_VERIFY_WITH_TIMEOUT(!frames.isEmpty() && std::abs(sink->videoFrame().startTime() / 1000 - 1040) < kFrameMs, 5000);
    }

    void aLoadedClipShowsItsFirstFrameAndStepsWithoutPlaying()
    {
        PlayerWidget player;
        auto *sink = player.findChild<QVideoSink *>();
        QSignalSpy frames(sink, &QVideoSink::videoFrameChanged);
        load(player);
        QTRY_VERIFY_WITH_TIMEOUT(!frames.isEmpty(), 5000);
        QCOMPARE(sink->videoFrame().startTime(), 0);
        player.stepFrames(2);
        QTRY_VERIFY_WITH_TIMEOUT(sink->videoFrame().startTime() / 1000 == 2 * kFrameMs, 5000);
        QVERIFY(!player.isPlaying());
    }

    void playThenPauseAdvancesAndStops()
    {
        PlayerWidget player;
        QSignalSpy playing(&player, &PlayerWidget::playingChanged);
        load(player);
        player.seekTo(0);
        player.togglePlay();
        QTRY_VERIFY(player.isPlaying());
        QTRY_VERIFY_WITH_TIMEOUT(player.position() >= 300, 5000);
        player.togglePlay();
        QTRY_VERIFY(!player.isPlaying());
        const qint64 paused = player.position();
        QTest::qWait(300);
        QCOMPARE(player.position(), paused);
        QCOMPARE(playing.count(), 2);
        QCOMPARE(playing.at(0).at(0).toBool(), true);
        QCOMPARE(playing.at(1).at(0).toBool(), false);
    }

    void loopRestartsTheClip()
    {
        PlayerWidget player;
        load(player);
        player.setLoop(true);
        QVERIFY(player.isLooping());
        bool reachedEnd = false;
        connect(&player, &PlayerWidget::positionChanged, this, [&](qint64 ms) { reachedEnd |= ms >= 1900; });
        player.seekTo(1700);
        player.play();
        QTRY_VERIFY_WITH_TIMEOUT(reachedEnd && player.position() < 1000 && player.isPlaying(), 5000);

        player.setLoop(false);
        QTRY_VERIFY_WITH_TIMEOUT(!player.isPlaying(), 5000);  // plays to the end once, then stops
    }

    void speedSetsThePlaybackRate()
    {
        PlayerWidget player;
        load(player);
        auto *media = player.findChild<QMediaPlayer *>();
        auto *combo = player.findChild<QComboBox *>();
        QVERIFY(media && combo);
        QCOMPARE(combo->currentData().toDouble(), 1.0);
        player.setSpeed(1.5);
        QCOMPARE(media->playbackRate(), 1.5);
        QCOMPARE(combo->currentData().toDouble(), 1.5);
        player.setSpeed(1.1);  // not a preset: gets its own entry
        // The backend keeps the rate as a float.
        QVERIFY(std::abs(media->playbackRate() - 1.1) < 1e-6);
        QCOMPARE(combo->currentData().toDouble(), 1.1);
        player.setSpeed(5);
        QCOMPARE(media->playbackRate(), 2.0);
        player.setSpeed(0.1);
        QCOMPARE(media->playbackRate(), 0.5);
        QCOMPARE(player.speed(), 0.5);
    }

    void reviewModesHideAndMute_data()
    {
        QTest::addColumn<ReviewMode>("mode");
        QTest::addColumn<bool>("video");
        QTest::addColumn<bool>("muted");
        QTest::addColumn<QStringList>("rows");
        QTest::newRow("all") << ReviewMode::All << true << false
                             << QStringList{"Audio", "pitch", "energy", "smile", "note"};
        QTest::newRow("text only") << ReviewMode::TextOnly << false << true << QStringList{"note"};
        QTest::newRow("audio only") << ReviewMode::AudioOnly << false << false
                                    << QStringList{"Audio", "pitch", "energy", "note"};
        QTest::newRow("video only") << ReviewMode::VideoOnly << true << true << QStringList{"smile", "note"};
    }

    void reviewModesHideAndMute()
    {
        QFETCH(ReviewMode, mode);
        QFETCH(bool, video);
        QFETCH(bool, muted);
        QFETCH(QStringList, rows);
        PlayerWidget player;
        loadWithTimeline(player, threeCurves() << curve(QStringLiteral("note"), CurveSource::Other));
        player.setReviewMode(mode);
        QCOMPARE(player.isVideoVisible(), video);
        QCOMPARE(player.isAudioMuted(), muted);
        QStringList shown;
        for (int i = 0; i < timeline(player)->graphCount(); ++i) {
            if (!shown.contains(timeline(player)->graph(i)->name()))
                shown << timeline(player)->graph(i)->name();
        }
        QCOMPARE(shown, rows);
        if (!video)
            QVERIFY(!player.findChild<QLabel *>(QStringLiteral("playerMessage"))->text().isEmpty());
        // The user's own mute adds to the mode's.
        player.setMuted(true);
        QVERIFY(player.isAudioMuted());
        player.setMuted(false);
        QCOMPARE(player.isAudioMuted(), muted);
    }

    void playsClipsWhosePathIsNotAscii_data()
    {
        QTest::addColumn<QString>("relative");
        QTest::newRow("umlaut file") << QStringLiteral("clip ü.mp4");
        QTest::newRow("chinese folder") << QStringLiteral("项目 中文/片段.mp4");
        QTest::newRow("emoji") << QStringLiteral("😀/clip😀.mp4");
        QTest::newRow("percent and hash") << QStringLiteral("100% #1/a%20b.mp4");
    }

    void playsClipsWhosePathIsNotAscii()
    {
        // Issue 18, defect 5: the extractor read these files while the player showed nothing.
        QFETCH(QString, relative);
        const QString path = m_dir.filePath(relative);
        QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
        QFile::remove(path);
        QVERIFY(QFile::copy(m_clip, path));
        PlayerWidget player;
        player.setClip(path);
        QTRY_VERIFY_WITH_TIMEOUT(std::abs(player.duration() - kClipMs) <= kFrameMs && player.errorText().isEmpty(), 10000);
        QVERIFY2(player.errorText().isEmpty(), qPrintable(player.errorText()));
        QCOMPARE(player.frameRate(), 25.0);
        player.seekTo(1000);
        QTRY_VERIFY_WITH_TIMEOUT(std::abs(player.position() - 1000) <= kFrameMs, 10000);
    }

    void clipWithoutMediaSaysSo()
    {
        PlayerWidget player;
        auto *message = player.findChild<QLabel *>(QStringLiteral("playerMessage"));
        player.setClipWithoutMedia();
        QVERIFY2(message->text().contains(QStringLiteral("no media")), qPrintable(message->text()));
        QVERIFY(!player.isVideoVisible());
        player.play();
        QVERIFY(!player.isPlaying());
        player.setClip({});  // unloading again is "no clip", not "no media"
        QVERIFY(!message->text().contains(QStringLiteral("no media")));
    }

    void missingFileShowsItsName()
    {
        PlayerWidget player;
        QSignalSpy errors(&player, &PlayerWidget::errorOccurred);
        player.setClip(m_dir.filePath(QStringLiteral("gone.mp4")));
        QCOMPARE(errors.count(), 1);
        QVERIFY(errors.at(0).at(0).toString().contains(QStringLiteral("gone.mp4")));
        auto *message = player.findChild<QLabel *>(QStringLiteral("playerMessage"));
        QVERIFY(message->text().contains(QStringLiteral("gone.mp4")));
        QVERIFY(message->isVisibleTo(&player));
        QVERIFY(!player.isVideoVisible());
        player.play();  // nothing to play: stays put
        QVERIFY(!player.isPlaying());
    }

    void unplayableFileShowsItsNameAndAGoodClipRecovers()
    {
        const QString bad = sl::test::writeFile(m_dir, QStringLiteral("notes.mp4"), "just some words\n");
        PlayerWidget player;
        QSignalSpy errors(&player, &PlayerWidget::errorOccurred);
        player.setClip(bad);
        QTRY_VERIFY_WITH_TIMEOUT(!errors.isEmpty(), 5000);
        QVERIFY(errors.at(0).at(0).toString().contains(QStringLiteral("notes.mp4")));
        QVERIFY(player.findChild<QLabel *>(QStringLiteral("playerMessage"))->text().contains(QStringLiteral("notes.mp4")));
        QVERIFY(!player.isVideoVisible());

        load(player);
        QVERIFY(player.errorText().isEmpty());
        QVERIFY(player.isVideoVisible());
    }

    void waveformAndCurvesArePlotted()
    {
        PlayerWidget player;
        QVERIFY(shownAt(player, {800, 600}));
        loadWithTimeline(player);
        TimelinePlot *plot = timeline(player);
        plot->replot();
        QCOMPARE(plot->rowCount(), 4);
        QCOMPARE(plot->graphCount(), 2 + 3);  // upper and lower edge of the waveform, then curves
        // One envelope bucket per pixel of the plot, not 32,000 samples.
        QCOMPARE(plot->graph(0)->dataCount(), plot->axisRect()->width());
        QCOMPARE(plot->graph(1)->dataCount(), plot->axisRect()->width());
        QCOMPARE(plot->graph(2)->name(), QStringLiteral("pitch"));
        QCOMPARE(plot->graph(4)->dataCount(), 21);
        QCOMPARE(plot->xAxis->range().upper, 2.0);

        // A new clip starts with an empty timeline: the old curves described the old clip.
        player.setClip(QString());
        QCOMPARE(plot->graphCount(), 0);
    }

    void longWaveformIsReducedToOneBucketPerPixel()
    {
        // 5 min of 16 kHz audio (4.8 M samples) is drawn as one min/max bucket per pixel column.
        PlayerWidget player;
        QVERIFY(shownAt(player, {1200, 600}));
        player.setWaveform(speechLikeTone(300, 16000), 16000);
        timeline(player)->replot();
        QCOMPARE(timeline(player)->graph(0)->dataCount(), timeline(player)->axisRect()->width());
    }

    void playheadFollowsSeeksAndClicksSeek()
    {
        PlayerWidget player;
        QVERIFY(shownAt(player, {800, 600}));
        load(player);
        TimelinePlot *plot = timeline(player);
        player.seekTo(1234);
        QTRY_COMPARE(plot->playheadMs(), 1234);

        plot->replot();
        const QPoint half(qRound(plot->xAxis->coordToPixel(0.5)), plot->axisRect()->center().y());
        QTest::mouseClick(plot, Qt::LeftButton, {}, half);
        QTRY_VERIFY(std::abs(player.position() - 500) <= 5);
        QCOMPARE(plot->playheadMs(), player.position());
    }

    void faceBoxFollowsTime()
    {
        PlayerWidget player;
        load(player);
        const QRectF face(0.3, 0.2, 0.4, 0.55);
        player.setFaceBoxes({0.0, 1.0}, {face, QRectF()});
        auto *overlay = player.findChild<FaceBoxOverlay *>();
        player.seekTo(500);
        QTRY_COMPARE(overlay->box(), face);
        player.seekTo(1500);
        QTRY_VERIFY(overlay->box().isEmpty());
    }

    void withoutSoundDeviceVolumeIsDisabledAndSaysWhy()
    {
        PlayerWidget player;
        if (player.hasAudioOutput())
            QSKIP("this machine has a sound device");
        const QList<QSlider *> sliders = player.findChildren<QSlider *>();
        QCOMPARE(sliders.size(), 2);  // seek, then volume
        QSlider *volume = sliders.last();
        QVERIFY(!volume->isEnabled());
        QVERIFY(volume->toolTip().contains(QStringLiteral("sound")));
    }

    void screenshotWithAClip()
    {
        PlayerWidget player;
        QVERIFY(shownAt(player, {720, 640}));
        loadWithTimeline(player);
        player.setFaceBoxes({0.0}, {QRectF(0.3, 0.15, 0.4, 0.6)});
        // A short play delivers a frame to paint; then hold still on it.
        player.play();
        QTRY_VERIFY_WITH_TIMEOUT(player.position() >= 600, 5000);
        player.pause();
        QTRY_VERIFY(!player.isPlaying());
        const QString path = QDir::temp().filePath(QStringLiteral("player.png"));
        QVERIFY(player.grab().save(path));
        qInfo("screenshot: %s", qPrintable(path));
        player.setReviewMode(ReviewMode::AudioOnly);
        QCoreApplication::processEvents();  // the timeline replots on the next turn of the loop
        const QString audioOnly = QDir::temp().filePath(QStringLiteral("player_audio_only.png"));
        QVERIFY(player.grab().save(audioOnly));
        qInfo("screenshot: %s", qPrintable(audioOnly));
    }
};

int main(int argc, char **argv)
{
    // The FFmpeg backend must be chosen before the application object exists (see design.md);
    // offscreen keeps the test runnable without a display when started outside CTest.
    qputenv("QT_MEDIA_BACKEND", "ffmpeg");
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    TestPlayerWidget test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_player_widget.moc"
