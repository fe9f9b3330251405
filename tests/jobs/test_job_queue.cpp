// The application's job queue without widgets: jobs start in submission order, no more at once
// than the workers (waveforms in their own lane), twins of an exclusive key one after the other;
// progress, cancel (queued and running), errors (thrown or reported), results on the owner's
// thread, and a queue or receiver deleted while work runs. Work is held on semaphores, so every
// check is about an order the test forces, not about timing.
#include "core/common/error.h"
#include "core/jobs/job_queue.h"
#include "core/jobs/job_runner.h"

#include <QMutex>
#include <QSemaphore>
#include <QSignalSpy>
#include <QThread>
#include <QtTest>
#include <atomic>
#include <memory>

using namespace sl;
using namespace sl::jobs;

namespace {

// Work that records its start, then waits for the test to release it (or for a cancel).
struct Gate {
    QSemaphore release;
    QMutex mutex;
    QStringList started;
    std::atomic_int inside{0};
    std::atomic_int mostInside{0};

    JobQueue::Work work(const QString &name)
    {
        return [this, name](JobContext &context) {
            {
                QMutexLocker lock(&mutex);
                started.append(name);
            }
            const int now = ++inside;
            int most = mostInside.load();
            while (now > most && !mostInside.compare_exchange_weak(most, now)) {
            }
            while (!release.tryAcquire(1, 5)) {
                if (context.isCancelled())
                    break;
            }
            --inside;
        };
    }
    QStringList startedNames()
    {
        QMutexLocker lock(&mutex);
        return started;
    }
};

JobSpec spec(const QString &title, JobKind kind = JobKind::Extraction, const QString &key = QString())
{
    return JobSpec{kind, title, key};
}

bool waitFinished(const JobQueue &queue, qint64 id, int ms = 10000)
{
    QElapsedTimer timer;
    timer.start();
    while (!isFinished(queue.info(id).state) && timer.elapsed() < ms)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    return isFinished(queue.info(id).state);
}

}  // namespace

class TestJobQueue : public QObject {
    Q_OBJECT
private slots:
    void jobsStartInSubmissionOrderWithinTheBound()
    {
        Gate gate;
        JobQueue queue(1);
        QList<qint64> ids;
        for (const QString &name : {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")})
            ids.append(queue.submit(spec(name), gate.work(name)));
        QCOMPARE(queue.ids(), ids);
        QTRY_COMPARE(gate.startedNames(), QStringList{QStringLiteral("a")});
        QCOMPARE(queue.info(ids[0]).state, JobState::Running);
        QCOMPARE(queue.info(ids[1]).state, JobState::Queued);
        QCOMPARE(queue.info(ids[2]).state, JobState::Queued);
        gate.release.release(3);
        QVERIFY(waitFinished(queue, ids[2]));
        QCOMPARE(gate.startedNames(), (QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));
        QCOMPARE(gate.mostInside.load(), 1);
        for (qint64 id : ids) {
            QCOMPARE(queue.info(id).state, JobState::Done);
            QCOMPARE(queue.info(id).progress, 1.0);
        }
    }

    void noMoreJobsRunAtOnceThanTheWorkers()
    {
        Gate gate;
        JobQueue queue(2);
        QList<qint64> ids;
        for (int i = 0; i < 5; ++i)
            ids.append(queue.submit(spec(QString::number(i)), gate.work(QString::number(i))));
        QTRY_COMPARE(gate.inside.load(), 2);
        QTest::qWait(50);  // room for a third to start, were the bound not kept
        QCOMPARE(gate.inside.load(), 2);
        QCOMPARE(queue.runningCount(), 2);
        gate.release.release(5);
        QVERIFY(waitFinished(queue, ids.last()));
        QVERIFY(waitFinished(queue, ids[3]));
        QCOMPARE(gate.mostInside.load(), 2);
        QCOMPARE(gate.startedNames().size(), 5);
        QCOMPARE(queue.runningCount(), 0);
    }

    void waveformsHaveALaneOfTheirOwn()
    {
        Gate busy;
        JobQueue queue(1);
        const qint64 training = queue.submit(spec(QStringLiteral("training"), JobKind::Training), busy.work(QStringLiteral("t")));
        std::atomic_bool drawn{false};
        const qint64 waveform = queue.submit(spec(QStringLiteral("waveform"), JobKind::Waveform), [&drawn](JobContext &) { drawn = true; });
        QVERIFY(waitFinished(queue, waveform));  // while the training holds the only worker
        QVERIFY(drawn);
        QCOMPARE(queue.info(training).state, JobState::Running);
        busy.release.release();
        QVERIFY(waitFinished(queue, training));
    }

    void twinsOfAnExclusiveKeyWaitForEachOther()
    {
        Gate projectA, projectB;  // a gate per project, so each release reaches the job meant
        JobQueue queue(3);
        const QString key = QStringLiteral("training:/projects/a");
        const qint64 first = queue.submit(spec(QStringLiteral("first"), JobKind::Training, key), projectA.work(QStringLiteral("first")));
        const qint64 twin = queue.submit(spec(QStringLiteral("twin"), JobKind::Training, key), projectA.work(QStringLiteral("twin")));
        const qint64 other = queue.submit(spec(QStringLiteral("other"), JobKind::Training, QStringLiteral("training:/projects/b")),
                                          projectB.work(QStringLiteral("other")));
        // The first and the other project's run side by side; the twin waits, though a worker is free.
        QTRY_COMPARE(projectA.inside.load() + projectB.inside.load(), 2);
        QTest::qWait(50);
        QCOMPARE(queue.info(twin).state, JobState::Queued);
        QCOMPARE(projectA.startedNames(), QStringList{QStringLiteral("first")});
        projectA.release.release();
        QVERIFY(waitFinished(queue, first));
        QTRY_COMPARE(queue.info(twin).state, JobState::Running);  // its turn once the first has ended
        QCOMPARE(projectA.mostInside.load(), 1);
        projectA.release.release();
        projectB.release.release();
        QVERIFY(waitFinished(queue, twin));
        QVERIFY(waitFinished(queue, other));
        QCOMPARE(queue.info(twin).state, JobState::Done);
        QCOMPARE(projectA.mostInside.load(), 1);
    }

    void progressReachesTheOwnerAndSignals()
    {
        JobQueue queue(1);
        QSemaphore reported, release;
        QSignalSpy changed(&queue, &JobQueue::jobChanged);
        const qint64 id = queue.submit(spec(QStringLiteral("extract")), [&](JobContext &context) {
            context.setProgress(0.25, QStringLiteral("clip 1 of 4"));
            context.setProgress(0.5, QStringLiteral("clip 2 of 4"));
            context.setProgress(7.0);  // clamped, message kept
            reported.release();
            while (!release.tryAcquire(1, 5) && !context.isCancelled()) {
            }
        });
        QVERIFY(reported.tryAcquire(1, 10000));
        QTRY_COMPARE(queue.info(id).progress, 1.0);
        QCOMPARE(queue.info(id).message, QStringLiteral("clip 2 of 4"));
        QCOMPARE(queue.info(id).state, JobState::Running);
        QTRY_VERIFY(changed.size() >= 2);  // running, then the progress
        QTest::qWait(20);
        QVERIFY(changed.size() < 4);  // three reports in one turn come as one notice
        release.release();
        QVERIFY(waitFinished(queue, id));
    }

    void resultsAndPostsArriveOnTheOwnersThreadInOrder()
    {
        JobQueue queue(1);
        QObject owner;
        QThread *workThread = nullptr;
        QStringList events;
        std::optional<int> value;
        JobState state = JobState::Queued;
        const qint64 id = queue.submitFor<int>(
            spec(QStringLiteral("predict"), JobKind::Prediction),
            [&](JobContext &context) {
                workThread = QThread::currentThread();
                context.post([&] { events.append(QThread::currentThread() == owner.thread() ? QStringLiteral("post on owner") : QStringLiteral("post elsewhere")); });
                return 42;
            },
            &owner,
            [&](const JobInfo &info, std::optional<int> result) {
                events.append(QThread::currentThread() == owner.thread() ? QStringLiteral("end on owner") : QStringLiteral("end elsewhere"));
                value = result;
                state = info.state;
            });
        QVERIFY(waitFinished(queue, id));
        QVERIFY(workThread && workThread != owner.thread());
        QCOMPARE(events, (QStringList{QStringLiteral("post on owner"), QStringLiteral("end on owner")}));
        QCOMPARE(value, std::optional<int>(42));
        QCOMPARE(state, JobState::Done);
    }

    void errorsNameTheProblem()
    {
        JobQueue queue(1);
        std::optional<int> value = 7;
        bool called = false;
        const qint64 thrown = queue.submitFor<int>(
            spec(QStringLiteral("import")),
            [](JobContext &) -> int { throw Error(QStringLiteral("/data/label.csv:3: the valence is not a number")); }, &queue,
            [&](const JobInfo &, std::optional<int> result) {
                called = true;
                value = result;
            });
        const qint64 reported = queue.submit(spec(QStringLiteral("queue")), [](JobContext &context) {
            context.fail(QStringLiteral("/p/project.sqlite: no active model"));
        });
        const qint64 standard = queue.submit(spec(QStringLiteral("std")), [](JobContext &) { throw std::runtime_error("out of range"); });
        QVERIFY(waitFinished(queue, standard));
        QCOMPARE(queue.info(thrown).state, JobState::Failed);
        QCOMPARE(queue.info(thrown).error, QStringLiteral("/data/label.csv:3: the valence is not a number"));
        QVERIFY(called);
        QCOMPARE(value, std::nullopt);
        QCOMPARE(queue.info(reported).state, JobState::Failed);
        QCOMPARE(queue.info(reported).error, QStringLiteral("/p/project.sqlite: no active model"));
        QCOMPARE(queue.info(standard).state, JobState::Failed);
        QCOMPARE(queue.info(standard).error, QStringLiteral("out of range"));
    }

    void cancelStopsRunningAndQueuedJobs()
    {
        Gate gate;
        JobQueue queue(1);
        std::atomic_bool queuedRan{false};
        const qint64 running = queue.submit(spec(QStringLiteral("train"), JobKind::Training), gate.work(QStringLiteral("train")));
        bool queuedCallback = false;
        const qint64 queued = queue.submit(spec(QStringLiteral("later")), [&queuedRan](JobContext &) { queuedRan = true; }, &queue,
                                           [&queuedCallback](const JobInfo &info) { queuedCallback = info.state == JobState::Cancelled; });
        QTRY_COMPARE(gate.inside.load(), 1);
        queue.cancel(queued);
        QCOMPARE(queue.info(queued).state, JobState::Cancelled);  // at once: it never ran
        QTRY_VERIFY(queuedCallback);
        queue.cancel(running);
        QVERIFY(waitFinished(queue, running));  // the work saw the flag (never released)
        QCOMPARE(queue.info(running).state, JobState::Cancelled);
        QTest::qWait(20);
        QVERIFY(!queuedRan);
        QSignalSpy removed(&queue, &JobQueue::jobRemoved);
        queue.clearFinished();
        QCOMPARE(removed.size(), 2);
        QVERIFY(queue.ids().isEmpty());
    }

    void workThatCannotStopRunsToItsEndWhenCancelled()
    {
        Gate gate;
        JobQueue queue(1);
        JobSpec running = spec(QStringLiteral("review queue"), JobKind::ReviewQueue);
        running.stopsOnCancel = false;
        std::optional<int> value;
        const qint64 id = queue.submitFor<int>(
            running, [&gate](JobContext &context) { gate.work(QStringLiteral("r"))(context); return 5; }, &queue,
            [&value](const JobInfo &, std::optional<int> result) { value = result; });
        JobSpec waiting = running;
        waiting.title = QStringLiteral("waiting");
        std::atomic_bool waitingRan{false};
        const qint64 queued = queue.submit(waiting, [&waitingRan](JobContext &) { waitingRan = true; });
        QTRY_COMPARE(gate.inside.load(), 1);
        queue.cancel(queued);
        QCOMPARE(queue.info(queued).state, JobState::Cancelled);  // not started: it never will
        queue.cancel(id);  // the work returns (the gate looks at the flag), as from its end
        QVERIFY(waitFinished(queue, id));
        QCOMPARE(queue.info(id).state, JobState::Done);  // it ran to its end, and says so
        QCOMPARE(value, std::optional<int>(5));
        QVERIFY(!waitingRan);
    }

    void transientJobsAreForgottenUnlessTheyFail()
    {
        JobQueue queue(1);
        QSignalSpy removed(&queue, &JobQueue::jobRemoved);
        JobSpec waveform = spec(QStringLiteral("waveform"), JobKind::Waveform);
        waveform.transient = true;
        const qint64 done = queue.submit(waveform, [](JobContext &) {});
        const qint64 failed = queue.submit(waveform, [](JobContext &) { throw Error(QStringLiteral("/media/a.mp4: no audio stream")); });
        QTRY_COMPARE(removed.size(), 1);
        QTest::qWait(20);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(removed.first().first().toLongLong(), done);
        QCOMPARE(queue.ids(), QList<qint64>{failed});
        QCOMPARE(queue.info(failed).error, QStringLiteral("/media/a.mp4: no audio stream"));
    }

    void cancelAndWaitDropsTheOwnersCallback()
    {
        Gate gate;
        JobQueue queue(1);
        bool called = false;
        const qint64 id = queue.submit(spec(QStringLiteral("x")), gate.work(QStringLiteral("x")), &queue, [&called](const JobInfo &) { called = true; });
        QTRY_COMPARE(gate.inside.load(), 1);
        queue.cancelAndWait(id);
        QCOMPARE(gate.inside.load(), 0);  // the work has returned
        QCOMPARE(queue.info(id).state, JobState::Cancelled);
        QCoreApplication::processEvents();
        QVERIFY(!called);
    }

    void aRunnerRunsOneJobAtATimeAndStopsItsJobWhenDeleted()
    {
        Gate gate;
        JobQueue queue(2);
        auto runner = std::make_unique<JobRunner>(nullptr, &queue);
        bool done = false;
        QVERIFY(runner->start<int>(spec(QStringLiteral("extract")), [&gate](JobContext &context) { gate.work(QStringLiteral("r"))(context); return 1; },
                                   [&done](const JobInfo &, std::optional<int>) { done = true; }));
        QVERIFY(runner->isRunning());
        QVERIFY(!runner->start<int>(spec(QStringLiteral("again")), [](JobContext &) { return 2; }));
        QCOMPARE(queue.ids().size(), 1);
        const qint64 id = runner->jobId();
        QTRY_COMPARE(gate.inside.load(), 1);
        runner.reset();  // the widget that owned it closes mid-job
        QCOMPARE(gate.inside.load(), 0);
        QCOMPARE(queue.info(id).state, JobState::Cancelled);
        QCoreApplication::processEvents();
        QVERIFY(!done);
    }

    void aDeletedReceiverCancelsItsJobAndHearsNothing()
    {
        Gate gate;
        JobQueue queue(1);
        auto owner = std::make_unique<QObject>();
        bool called = false;
        const qint64 id = queue.submit(spec(QStringLiteral("explain")), gate.work(QStringLiteral("e")), owner.get(),
                                       [&called](const JobInfo &) { called = true; });
        QTRY_COMPARE(gate.inside.load(), 1);
        owner.reset();
        QVERIFY(waitFinished(queue, id));  // cancelled, though never released
        QCOMPARE(queue.info(id).state, JobState::Cancelled);
        QVERIFY(!called);
    }

    void deletingTheQueueCancelsAndWaitsForRunningJobs()
    {
        Gate gate;
        auto queue = std::make_unique<JobQueue>(2);
        std::atomic_bool queuedRan{false};
        bool called = false;
        for (int i = 0; i < 2; ++i)
            queue->submit(spec(QStringLiteral("long")), gate.work(QStringLiteral("long")), queue.get(), [&called](const JobInfo &) { called = true; });
        queue->submit(spec(QStringLiteral("queued")), [&queuedRan](JobContext &) { queuedRan = true; });
        QTRY_COMPARE(gate.inside.load(), 2);
        queue.reset();
        QCOMPARE(gate.inside.load(), 0);  // both works returned before the destructor did
        QCoreApplication::processEvents();
        QVERIFY(!queuedRan);
        QVERIFY(!called);
    }
};

QTEST_GUILESS_MAIN(TestJobQueue)
#include "test_job_queue.moc"
