#pragma once
// One owner's job on the application's queue, one at a time: the extraction of the window, the
// training of the train dialog, a panel's rebuild. It replaces the runners each of them had.
// The runner is the job's receiver: its callback and posts reach the owner only while the runner
// lives, and the runner's destructor cancels the job and waits for it, so no work outlives the
// widget that started it.
#include "core/jobs/job_queue.h"

#include <QObject>
#include <QPointer>

namespace sl::jobs {

class JobRunner : public QObject {
    Q_OBJECT
public:
    // queue: nullptr for JobQueue::application().
    explicit JobRunner(QObject *parent = nullptr, JobQueue *queue = nullptr);
    ~JobRunner() override;

    JobQueue *queue() const { return m_queue; }
    // From start() until the job's end has been handled (its callback ran); queued counts.
    bool isRunning() const { return m_id != 0; }
    qint64 jobId() const { return m_id; }

    // Submits the work; false (and nothing submitted) while a job of this runner runs. `done` runs
    // on the owner's thread with the job's end and the work's value (nullopt if it threw or never
    // ran); then finished() is emitted.
    template <typename T>
    bool start(const JobSpec &spec, std::function<T(JobContext &)> work,
               std::function<void(const JobInfo &, std::optional<T>)> done = {})
    {
        if (isRunning() || !m_queue)
            return false;
        m_id = m_queue->submitFor<T>(spec, std::move(work), this,
                                     [this, done = std::move(done)](const JobInfo &info, std::optional<T> value) {
                                         m_id = 0;
                                         if (done)
                                             done(info, std::move(value));
                                         emit finished(info);
                                     });
        return true;
    }

    // Asks the job to stop (see JobQueue::cancel); its end still comes through done/finished.
    void cancel();
    // Waits for the job's work and delivers its end now (done, then finished()); see
    // JobQueue::waitForFinished.
    void waitForFinished();
    // Cancels the job and waits for its work to return, dropping its result (for an owner that
    // moves to another project, or goes).
    void stop();

signals:
    void finished(const sl::jobs::JobInfo &info);

private:
    QPointer<JobQueue> m_queue;  // the application's queue may go first, at exit
    qint64 m_id = 0;
};

}  // namespace sl::jobs
