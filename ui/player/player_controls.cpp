#include "ui/player/player_controls.h"

#include "ui/player/palette_icons.h"

#include <QAudio>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>
#include <QToolButton>

#include <cmath>

namespace sl::ui {

namespace {

// m:ss.mmm: annotators step frame by frame, so milliseconds matter.
QString clockText(qint64 ms)
{
    const qint64 clamped = std::max<qint64>(0, ms);
    return QStringLiteral("%1:%2.%3")
        .arg(clamped / 60000)
        .arg(clamped / 1000 % 60, 2, 10, QLatin1Char('0'))
        .arg(clamped % 1000, 3, 10, QLatin1Char('0'));
}

bool sameSpeed(double a, double b)
{
    return std::abs(a - b) < 1e-6;
}

}  // namespace

PlayerControls::PlayerControls(QWidget *parent) : QWidget(parent)
{
    m_stepBack = addButton(QStyle::SP_MediaSkipBackward, tr("Previous frame"));
    m_play = addButton(QStyle::SP_MediaPlay, tr("Play"));
    m_stepForward = addButton(QStyle::SP_MediaSkipForward, tr("Next frame"));

    m_seek = new QSlider(Qt::Horizontal, this);
    m_seek->setToolTip(tr("Position in the clip"));
    m_time = new QLabel(this);
    m_time->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_speed = new QComboBox(this);
    m_speed->setToolTip(tr("Playback speed"));
    for (double speed : speedChoices())
        m_speed->addItem(tr("%1×").arg(speed), speed);
    setSpeed(1.0);
    m_loop = addButton(QStyle::SP_BrowserReload, tr("Loop the clip"));
    m_loop->setCheckable(true);

    m_mute = addButton(QStyle::SP_MediaVolume, tr("Mute"));
    m_mute->setCheckable(true);
    m_volume = new QSlider(Qt::Horizontal, this);
    m_volume->setRange(0, 100);
    m_volume->setValue(100);
    m_volume->setMaximumWidth(100);

    // The main window owns the keyboard (Space, arrows, digits for labels); controls that took
    // focus on a click would swallow those keys.
    for (QWidget *w : std::initializer_list<QWidget *>{m_seek, m_speed, m_volume})
        w->setFocusPolicy(Qt::NoFocus);

    auto *seekRow = new QHBoxLayout;
    seekRow->addWidget(m_seek, 1);
    seekRow->addWidget(m_time);
    auto *buttonRow = new QHBoxLayout;
    for (QWidget *w : std::initializer_list<QWidget *>{m_stepBack, m_play, m_stepForward, m_speed, m_loop})
        buttonRow->addWidget(w);
    buttonRow->addStretch(1);
    buttonRow->addWidget(m_mute);
    buttonRow->addWidget(m_volume);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(seekRow);
    layout->addLayout(buttonRow);

    connect(m_play, &QToolButton::clicked, this, &PlayerControls::playToggled);
    connect(m_stepBack, &QToolButton::clicked, this, [this] { emit frameStepRequested(-1); });
    connect(m_stepForward, &QToolButton::clicked, this, [this] { emit frameStepRequested(1); });
    // actionTriggered covers dragging and clicks on the groove, and not our own setValue calls.
    connect(m_seek, &QSlider::actionTriggered, this, [this] { emit seekRequested(m_seek->sliderPosition()); });
    connect(m_speed, &QComboBox::activated, this, [this](int index) {
        emit speedChosen(m_speed->itemData(index).toDouble());
    });
    connect(m_loop, &QToolButton::toggled, this, &PlayerControls::loopToggled);
    connect(m_mute, &QToolButton::toggled, this, [this](bool muted) {
        m_muted = muted;
        refreshMuteButton();
        emit muteToggled(muted);
    });
    // Loudness is heard logarithmically; a linear slider would do everything in its first tenth.
    connect(m_volume, &QSlider::valueChanged, this, [this](int value) {
        emit volumeChosen(QAudio::convertVolume(value / 100.0f, QAudio::LogarithmicVolumeScale,
                                                QAudio::LinearVolumeScale));
    });
    refreshTimeText();
    refreshMuteButton();
}

QList<double> PlayerControls::speedChoices()
{
    return {0.5, 0.75, 1.0, 1.25, 1.5, 2.0};
}

QToolButton *PlayerControls::addButton(QStyle::StandardPixmap icon, const QString &tip)
{
    auto *button = new QToolButton(this);
    setPaletteIcon(button, icon);  // visible in the dark theme too
    button->setToolTip(tip);
    button->setFocusPolicy(Qt::NoFocus);
    return button;
}

void PlayerControls::setPlaying(bool playing)
{
    setPaletteIcon(m_play, playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay);
    m_play->setToolTip(playing ? tr("Pause") : tr("Play"));
}

void PlayerControls::setPositionMs(qint64 ms)
{
    m_positionMs = ms;
    // While the user drags, the slider follows the hand, not the (lagging) player.
    if (!m_seek->isSliderDown())
        m_seek->setValue(static_cast<int>(ms));
    refreshTimeText();
}

void PlayerControls::setDurationMs(qint64 ms)
{
    m_durationMs = ms;
    m_seek->setRange(0, static_cast<int>(std::max<qint64>(0, ms)));
    m_seek->setPageStep(std::max(1, static_cast<int>(ms / 10)));
    refreshTimeText();
}

void PlayerControls::setSpeed(double speed)
{
    int index = -1;
    for (int i = 0; i < m_speed->count() && index < 0; ++i) {
        if (sameSpeed(m_speed->itemData(i).toDouble(), speed))
            index = i;
    }
    if (index < 0) {
        // A speed set from outside (e.g. a shortcut) that is not a preset gets its own entry.
        index = 0;
        while (index < m_speed->count() && m_speed->itemData(index).toDouble() < speed)
            ++index;
        m_speed->insertItem(index, tr("%1×").arg(speed), speed);
    }
    m_speed->setCurrentIndex(index);
}

void PlayerControls::setLoop(bool loop)
{
    const QSignalBlocker quiet(m_loop);
    m_loop->setChecked(loop);
}

void PlayerControls::setMuted(bool muted)
{
    const QSignalBlocker quiet(m_mute);
    m_muted = muted;
    m_mute->setChecked(muted);
    refreshMuteButton();
}

void PlayerControls::setAudioState(bool deviceAvailable, bool silencedByMode)
{
    m_audioUsable = deviceAvailable && !silencedByMode;
    m_mute->setEnabled(m_audioUsable);
    m_volume->setEnabled(m_audioUsable);
    QString why = tr("Volume");
    if (!deviceAvailable)
        why = tr("No sound output device was found; the clip plays without sound.");
    else if (silencedByMode)
        why = tr("Sound is off in this review mode.");
    m_volume->setToolTip(why);
    refreshMuteButton();
    if (!m_audioUsable)
        m_mute->setToolTip(why);
}

void PlayerControls::setClipLoaded(bool loaded)
{
    for (QWidget *w : std::initializer_list<QWidget *>{m_play, m_stepBack, m_stepForward, m_seek})
        w->setEnabled(loaded);
}

void PlayerControls::refreshTimeText()
{
    m_time->setText(tr("%1 / %2").arg(clockText(m_positionMs), clockText(m_durationMs)));
}

void PlayerControls::refreshMuteButton()
{
    // The icon tells what is heard: silent when muted, silenced by the mode, or without a device.
    const bool silent = m_muted || !m_audioUsable;
    setPaletteIcon(m_mute, silent ? QStyle::SP_MediaVolumeMuted : QStyle::SP_MediaVolume);
    m_mute->setToolTip(m_muted ? tr("Unmute") : tr("Mute"));
}

}  // namespace sl::ui
