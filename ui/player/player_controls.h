#pragma once
// The row of transport controls under the video. It only reports what the user asked for and
// shows the state it is given; the player widget decides what happens.
#include <QStyle>
#include <QWidget>

class QComboBox;
class QLabel;
class QSlider;
class QToolButton;

namespace sl::ui {

class PlayerControls : public QWidget {
    Q_OBJECT
public:
    explicit PlayerControls(QWidget *parent = nullptr);

    static QList<double> speedChoices();

    void setPlaying(bool playing);
    void setPositionMs(qint64 ms);
    void setDurationMs(qint64 ms);
    void setSpeed(double speed);
    void setLoop(bool loop);
    void setMuted(bool muted);
    // Volume and mute only make sense with a sound device, and not while the review mode silences
    // the clip; the tooltip says which reason holds.
    void setAudioState(bool deviceAvailable, bool silencedByMode);
    // Disables the transport while there is no playable clip.
    void setClipLoaded(bool loaded);

signals:
    void playToggled();
    void frameStepRequested(int frames);
    void seekRequested(qint64 ms);
    void speedChosen(double speed);
    void loopToggled(bool loop);
    void volumeChosen(float linearVolume);
    void muteToggled(bool muted);

private:
    QToolButton *addButton(QStyle::StandardPixmap icon, const QString &tip);
    void refreshTimeText();
    void refreshMuteButton();

    QToolButton *m_play;
    QToolButton *m_stepBack;
    QToolButton *m_stepForward;
    QSlider *m_seek;
    QLabel *m_time;
    QComboBox *m_speed;
    QToolButton *m_loop;
    QToolButton *m_mute;
    QSlider *m_volume;
    qint64 m_positionMs = 0;
    qint64 m_durationMs = 0;
    bool m_muted = false;
    bool m_audioUsable = true;
};

}  // namespace sl::ui
