// Issue 18, defect 11: labels typed while another program holds the project's write lock (a long
// CLI import) are queued, shown as pending, never block for the busy timeout, and all land in the
// store, in order and each with its history row, once the lock is released.
#include "core/common/error.h"
#include "core/session/labeling_session.h"
#include "core/store/sql.h"
#include "tests/session/sqlite_lock_holder.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace sl;
using namespace sl::store;
using sl::test::LockHolder;

namespace {

int historyRows(const QString &folder, qint64 clipId, const QString &annotator)
{
    auto project = Project::open(folder);
    const qint64 id = project->annotators().find(annotator)->id;
    int rows = 0;
    for (const LabelChange &change : project->labels().history(clipId))
        rows += change.annotatorId == id ? 1 : 0;
    return rows;
}

}  // namespace

class TestLabelQueue : public QObject {
    Q_OBJECT
private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_folder = m_dir.filePath(QStringLiteral("p%1").arg(++m_count));
        QDir().mkpath(m_folder);
        auto project = Project::create(m_folder, QStringLiteral("p"), LabelScale());
        m_clips.clear();
        for (int i = 0; i < 3; ++i) {
            Clip clip;
            clip.videoId = QStringLiteral("v");
            clip.clipId = QString::number(i);
            clip.mediaPath = QStringLiteral("%1.mp4").arg(i);
            clip.split = QStringLiteral("train");
            m_clips << project->clips().add(clip);
        }
        m_databaseFile = project->databasePath();
    }

    void labelsTypedUnderALockWaitAndAllLand()
    {
        session::LabelingSession session(Project::open(m_folder), QStringLiteral("ana"));
        QSignalSpy changed(&session, &session::LabelingSession::labelChanged);
        QSignalSpy pending(&session, &session::LabelingSession::pendingChanged);
        QVERIFY(session.setLabel(m_clips[0], Target::M, 1.0));  // written at once, no lock yet
        QCOMPARE(session.pendingCount(), 0);

        LockHolder lock(m_databaseFile);
        QElapsedTimer clock;
        clock.start();
        // Seven changes on three clips, two on the same label, one cleared, as fast as keys come.
        QVERIFY(session.setLabel(m_clips[0], Target::M, 2.0));
        QVERIFY(session.setLabel(m_clips[0], Target::T, -1.0));
        QVERIFY(session.setLabel(m_clips[1], Target::M, 3.0));
        QVERIFY(session.setLabel(m_clips[1], Target::M, -0.5));
        QVERIFY(!session.setLabel(m_clips[1], Target::M, -0.5));  // unchanged: nothing queued
        QVERIFY(session.setLabel(m_clips[2], Target::V, 0.5));
        QVERIFY(session.setLabel(m_clips[2], Target::V, std::nullopt));
        QVERIFY(session.setLabel(m_clips[0], Target::M, std::nullopt));
        // Before the queue, each write waited for the 5 s busy timeout and then failed.
        QVERIFY2(clock.elapsed() < 3000, qPrintable(QStringLiteral("%1 ms").arg(clock.elapsed())));
        QVERIFY_THROWS_EXCEPTION(Error, session.setLabel(m_clips[0], Target::A, 9.0));  // off the scale: refused
        QCOMPARE(session.pendingCount(), 7);
        QCOMPARE(changed.count(), 8);
        QVERIFY(!pending.isEmpty());
        QVERIFY(session.pendingReason().contains(QStringLiteral("locked")));
        QVERIFY(session.pendingReason().contains(m_databaseFile));
        QVERIFY(session.isPending(m_clips[1], Target::M));
        QVERIFY(!session.isPending(m_clips[1], Target::T));
        // The views see what was typed.
        QCOMPARE(session.ownLabel(m_clips[1], Target::M), std::optional<double>(-0.5));
        QCOMPARE(session.ownLabel(m_clips[0], Target::M), std::optional<double>());
        const QList<ClipOverview> overview = session.loadOverview();
        QCOMPARE(overview[0].own[targetIndex(Target::T)], std::optional<double>(-1.0));
        QCOMPARE(overview[1].own[targetIndex(Target::M)], std::optional<double>(-0.5));
        // Retries while the lock is held do not write and do not lose anything.
        QTest::qWait(session::LabelingSession::kRetryIntervalMs + 300);
        QCOMPARE(session.pendingCount(), 7);
        QCOMPARE(historyRows(m_folder, m_clips[1], QStringLiteral("ana")), 0);

        lock.release();
        // The background retry writes them all without anything else happening.
        QTRY_COMPARE_WITH_TIMEOUT(session.pendingCount(), 0, 5000);
        QCOMPARE(pending.last().first().toInt(), 0);
        auto project = Project::open(m_folder);
        const qint64 ana = project->annotators().find(QStringLiteral("ana"))->id;
        const auto stored = [&](int clip, Target target) { return project->labels().value(m_clips[clip], ana, target); };
        QCOMPARE(stored(0, Target::M), std::optional<double>());
        QCOMPARE(stored(0, Target::T), std::optional<double>(-1.0));
        QCOMPARE(stored(1, Target::M), std::optional<double>(-0.5));
        QCOMPARE(stored(2, Target::V), std::optional<double>());
        // Every change its history row, in typing order: clip 0 M 1 -> 2 -> cleared, T set; clip 1
        // M 3 -> -0.5; clip 2 V 0.5 -> cleared.
        QCOMPARE(historyRows(m_folder, m_clips[0], QStringLiteral("ana")), 4);
        QCOMPARE(historyRows(m_folder, m_clips[1], QStringLiteral("ana")), 2);
        QCOMPARE(historyRows(m_folder, m_clips[2], QStringLiteral("ana")), 2);
        QList<std::optional<double>> clip0M;
        for (const LabelChange &change : project->labels().history(m_clips[0]))
            if (change.annotatorId == ana && change.target == Target::M)
                clip0M << change.newValue;
        QCOMPARE(clip0M, (QList<std::optional<double>>{1.0, 2.0, std::nullopt}));
    }

    void flushWaitsForTheLockWhenAsked()
    {
        session::LabelingSession session(Project::open(m_folder), QStringLiteral("bo"));
        {
            LockHolder lock(m_databaseFile);
            QVERIFY(session.setLabel(m_clips[2], Target::A, 2.0));
            QCOMPARE(session.flushPending(100), 1);  // still locked
        }
        QCOMPARE(session.flushPending(1000), 0);  // as on quit, before the retry's turn
        QCOMPARE(historyRows(m_folder, m_clips[2], QStringLiteral("bo")), 1);
    }

private:
    QTemporaryDir m_dir;
    QString m_folder;
    QString m_databaseFile;
    QList<qint64> m_clips;
    int m_count = 0;
};

QTEST_GUILESS_MAIN(TestLabelQueue)
#include "test_label_queue.moc"
