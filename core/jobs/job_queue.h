#pragma once
// The application's one queue of background work: extraction, prediction, training, explanations,
// waveforms, live-take analysis, imports and the review queue all run here, so that one list (the
// Jobs dock) shows what runs, how far it is, what failed and why, and can cancel it.
//
// Lifetime, made explicit because a crash was once seen right after a window-started training:
//  - a job's work runs on a worker thread and must capture no widget; it talks back only through
//    its JobContext (progress, post()) and its return value;
//  - a job may name a receiver: its finish callback and its posts run on the queue's thread, and
//    only while the receiver lives (checked there, where the receiver is deleted); a receiver that
//    is deleted has its jobs cancelled;
//  - an owner that goes away calls cancelAndWait(): the work has stopped when it returns, and the
//    owner's callback is never called;
//  - the queue's destructor cancels every job and waits for the running ones.
// Qt Core only (no widgets), so the rules are tested without a window.
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QThreadPool>
#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <utility>

namespace sl::jobs {

enum class JobKind { Extraction, Prediction, Training, Explanation, Waveform, LiveTake, Import, ReviewQueue };
enum class JobState { Queued, Running, Done, Failed, Cancelled };

bool isFinished(JobState state);  // done, failed or cancelled (the Jobs dock names kinds and states)

// What the queue is asked to run, besides the work itself.
struct JobSpec {
    JobKind kind = JobKind::Extraction;
    QString title;  // shown in the Jobs dock: what and on which project or clip
    // Jobs with the same non-empty key never run at once (one training per project): a second is
    // queued until the first ends, rather than run beside it.
    QString exclusiveKey;
    // Forgotten as soon as it is done or cancelled, so that the list is not flooded (a waveform
    // per clip visited); kept, like every job, when it fails.
    bool transient = false;
    // Whether the work looks at the cancel flag (extraction, training, imports do). One that does
    // not can still be cancelled while queued; once running it runs to its end, and the dock
    // offers no Cancel for it.
    bool stopsOnCancel = true;
};

// A job as the dock shows it; a copy, taken under the job's lock.
struct JobInfo {
    qint64 id = 0;
    JobKind kind = JobKind::Extraction;
    QString title;
    QString exclusiveKey;
    JobState state = JobState::Queued;
    double progress = 0.0;  // 0..1
    QString message;        // the latest progress message
    bool stopsOnCancel = true;
    QString error;          // why it failed (or what a cancelled job said): names the file or the problem
};

struct JobRecord;
class JobQueue;

// Handed to the work on its worker thread: progress, cancellation, and messages to the owner.
class JobContext {
public:
    JobContext(JobQueue *queue, std::shared_ptr<JobRecord> record);

    bool isCancelled() const;
    // The flag itself, for the pipelines that poll one (ExtractionJob, runTrainingJob, imports).
    std::atomic_bool *cancelFlag();
    // fraction is clamped to 0..1; the dock is told at most once per turn of the event loop.
    void setProgress(double fraction, const QString &message = QString());
    // Ends the job as failed once the work returns (for pipelines that report errors in their
    // result instead of throwing). The work may also throw sl::Error or std::exception.
    void fail(const QString &error);
    // Runs fn on the queue's thread, in order with the job's end, while the receiver lives (epoch
    // curves, extraction counts).
    void post(std::function<void()> fn);

private:
    JobQueue *m_queue;
    std::shared_ptr<JobRecord> m_record;
};

class JobQueue : public QObject {
    Q_OBJECT
public:
    using Work = std::function<void(JobContext &)>;
    using Finished = std::function<void(const JobInfo &)>;

    // `workers` jobs run at once; waveforms (short, and waited for by the player) have one lane of
    // their own, so they never wait behind a training.
    explicit JobQueue(int workers = defaultWorkers(), QObject *parent = nullptr);
    ~JobQueue() override;  // cancels every job and waits for the running ones

    // One core is left to the interface (on 2 cores: one job at a time), as the extraction does.
    static int defaultWorkers();
    // The queue every window and dialog shares; made on first use, deleted (jobs cancelled and
    // waited for) as the application object goes. Needs a QCoreApplication.
    static JobQueue *application();

    int workers() const { return m_workers; }

    // Queues the work; `finished` runs on this queue's thread when the job has ended (whatever the
    // state), if `receiver` (when given) still lives. Returns the job's id.
    qint64 submit(const JobSpec &spec, Work work, QObject *receiver = nullptr, Finished finished = {});

    // The same, for work that returns a value: `finished` receives it (nullopt when the work threw
    // or never ran).
    template <typename T>
    qint64 submitFor(const JobSpec &spec, std::function<T(JobContext &)> work, QObject *receiver,
                     std::function<void(const JobInfo &, std::optional<T>)> finished)
    {
        auto slot = std::make_shared<std::optional<T>>();
        return submit(
            spec, [work = std::move(work), slot](JobContext &context) { slot->emplace(work(context)); }, receiver,
            [finished = std::move(finished), slot](const JobInfo &info) {
                if (finished)
                    finished(info, std::move(*slot));
            });
    }

    QList<qint64> ids() const;  // in submission order
    bool contains(qint64 id) const;
    JobInfo info(qint64 id) const;  // id 0 when unknown
    int runningCount() const { return m_running + m_lightRunning; }

    // Asks the job to stop: a queued one ends at once (cancelled), a running one when its work
    // next looks at the flag.
    void cancel(qint64 id);
    void cancelAll();
    // Waits until the job's work has returned and delivers its end now (callback, signals), for
    // an owner that must see the end before it goes on (a dialog closing after Cancel). A queued
    // job is cancelled first: it could not start while its owner's thread waits.
    void waitForFinished(qint64 id);
    // For an owner going away: cancels, waits until the work has returned, and drops the owner's
    // callback and posts. The job is cancelled (or done/failed, if it ended first) on return.
    void cancelAndWait(qint64 id);
    // Forgets the jobs that have ended (the dock's Clear finished).
    void clearFinished();

signals:
    void jobAdded(qint64 id);
    void jobChanged(qint64 id);   // state, progress or message
    void jobFinished(qint64 id);  // after its callback
    void jobRemoved(qint64 id);

private:
    friend class JobContext;
    std::shared_ptr<JobRecord> find(qint64 id) const;
    void schedule();
    void startJob(const std::shared_ptr<JobRecord> &record);
    void complete(const std::shared_ptr<JobRecord> &record);
    void postChanged(const std::shared_ptr<JobRecord> &record);
    static void runWork(const std::shared_ptr<JobRecord> &record, JobQueue *queue);

    QList<std::shared_ptr<JobRecord>> m_jobs;
    QThreadPool m_pool;
    int m_workers;
    int m_running = 0;
    int m_lightRunning = 0;
    qint64 m_nextId = 1;
};

}  // namespace sl::jobs

Q_DECLARE_METATYPE(sl::jobs::JobInfo)
