#pragma once
// Runs a training job off the UI thread and reports back on it: every epoch, the end, and
// cancellation (taken before the trainer's next step). The job opens its own project connection.
#include "core/training/training_job.h"

#include <QFutureWatcher>
#include <QObject>
#include <atomic>

namespace sl::ui {

class TrainingRunner : public QObject {
    Q_OBJECT
public:
    explicit TrainingRunner(QObject *parent = nullptr);
    ~TrainingRunner() override;  // cancels and waits: the job must not outlive its dialog

    bool isRunning() const { return m_watcher.isRunning(); }
    // False when a job is running already.
    bool start(const QString &projectPath, const training::TrainingSettings &settings);
    void cancel() { m_cancel = true; }
    void waitForFinished() { m_watcher.waitForFinished(); }

signals:
    void epochFinished(const sl::training::EpochReport &report);
    void finished(const sl::training::TrainingJobResult &result);

private:
    QFutureWatcher<training::TrainingJobResult> m_watcher;
    std::atomic_bool m_cancel{false};
};

}  // namespace sl::ui
