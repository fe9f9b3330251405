// Issue 18, defect 11, in the window: another process (the sqlite3 shell standing in for a long
// `sentilens-cli import`) holds the project's write lock while labels are typed. Every key takes
// effect at once, the labels show "not saved yet" on the cards and '*' in the clip list, no dialog
// takes the following keys, closing asks, and once the lock goes every label is in the project
// with its history row.
#include "core/session/labeling_session.h"
#include "core/store/project.h"
#include "core/store/sql.h"
#include "ui/clip_table_model.h"
#include "ui/label_editor.h"
#include "ui/main_window.h"
#include "ui/pending_labels.h"
#include "tests/support_gui/test_window.h"

#include <QElapsedTimer>
#include <QLabel>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QtTest>

using namespace sl;
using namespace sl::ui;

namespace {

// The sqlite3 shell in a process of its own, inside an exclusive transaction that has written.
class LockingProcess {
public:
    explicit LockingProcess(const QString &databaseFile) : m_file(databaseFile)
    {
        m_shell.start(QStringLiteral("sqlite3"), {databaseFile});
        QVERIFY2(m_shell.waitForStarted(5000), "sqlite3 (Debian package sqlite3) is needed");
        m_shell.write("BEGIN EXCLUSIVE;\nINSERT INTO project_settings(key, value) VALUES ('import_running', '1') "
                      "ON CONFLICT(key) DO UPDATE SET value = excluded.value;\nSELECT 'locked';\n");
        QTRY_VERIFY_WITH_TIMEOUT((m_output += m_shell.readAllStandardOutput()).contains("locked"), 5000);
        QVERIFY2(isLocked(), m_shell.readAllStandardError().constData());
    }
    ~LockingProcess() { release(); }
    void release()
    {
        if (m_shell.state() == QProcess::NotRunning)
            return;
        m_shell.write("COMMIT;\n.quit\n");
        m_shell.closeWriteChannel();
        QVERIFY(m_shell.waitForFinished(5000));
    }

private:
    // Whether a writer is turned away at once (busy timeout 0), as the window's writes are.
    bool isLocked() const
    {
        const QString name = QStringLiteral("lock-probe");
        bool locked = false;
        {
            QSqlDatabase probe = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            probe.setDatabaseName(m_file);
            probe.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=0"));
            if (probe.open()) {
                QSqlQuery query(probe);
                locked = !query.exec(QStringLiteral("BEGIN IMMEDIATE"));
                if (!locked)
                    query.exec(QStringLiteral("ROLLBACK"));
            }
            probe.close();
        }
        QSqlDatabase::removeDatabase(name);
        return locked;
    }

    QString m_file;
    QProcess m_shell;
    QByteArray m_output;
};

int historyRows(const QString &project, const QString &annotator)
{
    auto opened = store::Project::open(project);
    const qint64 who = opened->annotators().find(annotator)->id;
    int rows = 0;
    for (const store::LabelChange &change : opened->labels().history())
        rows += change.annotatorId == who ? 1 : 0;
    return rows;
}

QMessageBox *visibleMessageBox()
{
    for (QWidget *widget : QApplication::topLevelWidgets())
        if (auto *box = qobject_cast<QMessageBox *>(widget); box && box->isVisible())
            return box;
    return nullptr;
}

}  // namespace

class TestPendingLabels : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        test::isolateSettings();
        if (QStandardPaths::findExecutable(QStringLiteral("sqlite3")).isEmpty())
            QFAIL("sqlite3 (Debian package sqlite3) is needed to hold the lock from another process");
        QVERIFY(m_dir.isValid());
        m_project = m_dir.filePath(QStringLiteral("p"));
        QDir().mkpath(m_project);
        auto project = store::Project::create(m_project, QStringLiteral("locked"), LabelScale());
        for (int i = 0; i < 4; ++i) {
            store::Clip clip;
            clip.videoId = QStringLiteral("v");
            clip.clipId = QStringLiteral("%1").arg(i, 4, 10, QLatin1Char('0'));
            clip.split = QStringLiteral("train");
            clip.mediaPath = QStringLiteral("");  // no media: the window shows the clip without a player
            clip.transcript = QStringLiteral("words of clip %1").arg(i);
            m_clips << project->clips().add(clip);
        }
        m_databaseFile = project->databasePath();
    }

    void init() { m_annotator = test::openWindowForTestFunction(m_window, m_project); }
    void cleanup() { m_window.reset(); }

    void labelsTypedWhileAnotherProgramWritesAreKept()
    {
        const qint64 first = m_window->currentClipId();
        LockingProcess lock(m_databaseFile);
        QElapsedTimer clock;
        clock.start();
        QTest::keyClick(m_window.get(), Qt::Key_2);         // M of the first clip
        QTest::keyClick(m_window.get(), Qt::Key_Tab);
        QTest::keyClick(m_window.get(), Qt::Key_1);         // its T
        QTest::keyClick(m_window.get(), Qt::Key_PageDown);  // the next clip
        const qint64 second = m_window->currentClipId();
        QVERIFY(second != first);
        QTest::keyClick(m_window.get(), Qt::Key_3);         // its M
        // One key used to wait out the 5 s busy timeout and then open a dialog.
        QVERIFY2(clock.elapsed() < 3000, qPrintable(QStringLiteral("%1 ms").arg(clock.elapsed())));
        qInfo("5 keys (3 labels) under another process's lock: %lld ms", qlonglong(clock.elapsed()));
        QVERIFY(!visibleMessageBox());
        QCOMPARE(m_window->session()->pendingCount(), 3);
        // Shown as typed, marked as waiting, and not in the project yet.
        LabelEditor *editor = m_window->labelEditor();
        QCOMPARE(editor->ownValue(Target::M), std::optional<double>(3.0));
        QVERIFY(editor->isPending(Target::M));
        QVERIFY(!editor->isPending(Target::T));
        ClipTableModel *model = m_window->clipModel();
        QVERIFY(model->isPending(first, Target::M) && model->isPending(first, Target::T) && model->isPending(second, Target::M));
        QCOMPARE(model->index(model->rowOfClip(first), ClipTableModel::MColumn).data().toString(), QStringLiteral("2.0*"));
        QVERIFY(model->index(model->rowOfClip(first), ClipTableModel::TColumn).data(ClipTableModel::PendingRole).toBool());
        auto *note = m_window->statusBar()->findChild<QLabel *>(QStringLiteral("pendingLabelsNote"));
        QVERIFY(note && note->isVisible());
        QVERIFY2(note->text().contains(QLatin1Char('3')), qPrintable(note->text()));
        QVERIFY(!test::storedLabel(m_project, m_annotator, first, Target::M));
        screenshot(QStringLiteral("pending-labels"));
        // Back on the first clip, its cards show both waiting labels.
        QTest::keyClick(m_window.get(), Qt::Key_PageUp);
        QCOMPARE(m_window->currentClipId(), first);
        QVERIFY(editor->isPending(Target::M) && editor->isPending(Target::T));
        QCOMPARE(editor->ownValue(Target::T), std::optional<double>(1.0));

        // Closing while they wait asks; Cancel keeps the window and the queue.
        QString question;
        QTimer::singleShot(0, this, [&] { answer(question, QMessageBox::Cancel); });
        QVERIFY(!m_window->close());
        QVERIFY2(question.contains(QLatin1Char('3')), qPrintable(question));
        QVERIFY(m_window->isVisible());
        QCOMPARE(m_window->session()->pendingCount(), 3);

        lock.release();
        QTRY_COMPARE_WITH_TIMEOUT(m_window->session()->pendingCount(), 0, 5000);
        QVERIFY(!editor->isPending(Target::M) && !editor->isPending(Target::T));
        QVERIFY(!model->isPending(first, Target::M) && !model->isPending(second, Target::M));
        QVERIFY(!note->isVisible());
        QCOMPARE(test::storedLabel(m_project, m_annotator, first, Target::M), std::optional<double>(2.0));
        QCOMPARE(test::storedLabel(m_project, m_annotator, first, Target::T), std::optional<double>(1.0));
        QCOMPARE(test::storedLabel(m_project, m_annotator, second, Target::M), std::optional<double>(3.0));
        QCOMPARE(historyRows(m_project, m_annotator), 3);
    }

    void quittingWritesWhatWaits()
    {
        const qint64 clip = m_window->currentClipId();
        {
            LockingProcess lock(m_databaseFile);
            QTest::keyClick(m_window.get(), Qt::Key_1);
            QTest::keyClick(m_window.get(), Qt::Key_Minus);  // 1 -> 0.x: a second change
            QCOMPARE(m_window->session()->pendingCount(), 2);
        }
        // The lock is gone but the retry has not run yet: closing writes them, without a question.
        QTimer::singleShot(0, this, [&] { QString ignored; answer(ignored, QMessageBox::Cancel); });
        QVERIFY(m_window->close());
        QVERIFY(test::storedLabel(m_project, m_annotator, clip, Target::M).has_value());
        QCOMPARE(historyRows(m_project, m_annotator), 2);
    }

private:
    // Answers the question about waiting labels if it shows (records its text), else nothing.
    void answer(QString &text, QMessageBox::StandardButton button)
    {
        QTRY_VERIFY_WITH_TIMEOUT(visibleMessageBox() || !m_window->isVisible(), 10000);
        if (QMessageBox *box = visibleMessageBox()) {
            text = box->text();
            box->button(button)->click();
        }
    }

    // With SENTILENS_SCREENSHOTS set, the window at 1920x1080 and 1366x768 for a look.
    void screenshot(const QString &name)
    {
        const QString folder = qEnvironmentVariable("SENTILENS_SCREENSHOTS");
        if (folder.isEmpty())
            return;
        const QSize before = m_window->size();
        for (const QSize size : {QSize(1920, 1080), QSize(1366, 768)}) {
            m_window->resize(size);
            QTest::qWait(100);
            m_window->grab().save(QStringLiteral("%1/%2-%3x%4.png").arg(folder, name).arg(size.width()).arg(size.height()));
        }
        m_window->resize(before);
    }

    QTemporaryDir m_dir;
    QString m_project;
    QString m_databaseFile;
    QString m_annotator;
    QList<qint64> m_clips;
    std::unique_ptr<MainWindow> m_window;
};

int main(int argc, char *argv[]) { return sl::test::runWindowTest<TestPendingLabels>(argc, argv, "test_pending_labels"); }
#include "test_pending_labels.moc"
