// Issue 17: the undo history lives with the labelling session in core. A batch edit is one step,
// the value an edit replaces comes from the project (not from a view), undo and redo write through
// the session (so they wait in its queue while another program holds the lock). A real SQLite
// project; the stored values are read back over a second connection.
#include "core/common/error.h"
#include "core/session/edit_history.h"
#include "core/session/labeling_session.h"
#include "tests/session/sqlite_lock_holder.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace sl;
using sl::session::EditHistory;
using sl::session::EditStep;
using sl::session::LabelingSession;
using sl::store::Project;

class TestEditHistory : public QObject {
    Q_OBJECT
private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        auto project = Project::create(m_dir->path(), QStringLiteral("p"), LabelScale());
        m_clips.clear();
        for (int i = 0; i < 6; ++i) {
            store::Clip clip;
            clip.videoId = QStringLiteral("v");
            clip.clipId = QString::number(i);
            clip.mediaPath = QStringLiteral("%1.mp4").arg(i);
            clip.split = QStringLiteral("train");
            clip.transcript = QStringLiteral("words %1").arg(i);
            m_clips << project->clips().add(clip);
        }
        m_session = std::make_unique<LabelingSession>(Project::open(m_dir->path()), QStringLiteral("ana"));
    }

    void cleanup() { m_session.reset(); }

    void aBatchOfFiveIsOneStepThatRestoresTheFiveStoredValues()
    {
        // Five different old values, one of them no label at all, written straight to the store.
        const QList<std::optional<double>> old{1.0, -1.0, std::nullopt, 2.0, -3.0};
        {
            auto other = Project::open(m_dir->path());
            for (int i = 0; i < 5; ++i)
                other->labels().set(m_clips[i], annotatorId(*other), Target::M, old[i]);
        }
        EditHistory &history = m_session->history();
        QSignalSpy changed(&history, &EditHistory::changed);
        QCOMPARE(history.setLabels(m_clips.mid(0, 5), Target::M, 0.0), 5);
        QCOMPARE(history.count(), 1);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(history.step(0).kind, EditStep::Kind::Labels);
        QCOMPARE(history.step(0).labels.size(), 5);
        for (int i = 0; i < 5; ++i)
            QCOMPARE(stored(m_clips[i], Target::M), std::optional<double>(0.0));

        history.undo();  // one Ctrl+Z takes back all five
        QCOMPARE(history.index(), 0);
        for (int i = 0; i < 5; ++i)
            QCOMPARE(stored(m_clips[i], Target::M), old[i]);
        QCOMPARE(stored(m_clips[5], Target::M), std::optional<double>());  // not in the batch

        history.redo();
        QCOMPARE(history.index(), 1);
        for (int i = 0; i < 5; ++i)
            QCOMPARE(stored(m_clips[i], Target::M), std::optional<double>(0.0));

        // Clips that already have the value are not part of the step; none changed, no step.
        QCOMPARE(history.setLabels(m_clips.mid(0, 2), Target::M, 0.0), 0);
        QCOMPARE(history.count(), 1);
    }

    void theOldValueComesFromTheStoreNotFromACache()
    {
        EditHistory &history = m_session->history();
        QVERIFY(history.setLabel(m_clips[0], Target::T, 1.0));
        QCOMPARE(history.step(0).labels.first().before, std::optional<double>());
        // Another program (a second connection) changes the label behind the session's back.
        {
            auto other = Project::open(m_dir->path());
            other->labels().set(m_clips[0], annotatorId(*other), Target::T, -2.0);
        }
        QVERIFY(history.setLabel(m_clips[0], Target::T, 3.0));
        QCOMPARE(history.step(1).labels.first().before, std::optional<double>(-2.0));  // not 1.0
        history.undo();
        QCOMPARE(stored(m_clips[0], Target::T), std::optional<double>(-2.0));
        // The first step puts back what it replaced (no label), as the header says.
        history.undo();
        QCOMPARE(stored(m_clips[0], Target::T), std::optional<double>());
        history.setIndex(2);  // redo both
        QCOMPARE(stored(m_clips[0], Target::T), std::optional<double>(3.0));
        // A new edit after an undo drops the undone step.
        history.undo();
        QVERIFY(history.setLabel(m_clips[1], Target::T, 2.0));
        QCOMPARE(history.count(), 2);
        QVERIFY(!history.canRedo());
    }

    void undoWaitsInTheQueueWhileAnotherProgramHoldsTheLock()
    {
        EditHistory &history = m_session->history();
        QVERIFY(history.setLabel(m_clips[0], Target::M, 1.0));  // written at once
        {
            test::LockHolder lock(m_session->project().databasePath());
            QVERIFY(history.setLabel(m_clips[0], Target::M, 2.0));  // queued
            QCOMPARE(m_session->pendingCount(), 1);
            // The old value of the queued step is the queued value, not the stale stored one.
            QVERIFY(history.setLabel(m_clips[0], Target::M, 3.0));
            QCOMPARE(history.step(2).labels.first().before, std::optional<double>(2.0));
            history.undo();
            history.undo();
            QCOMPARE(m_session->pendingCount(), 4);
            QCOMPARE(m_session->ownLabel(m_clips[0], Target::M), std::optional<double>(1.0));
            lock.release();
        }
        QCOMPARE(m_session->flushPending(2000), 0);
        QCOMPARE(stored(m_clips[0], Target::M), std::optional<double>(1.0));
        history.redo();
        QCOMPARE(stored(m_clips[0], Target::M), std::optional<double>(2.0));
    }

    void aTranscriptEditIsOneStepAndUndoGivesBackItsSource()
    {
        {
            auto other = Project::open(m_dir->path());
            other->clips().setTranscript(m_clips[2], QStringLiteral("heard words"), QStringLiteral("asr"));
            other->clips().setTranscriptConfidence(m_clips[2], 0.4, true);
        }
        EditHistory &history = m_session->history();
        QVERIFY(history.setTranscript(m_clips[2], QStringLiteral("spoken words")));
        QVERIFY(!history.setTranscript(m_clips[2], QStringLiteral("spoken words")));
        QCOMPARE(history.count(), 1);
        QCOMPARE(history.step(0).clipName, QStringLiteral("v/2"));
        QCOMPARE(storedClip(m_clips[2]).transcriptSource, QStringLiteral("edited"));
        history.undo();
        const store::Clip back = storedClip(m_clips[2]);
        QCOMPARE(back.transcript, QStringLiteral("heard words"));
        QCOMPARE(back.transcriptSource, QStringLiteral("asr"));
        QCOMPARE(back.transcriptConfidence, std::optional<double>(0.4));
        QVERIFY(back.lowConfidence);
        history.redo();
        QCOMPARE(storedClip(m_clips[2]).transcript, QStringLiteral("spoken words"));
    }

    void aRefusedEditLeavesNoStepAndWritesNothing()
    {
        EditHistory &history = m_session->history();
        QVERIFY_THROWS_EXCEPTION(Error, history.setLabels(m_clips.mid(0, 3), Target::M, 7.0));  // off the scale
        QCOMPARE(history.count(), 0);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(stored(m_clips[i], Target::M), std::optional<double>());
        // Browsing without an annotator: labels are refused, nothing recorded.
        LabelingSession browsing(Project::open(m_dir->path()), QString());
        QVERIFY_THROWS_EXCEPTION(Error, browsing.history().setLabel(m_clips[0], Target::M, 1.0));
        QCOMPARE(browsing.history().count(), 0);
    }

private:
    static qint64 annotatorId(const Project &project) { return project.annotators().find(QStringLiteral("ana"))->id; }

    std::optional<double> stored(qint64 clipId, Target target) const
    {
        auto other = Project::open(m_dir->path());
        return other->labels().value(clipId, annotatorId(*other), target);
    }

    store::Clip storedClip(qint64 clipId) const { return *Project::open(m_dir->path())->clips().find(clipId); }

    std::unique_ptr<QTemporaryDir> m_dir;
    QList<qint64> m_clips;
    std::unique_ptr<LabelingSession> m_session;
};

QTEST_GUILESS_MAIN(TestEditHistory)
#include "test_edit_history.moc"
