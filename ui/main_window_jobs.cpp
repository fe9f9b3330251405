// The window's background work, all on the application's job queue: feature extraction and batch
// prediction (one of each at a time), the current clip's waveform, and the Jobs dock that lists
// every job of the queue (the train dialog's, the panels' and the presentation's too).
#include "core/common/error.h"
#include "core/jobs/extraction_job.h"
#include "core/jobs/extraction_plan.h"
#include "core/jobs/job_runner.h"
#include "core/media/audio_decoder.h"
#include "core/session/labeling_session.h"
#include "core/store/project.h"
#include "core/training/batch_prediction.h"
#include "ui/jobs_panel.h"
#include "ui/main_window.h"
#include "ui/dock_layout.h"
#include "ui/player/player_widget.h"
#include "ui/workbench/train_dialog.h"

#include <QDockWidget>
#include <QFileInfo>
#include <QProgressBar>
#include <QPushButton>
#include <QStatusBar>
#include <QThread>
#include <algorithm>

namespace sl::ui {

namespace {
// The project folder's name, as the train dialog and the review queue name their jobs.
QString projectName(const store::Project &project) { return QFileInfo(project.folder()).fileName(); }
}  // namespace

void MainWindow::createJobsDock()
{
    m_jobsPanel = new JobsPanel(jobs::JobQueue::application(), this);
    auto *dock = new QDockWidget(tr("Jobs"), this);
    dock->setObjectName(QStringLiteral("jobsDock"));
    dock->setWidget(m_jobsPanel);
    addDockWidget(Qt::RightDockWidgetArea, dock);
    // With the history and the workbench's docks: one tab more, no room taken from the player.
    if (auto *history = findChild<QDockWidget *>(QStringLiteral("historyDock")))
        tabifyDockWidget(history, dock);
    if (auto *model = findChild<QDockWidget *>(QStringLiteral("modelDock")))
        model->raise();
    m_docks << dock;
}

bool MainWindow::startExtraction()
{
    if (!m_session || m_extraction->isRunning())
        return false;
    const QString path = m_session->project().databasePath();
    // One core is left to the interface, so that playback and labelling stay smooth.
    const int workers = std::max(1, QThread::idealThreadCount() - 1);
    const jobs::JobSpec spec{jobs::JobKind::Extraction, tr("Extract features of %1").arg(projectName(m_session->project())),
                             QStringLiteral("extraction:") + path};
    const bool started = m_extraction->start<jobs::ExtractionReport>(
        spec,
        [this, path, workers](jobs::JobContext &context) {
            const jobs::PreparedExtraction prepared = jobs::prepareExtraction(path, jobs::ExtractionPlan(), {}, context.cancelFlag());
            jobs::ExtractionJob job(path, prepared.extractors, workers);
            const jobs::ExtractionReport report = job.run(
                [this, &context](const jobs::ExtractionProgress &p) {
                    context.setProgress(p.total > 0 ? double(p.done) / p.total : 0.0,
                                        tr("%1 of %2 done, %3 failed").arg(p.done).arg(p.total).arg(p.failed));
                    // Runs on the window's thread, and only while the window's runner lives.
                    context.post([this, p] {
                        m_jobProgress->setRange(0, p.total);
                        m_jobProgress->setValue(p.done);
                        m_jobProgress->setFormat(p.etaSeconds >= 0 ? tr("Features %v/%m, %1 s left").arg(qRound(p.etaSeconds))
                                                                    : tr("Features %v/%m"));
                        if (p.failed > 0)
                            m_jobProgress->setToolTip(tr("%1 clip(s) could not be read").arg(p.failed));
                    });
                },
                context.cancelFlag());
            if (report.failed > 0)  // the job ran to its end; the dock still says what went wrong
                context.setProgress(1.0, tr("%1 clip(s) could not be read").arg(report.failed));
            return report;
        },
        [this](const jobs::JobInfo &info, std::optional<jobs::ExtractionReport> report) {
            if (!report) {
                onExtractionFinished(QString(), info.error);
                return;
            }
            onExtractionFinished(tr("Features: %1 extracted, %2 already there, %3 failed%4")
                                     .arg(report->extracted)
                                     .arg(report->alreadyCached)
                                     .arg(report->failed)
                                     .arg(report->cancelled ? tr(" (cancelled)") : QString()),
                                 QString());
        });
    if (!started)
        return false;
    m_jobProgress->setRange(0, 0);
    m_jobProgress->show();
    m_cancelJob->show();
    statusBar()->showMessage(tr("Extracting features in the background…"), 5000);
    return true;
}

bool MainWindow::startPrediction()
{
    if (!m_session || m_prediction->isRunning())
        return false;
    const QString path = m_session->project().databasePath();
    // The batch prediction cannot stop half-way (predictAllClips takes no cancel flag).
    const jobs::JobSpec spec{jobs::JobKind::Prediction, tr("Predict every clip of %1").arg(projectName(m_session->project())),
                             QStringLiteral("prediction:") + path, false, false};
    const bool started = m_prediction->start<training::BatchPredictionResult>(
        spec,
        [path](jobs::JobContext &context) {
            training::BatchPredictionResult result = training::predictAllClips(path);
            if (!result.error.isEmpty())
                context.fail(result.error);
            return result;
        },
        [this](const jobs::JobInfo &info, std::optional<training::BatchPredictionResult> result) {
            m_jobProgress->hide();
            if (info.state != jobs::JobState::Done || !result) {
                if (!info.error.isEmpty())
                    showError(info.error);
                return;
            }
            statusBar()->showMessage(tr("Predicted %1 clips with %2").arg(result->clips).arg(result->modelName), 15000);
            onActiveModelChanged();
        });
    if (!started)
        return false;
    m_jobProgress->setRange(0, 0);
    m_jobProgress->setFormat(tr("Predicting…"));
    m_jobProgress->show();
    return true;
}

bool MainWindow::isPredicting() const { return m_prediction->isRunning(); }

void MainWindow::loadWaveform(qint64 clipId, const QString &mediaFile)
{
    // Decoding the waveform takes a moment: off the UI thread, shown when it is ready if the clip is
    // still the current one. A clip without sound simply has no waveform. The previous clip's, if
    // it has not started yet, is no longer wanted.
    jobs::JobQueue *queue = jobs::JobQueue::application();
    queue->cancel(m_waveformJob);
    m_waveformJob = queue->submitFor<std::vector<float>>(
        {jobs::JobKind::Waveform, tr("Waveform of %1").arg(QFileInfo(mediaFile).fileName()), QString(), true, false},
        [mediaFile](jobs::JobContext &) {
            try {
                return media::decodeAudioMono16k(mediaFile);
            } catch (const Error &) {
                return std::vector<float>();
            }
        },
        this,
        [this, clipId](const jobs::JobInfo &info, std::optional<std::vector<float>> samples) {
            if (info.state == jobs::JobState::Done && samples && clipId == m_currentClip)
                m_player->setWaveform(*samples, 16000);
        });
}

QWidget *MainWindow::showJobs()
{
    // The queue at work on the open project (a screenshot runs on a scratch copy of it): the
    // features (done at once when they are there), the batch prediction, and a training rehearsal
    // on a copy of its own, still running when the picture is taken.
    startExtraction();
    startPrediction();
    if (TrainDialog *dialog = openTrainDialog()) {
        dialog->startRehearsal();
        dialog->hide();
    }
    QDockWidget *dock = dockOf(m_jobsPanel);
    dock->setFloating(true);
    dock->resize(std::max(640, width()), std::max(240, height() * 2 / 5));
    dock->show();
    dock->raise();
    return dock;
}

void MainWindow::stopJobs()
{
    // The window's own jobs stop (at their next step) and are waited for: they hold connections
    // to the project. What they finished is already in it.
    m_extraction->stop();
    m_prediction->stop();
    jobs::JobQueue::application()->cancelAndWait(m_waveformJob);
    m_waveformJob = 0;
    m_jobProgress->hide();
    m_cancelJob->hide();
}

}  // namespace sl::ui
