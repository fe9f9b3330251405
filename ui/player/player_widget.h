#pragma once
// The annotator's player: video with the face box, transport controls and a timeline of the
// waveform and feature curves. Keyboard shortcuts live in the main window, which calls the slots.
#include "ui/player/face_box_track.h"
#include "ui/player/playable_source.h"
#include "ui/player/review_mode.h"
#include "ui/player/timeline_curve.h"

#include <QMediaPlayer>
#include <QWidget>

#include <vector>

class QAudioOutput;
class QLabel;
class QStackedWidget;

namespace sl::ui {

class PlayerControls;
class TimelinePlot;
class VideoSurface;

class PlayerWidget : public QWidget {
    Q_OBJECT
public:
    explicit PlayerWidget(QWidget *parent = nullptr);

    // An empty path unloads. A missing or unplayable file shows a message naming it in place of
    // the video and emits errorOccurred. Also clears the waveform, curves and face boxes, which
    // belong to the previous clip: set the new clip's after this call.
    void setClip(const QString &mediaFile);
    QString clip() const { return m_clip; }
    // A clip that exists only as features and labels (imported from an MMSA feature pickle):
    // unloads, and says that the clip has no media instead of "No clip selected".
    void setClipWithoutMedia();

    // Mono samples, e.g. the 16 kHz analysis audio; drawn as a min/max envelope.
    void setWaveform(std::vector<float> samples, int sampleRate);
    void setCurves(const QList<TimelineCurve> &curves);
    // Times in seconds; boxes normalised to the picture (0..1), empty = no face at that time.
    void setFaceBoxes(QVector<double> times, QVector<QRectF> boxes);

    void setReviewMode(ReviewMode mode);
    ReviewMode reviewMode() const { return m_mode; }

    qint64 position() const;
    qint64 duration() const;
    bool isPlaying() const;
    double speed() const;
    bool isLooping() const { return m_loop; }
    // From the clip's metadata, or kFallbackFrameRate when it does not say.
    double frameRate() const;

    // Effective state, review mode included: is the picture on screen, is the sound off.
    bool isVideoVisible() const;
    bool isAudioMuted() const;
    // False on machines without a sound device: the clip then plays silently.
    bool hasAudioOutput() const { return m_audio != nullptr; }
    QString errorText() const { return m_error; }

public slots:
    void togglePlay();
    void play();
    void pause();
    void stepFrames(int frames);
    void seekBy(qint64 ms);
    void seekTo(qint64 ms);
    void setSpeed(double speed);
    void setLoop(bool loop);
    void setMuted(bool muted);

signals:
    void positionChanged(qint64 ms);
    void durationChanged(qint64 ms);
    void playingChanged(bool playing);
    void errorOccurred(const QString &message);

private:
    void buildLayout();
    void connectPlayer();
    void fail(const QString &message);
    void onPositionChanged(qint64 ms);
    void onMediaStatusChanged(QMediaPlayer::MediaStatus status);
    void refreshVideoArea();
    void refreshAudio();

    QMediaPlayer *m_player;
    QAudioOutput *m_audio = nullptr;
    QStackedWidget *m_videoArea;
    VideoSurface *m_surface;
    QLabel *m_message;
    PlayerControls *m_controls;
    TimelinePlot *m_timeline;
    FaceBoxTrack m_faces;

    QString m_clip;
    PlayableSource m_source;  // non-ASCII paths reach FFmpeg through an ASCII link
    QString m_error;
    bool m_withoutMedia = false;
    ReviewMode m_mode = ReviewMode::All;
    bool m_loop = false;
    bool m_userMuted = false;
    bool m_switchingClip = false;
    bool m_playing = false;
};

}  // namespace sl::ui
