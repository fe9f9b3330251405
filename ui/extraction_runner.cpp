#include "ui/extraction_runner.h"

#include "core/common/error.h"
#include "core/jobs/extraction_plan.h"

#include <QMetaObject>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

namespace sl::ui {

ExtractionRunner::ExtractionRunner(QObject *parent) : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, [this] {
        const Outcome outcome = m_watcher.result();
        emit finished(outcome.report, outcome.error);
    });
}

ExtractionRunner::~ExtractionRunner()
{
    cancel();
    waitForFinished();
}

bool ExtractionRunner::start(const QString &projectPath, int workers)
{
    if (isRunning())
        return false;
    m_cancel = false;
    m_watcher.setFuture(QtConcurrent::run([this, projectPath, workers] {
        Outcome outcome;
        try {
            const jobs::PreparedExtraction prepared = jobs::prepareExtraction(projectPath, jobs::ExtractionPlan(), {}, &m_cancel);
            jobs::ExtractionJob job(projectPath, prepared.extractors, workers);
            outcome.report = job.run(
                [this](const jobs::ExtractionProgress &p) {
                    // Queued: the progress reaches the widgets on the UI thread.
                    QMetaObject::invokeMethod(this, [this, p] { emit progressed(p.done, p.total, p.etaSeconds, p.failed); },
                                              Qt::QueuedConnection);
                },
                &m_cancel);
        } catch (const Error &error) {
            outcome.error = error.message();
        }
        return outcome;
    }));
    return true;
}

int ExtractionRunner::defaultWorkers() { return std::max(1, QThread::idealThreadCount() - 1); }

void ExtractionRunner::cancel() { m_cancel = true; }

void ExtractionRunner::waitForFinished() { m_watcher.waitForFinished(); }

}  // namespace sl::ui
