#include "ui/explain/explanation_controller.h"

#include <QCoreApplication>
#include <QtConcurrent/QtConcurrentRun>

namespace sl::ui {

ExplanationController::ExplanationController(QObject *parent) : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<plots::ExplanationPlots>::finished, this, &ExplanationController::onFinished);
}

ExplanationController::~ExplanationController() { m_watcher.waitForFinished(); }

void ExplanationController::setProject(const QString &projectPath)
{
    m_path = projectPath;
    m_clip = 0;
    refresh();
}

void ExplanationController::refresh()
{
    ++m_generation;
    m_dataset = {};
    m_shownClip = 0;
    m_clipPending = m_clip != 0;
    m_datasetPending = !m_path.isEmpty();
    startNext();
}

void ExplanationController::showClip(qint64 clipId)
{
    if (clipId == m_clip && (clipId == m_shownClip || m_runningClip == clipId))
        return;  // already shown or on its way (a dock was only raised)
    m_clip = clipId;
    m_clipPending = clipId != 0;
    startNext();
}

void ExplanationController::setEnabled(bool enabled)
{
    m_enabled = enabled;
    startNext();
}

bool ExplanationController::isBusy() const
{
    return m_running || (m_enabled && !m_path.isEmpty() && (m_clipPending || m_datasetPending));
}

void ExplanationController::waitForIdle()
{
    while (isBusy()) {
        m_watcher.waitForFinished();
        QCoreApplication::sendPostedEvents();  // delivers `finished`, which starts the next job
        QCoreApplication::processEvents();
    }
}

void ExplanationController::startNext()
{
    if (m_running || m_path.isEmpty() || !m_enabled)
        return;
    QList<qint64> clips;
    if (m_clipPending) {
        clips = {m_clip};
        m_clipPending = false;
        m_runningClip = m_clip;
        m_runningDataset = false;
    } else if (m_datasetPending) {
        m_datasetPending = false;
        m_runningDataset = true;
        m_runningClip = 0;
    } else {
        emit busyChanged(false);
        return;
    }
    m_runningGeneration = m_generation;
    m_running = true;
    emit busyChanged(true);
    const QString path = m_path;
    m_watcher.setFuture(QtConcurrent::run([path, clips] { return plots::computeExplanationPlots(path, clips); }));
}

void ExplanationController::onFinished()
{
    m_running = false;
    const plots::ExplanationPlots result = m_watcher.result();
    if (m_runningGeneration == m_generation) {
        if (!result.error.isEmpty())
            emit failed(result.error);
        else if (m_runningDataset) {
            m_dataset = result;
            emit datasetReady(m_dataset);
        } else if (m_runningClip == m_clip && !result.clips.isEmpty()) {
            m_shownClip = m_clip;
            emit clipReady(result.clips.first());
        }
    }
    m_runningClip = 0;
    startNext();
}

}  // namespace sl::ui
