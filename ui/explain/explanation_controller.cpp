#include "ui/explain/explanation_controller.h"

#include "core/jobs/job_runner.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace sl::ui {

ExplanationController::ExplanationController(QObject *parent) : QObject(parent), m_runner(new jobs::JobRunner(this)) {}

ExplanationController::~ExplanationController() { m_runner->stop(); }

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
        m_runner->waitForFinished();  // delivers the end, which starts the next job
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
    // A clip's explanation is forgotten by the Jobs dock once done (one per clip visited).
    const jobs::JobSpec spec{jobs::JobKind::Explanation,
                             clips.isEmpty() ? tr("Explain every clip of %1").arg(QFileInfo(path).fileName())
                                             : tr("Explain clip %1").arg(clips.first()),
                             QString(), !clips.isEmpty(), false};
    m_runner->start<plots::ExplanationPlots>(
        spec,
        [path, clips](jobs::JobContext &context) {
            plots::ExplanationPlots plots = plots::computeExplanationPlots(path, clips);
            if (!plots.error.isEmpty())
                context.fail(plots.error);
            return plots;
        },
        [this](const jobs::JobInfo &info, std::optional<plots::ExplanationPlots> computed) { onFinished(info, std::move(computed)); });
}

void ExplanationController::onFinished(const jobs::JobInfo &info, std::optional<plots::ExplanationPlots> computed)
{
    m_running = false;
    plots::ExplanationPlots result = computed ? std::move(*computed) : plots::ExplanationPlots();
    if (!computed)  // it threw, or was cancelled in the Jobs dock before it started
        result.error = info.error.isEmpty() ? tr("The explanation was cancelled") : info.error;
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
