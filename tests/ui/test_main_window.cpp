// The annotator's window under the offscreen platform, on a small generated demo project:
// keys set labels in the database, undo and redo change it, review modes hide what they must.
// LibTorch (through project_training.h) before any Qt header.
#include "core/training/project_training.h"

#include "core/demo/demo_project.h"
#include "core/session/labeling_session.h"
#include "core/store/project.h"
#include "core/store/sql.h"
#include "ui/clip_browser.h"
#include "ui/clip_table_model.h"
#include "ui/help_overlay.h"
#include "ui/label_editor.h"
#include "ui/main_window.h"
#include "core/jobs/job_runner.h"
#include "ui/player/player_widget.h"
#include "ui/player/timeline_plot.h"
#include "ui/transcript_view.h"
#include "ui/workbench/train_dialog.h"
#include "tests/support_gui/test_window.h"

#include <QApplication>
#include <QDockWidget>
#include <QPlainTextEdit>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTableView>
#include "core/session/edit_history.h"
#include <QSettings>
#include <QProcess>
#include <QStatusBar>
#include <QtTest>

using namespace sl;
using namespace sl::ui;

class TestMainWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        test::isolateSettings();
        QVERIFY(m_dir.isValid());
        demo::DemoOptions options;
        options.clipCount = 6;
        m_projectPath = m_dir.filePath(QStringLiteral("demo"));
        demo::buildDemoProject(m_projectPath, options, false);
    }

    void init()
    {
        m_annotator = test::openWindowForTestFunction(m_window, m_projectPath);
    }

    void cleanup() { m_window.reset(); }

    void opensTheProjectOnItsFirstClip()
    {
        QCOMPARE(m_window->clipModel()->rowCount(), 6);
        QVERIFY(m_window->currentClipId() != 0);
        QVERIFY(!m_window->transcript()->text().isEmpty());
        QCOMPARE(m_window->session()->annotator().name, m_annotator);
        QCOMPARE(MainWindow::rememberedAnnotator(), m_annotator);
        QVERIFY(m_window->windowTitle().contains(QStringLiteral("SentiLens demo")));
    }

    void keysSetLabelsInTheDatabase()
    {
        const qint64 clip = m_window->currentClipId();
        QTest::keyClick(m_window.get(), Qt::Key_2);
        QCOMPARE(storedLabel(clip, Target::M), std::optional<double>(2.0));
        QTest::keyClick(m_window.get(), Qt::Key_Tab);
        QCOMPARE(m_window->labelEditor()->currentTarget(), Target::T);
        QTest::keyClick(m_window.get(), Qt::Key_Minus);
        QTest::keyClick(m_window.get(), Qt::Key_1);
        QCOMPARE(storedLabel(clip, Target::T), std::optional<double>(-1.0));
        QTest::keyClick(m_window.get(), Qt::Key_N);
        QCOMPARE(storedLabel(clip, Target::T), std::optional<double>(1.0));
        QTest::keyClick(m_window.get(), Qt::Key_Delete);
        QCOMPARE(storedLabel(clip, Target::T), std::optional<double>());
        // The list shows the new value too.
        const int row = m_window->clipModel()->rowOfClip(clip);
        QCOMPARE(m_window->clipModel()->index(row, ClipTableModel::MColumn).data().toString(), QStringLiteral("2.0"));
    }

    void undoAndRedoChangeTheDatabase()
    {
        const qint64 clip = m_window->currentClipId();
        QTest::keyClick(m_window.get(), Qt::Key_3);
        QTest::keyClick(m_window.get(), Qt::Key_Minus);  // a step of its own: one key, one undo step
        QCOMPARE(storedLabel(clip, Target::M), std::optional<double>(2.0));
        QCOMPARE(m_window->editHistory()->count(), 2);
        QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(storedLabel(clip, Target::M), std::optional<double>(3.0));
        QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(storedLabel(clip, Target::M), std::optional<double>());
        QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(storedLabel(clip, Target::M), std::optional<double>(3.0));
        QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(storedLabel(clip, Target::M), std::optional<double>(2.0));
        // Every write left its history row: 3, 2, then undone to 3 and cleared, then redone to 3, 2.
        auto project = store::Project::open(m_projectPath);
        const qint64 me = project->annotators().find(m_annotator)->id;
        int mine = 0;
        for (const store::LabelChange &change : project->labels().history(clip))
            mine += change.annotatorId == me && change.target == Target::M ? 1 : 0;
        QCOMPARE(mine, 6);
    }

    void navigationKeysMoveBetweenClips()
    {
        const qint64 first = m_window->currentClipId();
        QTest::keyClick(m_window.get(), Qt::Key_1);  // label the first clip's M
        QTest::keyClick(m_window.get(), Qt::Key_U);  // next clip without my M
        const qint64 second = m_window->currentClipId();
        QVERIFY(second != first);
        QVERIFY(!storedLabel(second, Target::M));
        QTest::keyClick(m_window.get(), Qt::Key_PageDown);
        QVERIFY(m_window->currentClipId() != second);
        QTest::keyClick(m_window.get(), Qt::Key_B);  // back
        QCOMPARE(m_window->currentClipId(), second);
    }

    void reviewModesHideWhatTheyMust()
    {
        QDockWidget *transcriptDock = m_window->findChild<QDockWidget *>(QStringLiteral("transcriptDock"));
        QVERIFY(transcriptDock);
        QTest::keyClick(m_window.get(), Qt::Key_2, Qt::ControlModifier);  // text only
        QCOMPARE(m_window->reviewMode(), ReviewMode::TextOnly);
        QVERIFY(!m_window->player()->isVideoVisible());
        QVERIFY(m_window->player()->isAudioMuted());
        QVERIFY(transcriptDock->isVisible());
        QCOMPARE(m_window->labelEditor()->currentTarget(), Target::T);

        QTest::keyClick(m_window.get(), Qt::Key_3, Qt::ControlModifier);  // audio only
        QVERIFY(!m_window->player()->isVideoVisible());
        QVERIFY(!transcriptDock->isVisible());
        QCOMPARE(m_window->labelEditor()->currentTarget(), Target::A);
        if (m_window->player()->hasAudioOutput())
            QVERIFY(!m_window->player()->isAudioMuted());

        QTest::keyClick(m_window.get(), Qt::Key_4, Qt::ControlModifier);  // video only
        QVERIFY(m_window->player()->isVideoVisible());
        QVERIFY(m_window->player()->isAudioMuted());
        QVERIFY(!transcriptDock->isVisible());
        QCOMPARE(m_window->labelEditor()->currentTarget(), Target::V);

        QTest::keyClick(m_window.get(), Qt::Key_1, Qt::ControlModifier);  // all
        QVERIFY(m_window->player()->isVideoVisible());
        QVERIFY(transcriptDock->isVisible());
    }

    void transcriptEditsAreUndoable()
    {
        const qint64 clip = m_window->currentClipId();
        const QString before = m_window->session()->clip(clip)->transcript;
        QTest::keyClick(m_window.get(), Qt::Key_F2);
        QVERIFY(m_window->transcript()->isEditing());
        QPlainTextEdit *editor = m_window->transcript()->findChild<QPlainTextEdit *>();
        QVERIFY(editor);
        editor->selectAll();
        QTest::keyClicks(editor, QStringLiteral("corrected 2 words"));  // the digit must not set a label
        QTest::keyClick(editor, Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(!m_window->transcript()->isEditing());
        QCOMPARE(m_window->session()->clip(clip)->transcript, QStringLiteral("corrected 2 words"));
        QCOMPARE(storedLabel(clip, Target::M), std::optional<double>());
        m_window->editHistory()->undo();
        QCOMPARE(m_window->session()->clip(clip)->transcript, before);
    }

    void helpOverlayListsTheShortcuts()
    {
        QTest::keyClick(m_window.get(), Qt::Key_F1);
        QVERIFY(m_window->helpOverlay()->isVisible());
        const QString text = m_window->helpOverlay()->helpText();
        QVERIFY(text.contains(QStringLiteral("Next unlabelled clip")));
        QVERIFY(text.contains(QStringLiteral("Review: text only")));
        QTest::keyClick(m_window->helpOverlay(), Qt::Key_Escape);
        QVERIFY(!m_window->helpOverlay()->isVisible());
    }

    void aLockedDatabaseLosesNothingAndSaysSo()
    {
        // Issue 18, defect 11: a key pressed while another connection holds the write lock used to
        // wait out the busy timeout and open a dialog that took the next keys. Now the label is
        // queued, shown at once and marked, and written when the lock goes.
        const qint64 clip = m_window->currentClipId();
        QSqlDatabase locker = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("locker"));
        locker.setDatabaseName(QDir(m_projectPath).filePath(QStringLiteral("project.sqlite")));
        QVERIFY(locker.open());
        QVERIFY(QSqlQuery(locker).exec(QStringLiteral("BEGIN EXCLUSIVE")));
        QTest::keyClick(m_window.get(), Qt::Key_3);
        QVERIFY(!QApplication::activeModalWidget());
        QCOMPARE(m_window->editHistory()->count(), 1);
        QCOMPARE(m_window->labelEditor()->ownValue(Target::M), std::optional<double>(3.0));
        QVERIFY(m_window->labelEditor()->isPending(Target::M));
        QVERIFY(m_window->statusBar()->currentMessage().contains(QStringLiteral("locked")));
        QVERIFY(QSqlQuery(locker).exec(QStringLiteral("ROLLBACK")));
        locker.close();
        locker = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("locker"));
        QTRY_COMPARE_WITH_TIMEOUT(storedLabel(clip, Target::M), std::optional<double>(3.0), 5000);
        QVERIFY(!m_window->labelEditor()->isPending(Target::M));
    }

    void extractionRunsInTheBackgroundAndFillsTheTimeline()
    {
        QVERIFY(m_window->startExtraction());
        QVERIFY(m_window->extraction()->isRunning());
        QVERIFY(!m_window->startExtraction());  // one job at a time
        // The window keeps handling events meanwhile: labelling goes on during the job.
        const qint64 clip = m_window->currentClipId();
        QTest::keyClick(m_window.get(), Qt::Key_1);
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->extraction()->isRunning(), 120000);
        QCOMPARE(storedLabel(clip, Target::M), std::optional<double>(1.0));
        auto project = store::Project::open(m_projectPath);
        QCOMPARE(project->features().sets().size(), 3);  // acoustic, visual, text
        for (const store::FeatureSet &set : project->features().sets())
            QCOMPARE(project->features().clipsWithout(set.id).size(), 0);
        // The current clip now shows its curves under the player.
        auto *plot = m_window->player()->findChild<TimelinePlot *>();
        QVERIFY(plot);
        QTRY_VERIFY(plot->graphCount() >= 4);
    }

    void predictionFromTheWindowFillsTheModelColumn()
    {
        // Needs the features of the extraction test above; a short training gives an active model.
        {
            auto project = store::Project::open(m_projectPath);
            training::TrainRequest request;
            request.architecture = QStringLiteral("late-fusion");
            request.trainer.epochs = 2;
            training::trainOnProject(*project, request);
            // Forget the stored predictions, so that only the window's job can bring them back.
            project->models().storePredictions(project->models().activeModelId(), {}, true);
        }
        m_window->closeProject();
        QVERIFY(m_window->openProject(m_projectPath, m_annotator));
        QVERIFY(!m_window->clipModel()->index(0, ClipTableModel::ModelColumn).data().isValid());
        QVERIFY(m_window->startPrediction());
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->isPredicting(), 60000);
        QTRY_VERIFY(m_window->clipModel()->index(0, ClipTableModel::ModelColumn).data().isValid());
        QVERIFY2(m_window->lastError().isEmpty(), qPrintable(m_window->lastError()));
    }

    void theLayoutIsSavedAsItChanges()
    {
        // Issue 18, defect 4: the layout was saved only on a clean quit, so a crash lost it.
        auto *history = m_window->findChild<QDockWidget *>(QStringLiteral("historyDock"));
        QVERIFY(history);
        const QByteArray before = QSettings().value(QStringLiteral("window/state")).toByteArray();
        history->setVisible(!history->isVisible());
        const bool shown = history->isVisible();
        QTRY_VERIFY_WITH_TIMEOUT(QSettings().value(QStringLiteral("window/state")).toByteArray() != before, 5000);
        // A window made now (as after a crash of this one) comes up with the changed layout.
        MainWindow again;
        QCOMPARE(!again.findChild<QDockWidget *>(QStringLiteral("historyDock"))->isHidden(), shown);
        history->setVisible(!shown);
    }

    void aProjectUnreadableAfterTrainingDoesNotEndTheProgram()
    {
        // Issue 18, defect 4: an sl::Error while the window reloaded the project after a training
        // finished left the slot and ended the program (std::terminate). Here another program
        // renames the models table away just before the training reports back.
        QTemporaryDir copy;
        QVERIFY(QProcess::execute(QStringLiteral("cp"), {QStringLiteral("-a"), m_projectPath, copy.filePath(QStringLiteral("p"))}) == 0);
        const QString project = copy.filePath(QStringLiteral("p"));
        std::unique_ptr<MainWindow> window;
        test::openTestWindow(window, project, m_annotator);
        {
            auto other = store::Project::open(project);
            store::run(other->db(), QStringLiteral("ALTER TABLE models RENAME TO models_elsewhere"));
        }
        TrainDialog *dialog = window->openTrainDialog();
        QVERIFY(dialog);
        emit dialog->modelTrained(1);  // the process is still here: the error was caught
        QVERIFY2(window->statusBar()->currentMessage().contains(QStringLiteral("could not be read")),
                 qPrintable(window->statusBar()->currentMessage()));
        {
            auto other = store::Project::open(project);
            store::run(other->db(), QStringLiteral("ALTER TABLE models_elsewhere RENAME TO models"));
        }
        dialog->close();
    }

    void aProjectThatCannotOpenKeepsTheWindowWorking()
    {
        QVERIFY(!m_window->openProject(m_dir.filePath(QStringLiteral("missing")), m_annotator));
        QVERIFY(m_window->lastError().contains(QStringLiteral("missing")));
        QCOMPARE(m_window->clipModel()->rowCount(), 6);  // the open project stays open
    }

private:
    std::optional<double> storedLabel(qint64 clip, Target target) const
    {
        return test::storedLabel(m_projectPath, m_annotator, clip, target);
    }

    QTemporaryDir m_dir;
    QString m_projectPath;
    QString m_annotator;
    std::unique_ptr<MainWindow> m_window;
};

int main(int argc, char *argv[]) { return test::runWindowTest<TestMainWindow>(argc, argv, "test_main_window"); }

#include "test_main_window.moc"
