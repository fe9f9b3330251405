#include "ui/present/live_take.h"

#include "core/common/error.h"
#include "core/jobs/job_queue.h"
#include "core/media/audio_decoder.h"

#include <QAudioDevice>
#include <QAudioInput>
#include <QAudioOutput>
#include <QAudioSource>
#include <QCamera>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMediaCaptureSession>
#include <QMediaDevices>
#include <QMediaFormat>
#include <QMediaPlayer>
#include <QMediaRecorder>
#include <QTimer>
#include <QUrl>
#include <span>

namespace sl::present {

namespace {
constexpr int kMeterBlockMs = 50;  // the level meter's window: 20 updates a second
constexpr int kSampleRate = 16000;
}  // namespace

LiveTake::LiveTake(QString projectPath, QString workFolder, QObject *parent)
    : QObject(parent), m_projectPath(std::move(projectPath)), m_workFolder(std::move(workFolder)),
      m_tick(new QTimer(this)), m_stop(new QTimer(this))
{
    m_tick->setInterval(1000);
    connect(m_tick, &QTimer::timeout, this, &LiveTake::onTick);
    m_stop->setSingleShot(true);
    connect(m_stop, &QTimer::timeout, this, &LiveTake::finishRecording);
}

LiveTake::~LiveTake()
{
    stopSources();
    for (qint64 id : std::as_const(m_analysisJobs))
        jobs::JobQueue::application()->cancelAndWait(id);
}

void LiveTake::setTimings(int countdownSeconds, int recordSeconds)
{
    m_lifecycle = TakeLifecycle(countdownSeconds, recordSeconds);
}

QString LiveTake::deviceProblem() const
{
    if (!m_fileSource.isEmpty())
        return QFileInfo(m_fileSource).isFile() ? QString() : tr("%1: the file to play as a live take is missing").arg(m_fileSource);
    const bool camera = !QMediaDevices::videoInputs().isEmpty();
    const bool microphone = !QMediaDevices::audioInputs().isEmpty();
    if (!camera && !microphone)
        return tr("No camera and no microphone found: live takes need both. The demo clips play on.");
    if (!camera)
        return tr("No camera found: live takes need one. The demo clips play on.");
    if (!microphone)
        return tr("No microphone found: live takes need one. The demo clips play on.");
    return {};
}

bool LiveTake::start()
{
    const QString problem = deviceProblem();
    if (!problem.isEmpty()) {
        emit failed(problem);
        return false;
    }
    if (!m_lifecycle.start())
        return false;
    m_meter.reset();
    m_analysis = {};
    setState();
    if (m_lifecycle.state() == TakeState::Recording)
        beginRecording();
    else
        m_tick->start();
    return true;
}

void LiveTake::onTick()
{
    m_lifecycle.tick();
    if (m_lifecycle.state() == TakeState::Recording) {
        m_tick->stop();
        beginRecording();
    }
    setState();
}

void LiveTake::beginRecording()
{
    if (!QDir().mkpath(m_workFolder)) {
        m_lifecycle.fail(tr("%1: cannot create the folder for takes").arg(m_workFolder));
        emit failed(m_lifecycle.error());
        setState();
        return;
    }
    ++m_takeNumber;
    if (!m_fileSource.isEmpty()) {
        m_recording = QDir(m_workFolder).filePath(QStringLiteral("take-%1.%2").arg(m_takeNumber).arg(QFileInfo(m_fileSource).suffix()));
        QFile::remove(m_recording);
        if (!QFile::copy(m_fileSource, m_recording)) {
            m_lifecycle.fail(tr("%1: cannot copy the take to %2").arg(m_fileSource, m_recording));
            emit failed(m_lifecycle.error());
            setState();
            return;
        }
        try {
            m_fileAudio = media::decodeAudioMono16k(m_fileSource);
        } catch (const Error &) {
            m_fileAudio.clear();  // no sound: the meter stays at the floor, the analysis says why
        }
        m_filePlayer = new QMediaPlayer(this);
        if (!QMediaDevices::audioOutputs().isEmpty())
            m_filePlayer->setAudioOutput(new QAudioOutput(m_filePlayer));
        if (m_preview)
            m_filePlayer->setVideoSink(m_preview);
        connect(m_filePlayer, &QMediaPlayer::positionChanged, this, &LiveTake::meterFileAudio);
        connect(m_filePlayer, &QMediaPlayer::mediaStatusChanged, this, [this](QMediaPlayer::MediaStatus status) {
            if (status == QMediaPlayer::EndOfMedia || status == QMediaPlayer::InvalidMedia)
                finishRecording();
        });
        m_filePlayer->setSource(QUrl::fromLocalFile(m_fileSource));
        m_filePlayer->play();
    } else {
        m_recording = QDir(m_workFolder).filePath(QStringLiteral("take-%1.mp4").arg(m_takeNumber));
        QFile::remove(m_recording);
        m_capture = std::make_unique<QMediaCaptureSession>();
        m_camera = new QCamera(QMediaDevices::defaultVideoInput(), this);
        m_microphone = new QAudioInput(QMediaDevices::defaultAudioInput(), this);
        m_recorder = new QMediaRecorder(this);
        QMediaFormat format(QMediaFormat::MPEG4);
        format.setVideoCodec(QMediaFormat::VideoCodec::H264);
        format.setAudioCodec(QMediaFormat::AudioCodec::AAC);
        m_recorder->setMediaFormat(format);
        m_recorder->setOutputLocation(QUrl::fromLocalFile(m_recording));
        m_capture->setCamera(m_camera);
        m_capture->setAudioInput(m_microphone);
        m_capture->setRecorder(m_recorder);
        if (m_preview)
            m_capture->setVideoSink(m_preview);
        connect(m_recorder, &QMediaRecorder::errorOccurred, this, [this](QMediaRecorder::Error, const QString &message) {
            stopSources();
            m_lifecycle.fail(tr("Recording failed: %1").arg(message));
            emit failed(m_lifecycle.error());
            setState();
        });
        connect(m_recorder, &QMediaRecorder::recorderStateChanged, this, [this](QMediaRecorder::RecorderState state) {
            if (state == QMediaRecorder::StoppedState && m_lifecycle.state() == TakeState::Recording) {
                const QString written = m_recorder->actualLocation().toLocalFile();
                stopSources();
                m_lifecycle.recorded();
                setState();
                startAnalysis(written.isEmpty() ? m_recording : written);
            }
        });
        // The recorder gives no level; a second reader of the same microphone feeds the meter.
        QAudioFormat pcm;
        pcm.setSampleRate(kSampleRate);
        pcm.setChannelCount(1);
        pcm.setSampleFormat(QAudioFormat::Float);
        m_levelSource = new QAudioSource(QMediaDevices::defaultAudioInput(), pcm, this);
        QIODevice *levels = m_levelSource->start();
        if (levels) {
            connect(levels, &QIODevice::readyRead, this, [this, levels] {
                const QByteArray bytes = levels->readAll();
                m_meter.feed(std::span<const float>(reinterpret_cast<const float *>(bytes.constData()), size_t(bytes.size()) / sizeof(float)));
                emit levelChanged(m_meter.level(), m_meter.peak());
            });
        }
        m_camera->start();
        m_recorder->record();
    }
    m_stop->start(m_lifecycle.recordSeconds() * 1000);
}

void LiveTake::meterFileAudio(qint64 positionMs)
{
    const qint64 end = positionMs * kSampleRate / 1000;
    const qint64 begin = std::max<qint64>(0, end - kMeterBlockMs * kSampleRate / 1000);
    if (begin >= qint64(m_fileAudio.size()))
        return;
    const qint64 stop = std::min<qint64>(end, qint64(m_fileAudio.size()));
    m_meter.feed(std::span<const float>(m_fileAudio.data() + begin, size_t(stop - begin)));
    emit levelChanged(m_meter.level(), m_meter.peak());
}

void LiveTake::finishRecording()
{
    if (m_lifecycle.state() != TakeState::Recording)
        return;
    m_stop->stop();
    if (m_recorder) {
        m_recorder->stop();  // the file is complete when the recorder reports StoppedState
        return;
    }
    stopSources();
    m_lifecycle.recorded();
    setState();
    startAnalysis(m_recording);
}

void LiveTake::startAnalysis(const QString &file)
{
    const QString project = m_projectPath;
    const QString work = m_workFolder;
    const qint64 id = jobs::JobQueue::application()->submitFor<TakeAnalysis>(
        {jobs::JobKind::LiveTake, tr("Analyse the live take %1").arg(QFileInfo(file).fileName()), QString(), false, false},
        [project, file, work](jobs::JobContext &context) {
            TakeAnalysis analysis = explain::analyseTake(project, file, work);
            if (!analysis.error.isEmpty())
                context.fail(analysis.error);
            return analysis;
        },
        this,
        [this](const jobs::JobInfo &info, std::optional<TakeAnalysis> analysis) {
            const bool latest = !m_analysisJobs.isEmpty() && m_analysisJobs.last() == info.id;
            m_analysisJobs.removeOne(info.id);
            if (m_lifecycle.state() != TakeState::Analysing || !latest)
                return;  // cancelled meanwhile, or a later take is being analysed
            m_analysis = analysis ? std::move(*analysis) : TakeAnalysis();
            if (!analysis)  // it threw, or was cancelled in the Jobs dock before it started
                m_analysis.error = info.error.isEmpty() ? tr("The analysis of the take was cancelled") : info.error;
            if (!m_analysis.error.isEmpty()) {
                m_lifecycle.fail(m_analysis.error);
                emit failed(m_analysis.error);
            } else {
                m_lifecycle.analysed();
            }
            setState();
        });
    m_analysisJobs << id;
}

void LiveTake::stopSources()
{
    m_stop->stop();
    if (m_filePlayer) {
        m_filePlayer->stop();
        m_filePlayer->deleteLater();
        m_filePlayer = nullptr;
    }
    m_fileAudio = {};
    if (m_levelSource) {
        m_levelSource->stop();
        m_levelSource->deleteLater();
        m_levelSource = nullptr;
    }
    if (m_camera)
        m_camera->stop();
    if (m_capture) {
        m_capture->setVideoSink(nullptr);
        m_capture.reset();
    }
    for (QObject *object : std::initializer_list<QObject *>{m_camera, m_microphone, m_recorder})
        if (object)
            object->deleteLater();
    m_camera = nullptr;
    m_microphone = nullptr;
    m_recorder = nullptr;
}

void LiveTake::cancel()
{
    m_tick->stop();
    stopSources();
    if (m_lifecycle.cancel())
        setState();
}

qint64 LiveTake::keep()
{
    if (m_lifecycle.state() != TakeState::Presenting)
        return 0;
    try {
        const QString name = QStringLiteral("take-%1").arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")));
        const qint64 id = explain::keepTake(m_projectPath, m_analysis, name);
        m_lifecycle.keep();
        setState();
        return id;
    } catch (const Error &error) {
        emit failed(error.message());
        return 0;
    }
}

void LiveTake::discard()
{
    if (m_lifecycle.discard()) {
        QFile::remove(m_analysis.takeFile);
        setState();
    }
}

void LiveTake::setState() { emit stateChanged(m_lifecycle.state()); }

}  // namespace sl::present
