#include "ui/player/player_widget.h"

#include "ui/player/face_box_overlay.h"
#include "ui/player/frame_step.h"
#include "ui/player/player_controls.h"
#include "ui/player/timeline_plot.h"
#include "ui/player/video_surface.h"

#include <QAudioDevice>
#include <QAudioOutput>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QMediaDevices>
#include <QMediaMetaData>
#include <QSplitter>
#include <QStackedWidget>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>

namespace sl::ui {

PlayerWidget::PlayerWidget(QWidget *parent)
    : QWidget(parent),
      m_player(new QMediaPlayer(this)),
      m_videoArea(new QStackedWidget(this)),
      m_surface(new VideoSurface(m_videoArea)),
      m_message(new QLabel(m_videoArea)),
      m_controls(new PlayerControls(this)),
      m_timeline(new TimelinePlot(this))
{
    m_player->setVideoSink(m_surface->sink());
    // With the FFmpeg backend of Qt 6.4, an audio output on a machine without a sound device
    // crashes in the backend's audio thread, so one is attached only when a device exists.
    if (!QMediaDevices::audioOutputs().isEmpty()) {
        m_audio = new QAudioOutput(this);
        m_player->setAudioOutput(m_audio);
    }
    buildLayout();
    connectPlayer();
    refreshVideoArea();
    refreshAudio();
    m_controls->setClipLoaded(false);
}

void PlayerWidget::buildLayout()
{
    m_message->setObjectName(QStringLiteral("playerMessage"));
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_message->setMargin(12);
    m_videoArea->addWidget(m_surface);
    m_videoArea->addWidget(m_message);

    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(m_videoArea, 1);
    topLayout->addWidget(m_controls);

    // The annotator decides how much room the curves get.
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(top);
    splitter->addWidget(m_timeline);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
}

void PlayerWidget::connectPlayer()
{
    connect(m_player, &QMediaPlayer::positionChanged, this, &PlayerWidget::onPositionChanged);
    connect(m_player, &QMediaPlayer::durationChanged, this, [this](qint64 ms) {
        m_controls->setDurationMs(ms);
        m_timeline->setDurationMs(ms);
        emit durationChanged(ms);
    });
    connect(m_player, &QMediaPlayer::playbackStateChanged, this, [this](QMediaPlayer::PlaybackState state) {
        // Stopped -> paused is no news to listeners that only care whether the clip plays.
        const bool playing = state == QMediaPlayer::PlayingState;
        if (playing == m_playing)
            return;
        m_playing = playing;
        m_controls->setPlaying(playing);
        emit playingChanged(playing);
    });
    connect(m_player, &QMediaPlayer::errorOccurred, this, [this](QMediaPlayer::Error, const QString &detail) {
        fail(tr("Cannot play the clip “%1”: %2").arg(QDir::toNativeSeparators(m_clip), detail));
    });
    connect(m_player, &QMediaPlayer::mediaStatusChanged, this, &PlayerWidget::onMediaStatusChanged);

    connect(m_controls, &PlayerControls::playToggled, this, &PlayerWidget::togglePlay);
    connect(m_controls, &PlayerControls::frameStepRequested, this, &PlayerWidget::stepFrames);
    connect(m_controls, &PlayerControls::seekRequested, this, &PlayerWidget::seekTo);
    connect(m_controls, &PlayerControls::speedChosen, this, &PlayerWidget::setSpeed);
    connect(m_controls, &PlayerControls::loopToggled, this, &PlayerWidget::setLoop);
    connect(m_controls, &PlayerControls::muteToggled, this, &PlayerWidget::setMuted);
    connect(m_controls, &PlayerControls::volumeChosen, this, [this](float volume) {
        if (m_audio)
            m_audio->setVolume(volume);
    });
    connect(m_timeline, &TimelinePlot::seekRequested, this, &PlayerWidget::seekTo);
}

void PlayerWidget::setClipWithoutMedia()
{
    setClip({});
    m_withoutMedia = true;
    refreshVideoArea();
}

void PlayerWidget::setClip(const QString &mediaFile)
{
    m_clip = mediaFile;
    m_withoutMedia = false;
    m_error.clear();
    m_surface->clear();
    m_faces = {};
    m_surface->overlay()->setBox({});
    m_timeline->setWaveform({}, 0);
    m_timeline->setCurves({});

    const bool missing = !mediaFile.isEmpty() && !QFileInfo(mediaFile).isFile();
    // Stop first: the first-frame logic waits for the stopped state, and a paused player keeps its
    // state across setSource() with the FFmpeg backend, leaving the new clip black. The stop itself
    // reports LoadedMedia for the old clip, which must not pause it again.
    m_switchingClip = true;
    m_player->stop();
    m_switchingClip = false;
    // An unplayable file may be reported from inside setSource(), through fail().
    m_player->setSource(missing ? QUrl() : m_source.urlFor(mediaFile));
    if (missing)
        fail(tr("The clip file “%1” does not exist.").arg(QDir::toNativeSeparators(mediaFile)));
    m_controls->setClipLoaded(!mediaFile.isEmpty() && m_error.isEmpty());
    refreshVideoArea();
}

void PlayerWidget::fail(const QString &message)
{
    m_error = message;
    m_controls->setClipLoaded(false);
    refreshVideoArea();
    emit errorOccurred(message);
}

void PlayerWidget::setWaveform(std::vector<float> samples, int sampleRate)
{
    m_timeline->setWaveform(std::move(samples), sampleRate);
}

void PlayerWidget::setCurves(const QList<TimelineCurve> &curves)
{
    m_timeline->setCurves(curves);
}

void PlayerWidget::setFaceBoxes(QVector<double> times, QVector<QRectF> boxes)
{
    m_faces.setSamples(std::move(times), std::move(boxes));
    m_surface->overlay()->setBox(m_faces.boxAt(static_cast<double>(position()) / 1000.0));
}

void PlayerWidget::setReviewMode(ReviewMode mode)
{
    m_mode = mode;
    refreshVideoArea();
    refreshAudio();
}

qint64 PlayerWidget::position() const
{
    return m_player->position();
}

qint64 PlayerWidget::duration() const
{
    return m_player->duration();
}

bool PlayerWidget::isPlaying() const
{
    return m_player->playbackState() == QMediaPlayer::PlayingState;
}

double PlayerWidget::speed() const
{
    return m_player->playbackRate();
}

double PlayerWidget::frameRate() const
{
    const double rate = m_player->metaData().value(QMediaMetaData::VideoFrameRate).toDouble();
    return rate > 0 ? rate : kFallbackFrameRate;
}

bool PlayerWidget::isVideoVisible() const
{
    return m_videoArea->currentWidget() == m_surface;
}

bool PlayerWidget::isAudioMuted() const
{
    return m_userMuted || !playsAudio(m_mode);
}

void PlayerWidget::togglePlay()
{
    if (isPlaying())
        pause();
    else
        play();
}

void PlayerWidget::play()
{
    if (!m_clip.isEmpty() && m_error.isEmpty())
        m_player->play();
}

void PlayerWidget::pause()
{
    // Also from the stopped state: only a paused player shows the frame at its position, so a
    // seek or frame step after loading or after the end would otherwise show nothing new.
    if (!m_clip.isEmpty() && m_error.isEmpty() && m_player->playbackState() != QMediaPlayer::PausedState)
        m_player->pause();
}

void PlayerWidget::stepFrames(int frames)
{
    pause();
    seekTo(frameStepTarget(position(), frames, frameRate(), duration()));
}

void PlayerWidget::seekBy(qint64 ms)
{
    seekTo(position() + ms);
}

void PlayerWidget::seekTo(qint64 ms)
{
    const qint64 end = duration();
    m_player->setPosition(end > 0 ? std::clamp<qint64>(ms, 0, end) : std::max<qint64>(0, ms));
}

void PlayerWidget::setSpeed(double speed)
{
    const double clamped = std::clamp(speed, 0.5, 2.0);
    m_player->setPlaybackRate(clamped);
    m_controls->setSpeed(clamped);
}

void PlayerWidget::setLoop(bool loop)
{
    m_loop = loop;
    m_controls->setLoop(loop);
}

void PlayerWidget::setMuted(bool muted)
{
    m_userMuted = muted;
    m_controls->setMuted(muted);
    refreshAudio();
}

void PlayerWidget::onPositionChanged(qint64 ms)
{
    m_controls->setPositionMs(ms);
    m_timeline->setPlayheadMs(ms);
    m_surface->overlay()->setBox(m_faces.boxAt(static_cast<double>(ms) / 1000.0));
    emit positionChanged(ms);
}

void PlayerWidget::onMediaStatusChanged(QMediaPlayer::MediaStatus status)
{
    // QMediaPlayer::setLoops() is ignored by the FFmpeg backend of Qt 6.4 (playback stops at the
    // end), so looping restarts the clip here.
    if (status == QMediaPlayer::EndOfMedia && m_loop) {
        m_player->setPosition(0);
        m_player->play();
    }
    // A freshly loaded clip shows its first frame rather than a black picture.
    if (status == QMediaPlayer::LoadedMedia && m_player->playbackState() == QMediaPlayer::StoppedState && !m_switchingClip)
        pause();
}

void PlayerWidget::refreshVideoArea()
{
    QString message;
    if (!m_error.isEmpty())
        message = m_error;
    else if (m_mode == ReviewMode::TextOnly)
        message = tr("Video and sound are hidden for text-only review.");
    else if (m_mode == ReviewMode::AudioOnly)
        message = tr("Video is hidden for audio-only review.");
    else if (m_withoutMedia)
        message = tr("This clip has no media: it was imported as features and labels only. "
                     "Put MMSA's Raw/ folder beside the feature file before importing to play it.");
    else if (m_clip.isEmpty())
        message = tr("No clip selected.");
    m_message->setText(message);
    m_videoArea->setCurrentWidget(message.isEmpty() ? static_cast<QWidget *>(m_surface) : m_message);
    m_timeline->setSourcesShown(playsAudio(m_mode), showsVideo(m_mode));
}

void PlayerWidget::refreshAudio()
{
    if (m_audio)
        m_audio->setMuted(isAudioMuted());
    m_controls->setAudioState(m_audio != nullptr, !playsAudio(m_mode));
}

}  // namespace sl::ui
