#include "ui/workbench/training_runner.h"

#include <QMetaObject>
#include <QtConcurrent/QtConcurrentRun>

namespace sl::ui {

TrainingRunner::TrainingRunner(QObject *parent) : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<training::TrainingJobResult>::finished, this,
            [this] { emit finished(m_watcher.result()); });
}

TrainingRunner::~TrainingRunner()
{
    cancel();
    waitForFinished();
}

bool TrainingRunner::start(const QString &projectPath, const training::TrainingSettings &settings)
{
    if (isRunning())
        return false;
    m_cancel = false;
    m_watcher.setFuture(QtConcurrent::run([this, projectPath, settings] {
        return training::runTrainingJob(
            projectPath, settings,
            [this](const training::EpochReport &report) {
                // Queued: the curves are drawn on the UI thread.
                QMetaObject::invokeMethod(this, [this, report] { emit epochFinished(report); }, Qt::QueuedConnection);
            },
            &m_cancel);
    }));
    return true;
}

}  // namespace sl::ui
