#pragma once
// A live take: countdown, recording with a level meter, analysis in the background, then the
// presenter keeps or discards it. The source is the default camera and microphone (Qt Multimedia
// capture session and recorder), or a video file played as if it were live: its picture and sound
// are shown during the recording, and the recording is a copy of the file (how tests and booths
// without a camera exercise the whole path).
#include "core/explain/take_analysis.h"
#include "ui/present/level_meter.h"
#include "ui/present/take_lifecycle.h"

#include <QObject>
#include <QPointer>
#include <QVideoSink>
#include <memory>
#include <vector>

class QAudioSource;
class QCamera;
class QAudioInput;
class QMediaCaptureSession;
class QMediaPlayer;
class QMediaRecorder;
class QTimer;

namespace sl::present {

// The analysis and keeping of a take are core's (core/explain/take_analysis.h).
using explain::TakeAnalysis;

class LiveTake : public QObject {
    Q_OBJECT
public:
    // `workFolder` holds the recordings and the scratch analysis (a temporary folder).
    LiveTake(QString projectPath, QString workFolder, QObject *parent = nullptr);
    ~LiveTake() override;

    // Plays this file as the live source instead of the camera; empty goes back to the camera.
    void setFileSource(const QString &file) { m_fileSource = file; }
    QString fileSource() const { return m_fileSource; }
    // Where the preview is drawn while recording.
    void setPreviewSink(QVideoSink *sink) { m_preview = sink; }
    void setTimings(int countdownSeconds, int recordSeconds);

    // Why a take cannot be made (no camera, no microphone, source file missing); empty when it can.
    QString deviceProblem() const;

    const TakeLifecycle &lifecycle() const { return m_lifecycle; }
    const TakeAnalysis &analysis() const { return m_analysis; }
    double level() const { return m_meter.level(); }
    double peak() const { return m_meter.peak(); }

    // Starts the countdown. Returns false, with failed() emitted, when no take can be made now.
    bool start();
    void cancel();
    // Saves the analysed take into the project as a clip; returns its id (0 with failed()).
    qint64 keep();
    void discard();

signals:
    void stateChanged(sl::present::TakeState state);
    void levelChanged(double level, double peak);
    void failed(const QString &message);

private:
    void onTick();
    void beginRecording();
    void finishRecording();
    void startAnalysis(const QString &file);
    void stopSources();
    void meterFileAudio(qint64 positionMs);
    void setState();

    QString m_projectPath;
    QString m_workFolder;
    QString m_fileSource;
    QPointer<QVideoSink> m_preview;
    TakeLifecycle m_lifecycle;
    TakeAnalysis m_analysis;
    LevelMeter m_meter;
    QTimer *m_tick;
    QTimer *m_stop;
    int m_takeNumber = 0;
    QString m_recording;  // file being written
    // File source.
    QMediaPlayer *m_filePlayer = nullptr;
    std::vector<float> m_fileAudio;  // 16 kHz mono, for the level meter
    // Camera source.
    std::unique_ptr<QMediaCaptureSession> m_capture;
    QCamera *m_camera = nullptr;
    QAudioInput *m_microphone = nullptr;
    QMediaRecorder *m_recorder = nullptr;
    QAudioSource *m_levelSource = nullptr;
    // The analyses on the application's job queue: every one is waited for when the take goes (they
    // write into the work folder); only the latest one's result is used.
    QList<qint64> m_analysisJobs;
};

}  // namespace sl::present
