#include "core/jobs/job_queue.h"

#include "core/common/error.h"

#include <QCoreApplication>
#include <QMutex>
#include <QMutexLocker>
#include <QPointer>
#include <QThread>
#include <QWaitCondition>
#include <algorithm>

namespace sl::jobs {

// One job. `info` and `failure` are shared with the worker (under `mutex`); the callbacks,
// receiver and bookkeeping flags are touched on the queue's thread only.
struct JobRecord {
    mutable QMutex mutex;
    QWaitCondition workReturned;
    JobInfo info;
    QString failure;
    bool returned = false;  // the work has returned (or will never run)
    std::atomic_bool cancel{false};
    std::atomic_bool changePosted{false};

    JobQueue::Work work;
    JobQueue::Finished finished;
    QPointer<QObject> receiver;
    QMetaObject::Connection receiverWatch;  // cancels the job if the receiver is deleted first
    bool hasReceiver = false;
    bool dropped = false;    // owner gone: no callback, no posts
    bool completed = false;  // complete() ran
    bool light = false;
    bool transient = false;

    bool receiverAlive() const { return !dropped && (!hasReceiver || receiver); }
};

bool isFinished(JobState state) { return state == JobState::Done || state == JobState::Failed || state == JobState::Cancelled; }

JobContext::JobContext(JobQueue *queue, std::shared_ptr<JobRecord> record) : m_queue(queue), m_record(std::move(record)) {}

bool JobContext::isCancelled() const { return m_record->cancel.load(); }

std::atomic_bool *JobContext::cancelFlag() { return &m_record->cancel; }

void JobContext::setProgress(double fraction, const QString &message)
{
    {
        QMutexLocker lock(&m_record->mutex);
        m_record->info.progress = std::clamp(fraction, 0.0, 1.0);
        if (!message.isNull())
            m_record->info.message = message;
    }
    m_queue->postChanged(m_record);
}

void JobContext::fail(const QString &error)
{
    QMutexLocker lock(&m_record->mutex);
    m_record->failure = error;
}

void JobContext::post(std::function<void()> fn)
{
    // The queue outlives every running work (its destructor waits), so it can be posted to here.
    QMetaObject::invokeMethod(
        m_queue,
        [record = m_record, fn = std::move(fn)] {
            if (record->receiverAlive())
                fn();
        },
        Qt::QueuedConnection);
}

JobQueue::JobQueue(int workers, QObject *parent) : QObject(parent), m_workers(std::max(1, workers))
{
    qRegisterMetaType<JobInfo>();
    // The scheduler below never hands the pool more jobs than it has threads.
    m_pool.setMaxThreadCount(m_workers + 1);
}

JobQueue::~JobQueue()
{
    cancelAll();
    m_pool.waitForDone();
    // Posted completions and progress die with this object (QObject removes its posted events).
}

int JobQueue::defaultWorkers() { return std::max(1, QThread::idealThreadCount() - 1); }

namespace {
QPointer<JobQueue> g_application;

void deleteApplicationQueue()
{
    delete g_application.data();
}
}  // namespace

JobQueue *JobQueue::application()
{
    if (!g_application) {
        Q_ASSERT(QCoreApplication::instance());
        g_application = new JobQueue(defaultWorkers());
        g_application->setObjectName(QStringLiteral("applicationJobQueue"));
        // Post routines run first thing in ~QCoreApplication, while the event system still works.
        qAddPostRoutine(deleteApplicationQueue);
    }
    return g_application;
}

qint64 JobQueue::submit(const JobSpec &spec, Work work, QObject *receiver, Finished finished)
{
    auto record = std::make_shared<JobRecord>();
    record->info.id = m_nextId++;
    record->info.kind = spec.kind;
    record->info.title = spec.title;
    record->info.exclusiveKey = spec.exclusiveKey;
    record->info.stopsOnCancel = spec.stopsOnCancel;
    record->work = std::move(work);
    record->finished = std::move(finished);
    record->receiver = receiver;
    record->hasReceiver = receiver != nullptr;
    record->light = spec.kind == JobKind::Waveform;
    record->transient = spec.transient;
    const qint64 id = record->info.id;
    if (receiver)  // a receiver that goes has no use for its jobs any more
        record->receiverWatch = connect(receiver, &QObject::destroyed, this, [this, id] { cancel(id); });
    m_jobs.append(record);
    emit jobAdded(id);
    schedule();
    return id;
}

std::shared_ptr<JobRecord> JobQueue::find(qint64 id) const
{
    for (const auto &record : m_jobs)
        if (record->info.id == id)
            return record;
    return nullptr;
}

QList<qint64> JobQueue::ids() const
{
    QList<qint64> out;
    for (const auto &record : m_jobs)
        out.append(record->info.id);
    return out;
}

bool JobQueue::contains(qint64 id) const { return find(id) != nullptr; }

JobInfo JobQueue::info(qint64 id) const
{
    const auto record = find(id);
    if (!record)
        return {};
    QMutexLocker lock(&record->mutex);
    return record->info;
}

void JobQueue::schedule()
{
    QStringList busyKeys;
    for (const auto &record : m_jobs) {
        QMutexLocker lock(&record->mutex);
        if (record->info.state == JobState::Running && !record->info.exclusiveKey.isEmpty())
            busyKeys.append(record->info.exclusiveKey);
    }
    for (const auto &record : m_jobs) {
        QString key;
        {
            QMutexLocker lock(&record->mutex);
            if (record->info.state != JobState::Queued)
                continue;
            key = record->info.exclusiveKey;
        }
        if (!key.isEmpty() && busyKeys.contains(key))
            continue;  // waits for its twin, in submission order
        if (record->light ? m_lightRunning >= 1 : m_running >= m_workers)
            continue;
        if (!key.isEmpty())
            busyKeys.append(key);
        startJob(record);
    }
}

void JobQueue::startJob(const std::shared_ptr<JobRecord> &record)
{
    {
        QMutexLocker lock(&record->mutex);
        record->info.state = JobState::Running;
    }
    ++(record->light ? m_lightRunning : m_running);
    emit jobChanged(record->info.id);
    m_pool.start([record, this] { runWork(record, this); });
}

void JobQueue::runWork(const std::shared_ptr<JobRecord> &record, JobQueue *queue)
{
    JobContext context(queue, record);
    QString failure;
    try {
        record->work(context);
    } catch (const Error &error) {
        failure = error.message();
    } catch (const std::exception &error) {
        failure = QString::fromUtf8(error.what());
    } catch (...) {
        failure = QStringLiteral("The job stopped on an error that is not a std::exception");
    }
    {
        QMutexLocker lock(&record->mutex);
        if (!failure.isEmpty())
            record->failure = failure;
        record->returned = true;
        record->workReturned.wakeAll();
    }
    QMetaObject::invokeMethod(queue, [queue, record] { queue->complete(record); }, Qt::QueuedConnection);
}

void JobQueue::complete(const std::shared_ptr<JobRecord> &record)
{
    if (record->completed)
        return;
    record->completed = true;
    bool ran = false;
    {
        QMutexLocker lock(&record->mutex);
        ran = record->info.state == JobState::Running;
        // A pipeline asked to stop often stops by throwing ("cancelled; …"): that is a cancel, and
        // its message is kept as the job's error text.
        record->info.error = record->failure;
        // Work that never looks at the flag ran to its end: it is what it is, done or failed.
        if (record->cancel.load() && (record->info.stopsOnCancel || !ran)) {
            record->info.state = JobState::Cancelled;
        } else if (!record->failure.isEmpty()) {
            record->info.state = JobState::Failed;
        } else {
            record->info.state = JobState::Done;
            record->info.progress = 1.0;
        }
    }
    if (ran)
        --(record->light ? m_lightRunning : m_running);
    record->work = nullptr;  // frees what the work captured
    disconnect(record->receiverWatch);
    const JobInfo info = this->info(record->info.id);
    if (record->finished && record->receiverAlive())
        record->finished(info);
    record->finished = nullptr;
    emit jobChanged(info.id);
    emit jobFinished(info.id);
    if (record->transient && info.state != JobState::Failed && m_jobs.removeOne(record))
        emit jobRemoved(info.id);
    schedule();
}

void JobQueue::postChanged(const std::shared_ptr<JobRecord> &record)
{
    if (record->changePosted.exchange(true))
        return;  // one notice per turn of the event loop is enough
    QMetaObject::invokeMethod(
        this,
        [this, record] {
            record->changePosted = false;
            if (contains(record->info.id))
                emit jobChanged(record->info.id);
        },
        Qt::QueuedConnection);
}

void JobQueue::cancel(qint64 id)
{
    const auto record = find(id);
    if (!record)
        return;
    record->cancel = true;
    bool queued = false;
    {
        QMutexLocker lock(&record->mutex);
        queued = record->info.state == JobState::Queued;
        if (queued)
            record->returned = true;  // it will never run
    }
    // A queued job ends now; its callback still comes from the event loop, as a running job's does.
    if (queued) {
        {
            QMutexLocker lock(&record->mutex);
            record->info.state = JobState::Cancelled;
        }
        QMetaObject::invokeMethod(this, [this, record] { complete(record); }, Qt::QueuedConnection);
    }
    emit jobChanged(id);
}

void JobQueue::cancelAll()
{
    for (qint64 id : ids())
        cancel(id);
}

void JobQueue::waitForFinished(qint64 id)
{
    const auto record = find(id);
    if (!record)
        return;
    bool queued = false;
    {
        QMutexLocker lock(&record->mutex);
        queued = record->info.state == JobState::Queued;
    }
    if (queued)
        cancel(id);
    {
        QMutexLocker lock(&record->mutex);
        while (!record->returned)
            record->workReturned.wait(&record->mutex);
    }
    complete(record);
}

void JobQueue::cancelAndWait(qint64 id)
{
    const auto record = find(id);
    if (!record)
        return;
    record->dropped = true;
    cancel(id);
    waitForFinished(id);
}

void JobQueue::clearFinished()
{
    for (qsizetype i = m_jobs.size() - 1; i >= 0; --i) {
        const auto record = m_jobs[i];
        if (!record->completed)
            continue;
        m_jobs.removeAt(i);
        emit jobRemoved(record->info.id);
    }
}

}  // namespace sl::jobs
