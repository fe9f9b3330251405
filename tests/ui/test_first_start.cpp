// The first start and the ways to a project (issue 17; issue 14's File > Import): the start page
// while no project is open and its actions, File > New, imports of an MMSA pickle and a label.csv
// in the background through the CLI's import code, with errors naming the file and a cancel that
// leaves nothing, browsing without a name and the name asked at the first label, the note on a
// project without features, and two projects of one name told apart in the title.
#include "core/demo/demo_project.h"
#include "core/session/labeling_session.h"
#include "core/store/project.h"
#include "ui/clip_table_model.h"
#include "ui/import_dialog.h"
#include "ui/label_editor.h"
#include "ui/main_window.h"
#include "ui/new_project_dialog.h"
#include "ui/shortcut_registry.h"
#include "ui/start_page.h"
#include "tests/import/dataset_fixture.h"
#include "tests/support_gui/test_window.h"

#include <QAction>
#include <QFile>
#include <QInputDialog>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QToolBar>
#include <QtTest>
#include <functional>

using namespace sl;
using namespace sl::ui;

namespace {

// Answers the next modal dialog (QInputDialog::getText, a NewProjectDialog's exec) from inside its
// event loop; `seen` counts the dialogs answered.
void answerNextDialog(const std::function<void(QWidget *)> &answer, int *seen = nullptr)
{
    auto *poll = new QTimer;
    poll->setInterval(20);
    QObject::connect(poll, &QTimer::timeout, [poll, answer, seen] {
        if (QWidget *modal = QApplication::activeModalWidget()) {
            poll->stop();
            poll->deleteLater();
            if (seen)
                ++*seen;
            answer(modal);
        }
    });
    poll->start();
    QTimer::singleShot(10000, poll, [poll] { poll->deleteLater(); });  // none came: stop asking
}

}  // namespace

class TestFirstStart : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        test::isolateSettings();
        QVERIFY(m_dir.isValid());
        // The pickles of test_pickle_import, made by Debian's python3 with numpy (the oracle of the clip counts).
        m_pickles = m_dir.filePath(QStringLiteral("pickles"));
        QVERIFY(QDir().mkpath(m_pickles));
        QProcess python;
        python.start(QStringLiteral(SENTILENS_TEST_PYTHON), {QStringLiteral(SENTILENS_MAKE_PICKLES), m_pickles});
        QVERIFY(python.waitForFinished(120000));
        QVERIFY2(python.exitCode() == 0, python.readAllStandardError().constData());
        QFile manifest(m_pickles + QStringLiteral("/manifest.json"));
        QVERIFY(manifest.open(QIODevice::ReadOnly));
        m_manifest = QJsonDocument::fromJson(manifest.readAll()).object();
    }

    void init()
    {
        QSettings().clear();  // no remembered annotator, no recent projects
        m_window = std::make_unique<MainWindow>();
        m_window->resize(1366, 700);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanup() { m_window.reset(); }

    void theStartPageShowsWhileNoProjectIsOpen()
    {
        StartPage *page = m_window->startPage();
        QVERIFY(page->isVisible());
        QVERIFY(page->geometry().height() > 500);  // it covers the window, not a corner of it
        QTRY_VERIFY(page->geometry().top() > m_window->menuBar()->geometry().bottom());  // the menus stay reachable
        QVERIFY(page->geometry().bottom() < m_window->statusBar()->geometry().top());
        for (const char *name : {"startOpen", "startDemo", "startNew", "startImportPickle", "startImportCsv",
                                 "startImportDataset", "startImportVideos"})
            QVERIFY2(page->button(QLatin1String(name)) && page->button(QLatin1String(name))->isVisible(), name);
        QVERIFY(!QApplication::activeModalWidget());  // no question over an empty window

        const QString folder = m_dir.filePath(QStringLiteral("recent"));
        QVERIFY2(m_window->createProject(folder, QStringLiteral("Recent one"), LabelScale()), qPrintable(m_window->lastError()));
        QVERIFY(!page->isVisible());
        m_window->closeProject();
        QVERIFY(page->isVisible());
        // The project is listed under its name and folder; activating it opens it.
        QListWidget *recent = page->recentList();
        QCOMPARE(recent->count(), 1);
        QVERIFY(recent->item(0)->text().contains(QStringLiteral("Recent one")));
        QVERIFY(recent->item(0)->text().contains(folder));
        emit recent->itemActivated(recent->item(0));
        QVERIFY(m_window->session());
        QCOMPARE(m_window->session()->project().folder(), folder);
    }

    void newProjectFromTheMenuCreatesOne()
    {
        const QString folder = m_dir.filePath(QStringLiteral("new-from-menu"));
        answerNextDialog([folder](QWidget *modal) {
            auto *dialog = qobject_cast<NewProjectDialog *>(modal);
            QVERIFY(dialog);
            dialog->findChild<QLineEdit *>(QStringLiteral("newProjectFolder"))->setText(folder);
            dialog->findChild<QLineEdit *>(QStringLiteral("newProjectName"))->setText(QStringLiteral("Pilot"));
            dialog->accept();
        });
        m_window->startPage()->button(QStringLiteral("startNew"))->click();
        QVERIFY(m_window->session());
        QCOMPARE(m_window->session()->project().name(), QStringLiteral("Pilot"));
        QVERIFY(store::Project::existsAt(folder));
        QVERIFY(m_window->windowTitle().contains(QStringLiteral("Pilot")));
        // No features yet: a note says so, with the action that extracts them.
        QVERIFY(m_window->featuresNote()->isVisible());
        QVERIFY(m_window->toolBarBreak(m_window->featuresNote()));  // a row of its own, not lost among the tools
        QVERIFY2(m_window->height() <= 700, qPrintable(QString::number(m_window->height())));  // the new project's layout fits 1366x768
        QVERIFY(m_window->featuresNote()->actions().contains(m_window->shortcuts()->action(QStringLiteral("jobs.extract"))));
    }

    void importingAPickleOpensTheProject()
    {
        const QString pickle = m_pickles + QStringLiteral("/sims_unaligned_p5.pkl");
        int expected = 0;
        const QJsonObject splits = m_manifest[QStringLiteral("good")][QStringLiteral("sims_unaligned_p5.pkl")][QStringLiteral("splits")].toObject();
        for (const QJsonValue &split : splits)
            expected += int(split[QStringLiteral("ids")].toArray().size());
        QVERIFY(expected > 0);
        const QString folder = m_dir.filePath(QStringLiteral("from-pickle"));
        ImportDialog *dialog = m_window->importData(pickle, folder);
        QVERIFY(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->session(), 60000);
        QCOMPARE(m_window->session()->project().folder(), folder);
        QCOMPARE(m_window->clipModel()->rowCount(), expected);
        QVERIFY(!m_window->startPage()->isVisible());
        QVERIFY(!m_window->featuresNote()->isVisible());  // the pickle brought its features
    }

    void importingALabelCsvOpensTheProject()
    {
        QTemporaryDir source;
        const QString dataset = test::makeDataset(source, QStringLiteral("SIMS"), test::simsStyleCsv(), test::simsStyleClips());
        const QString folder = m_dir.filePath(QStringLiteral("from-csv"));
        QCOMPARE(defaultImportProjectFolder(dataset + QStringLiteral("/label.csv")), source.filePath(QStringLiteral("SIMS-sentilens")));
        QVERIFY(m_window->importData(dataset + QStringLiteral("/label.csv"), folder));
        QTRY_VERIFY_WITH_TIMEOUT(m_window->session(), 60000);
        QCOMPARE(m_window->clipModel()->rowCount(), 4);
        QCOMPARE(m_window->session()->scale().name(), QStringLiteral("sims"));  // from the labels, as the CLI does
    }

    void aRefusedImportNamesTheFileAndLeavesNothing()
    {
        const QString pickle = m_pickles + QStringLiteral("/os_system.pkl");
        const QString folder = m_dir.filePath(QStringLiteral("refused"));
        QPointer<ImportDialog> dialog = m_window->importData(pickle, folder);
        QVERIFY(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isRunning(), 30000);
        QVERIFY2(dialog->error().contains(QStringLiteral("os_system.pkl")) && dialog->error().contains(QStringLiteral("os.system")),
                 qPrintable(dialog->error()));
        QCOMPARE(m_window->lastError(), dialog->error());
        QVERIFY(!m_window->session());
        QVERIFY(!QFileInfo::exists(folder));
        dialog->close();
    }

    void aCancelledImportLeavesNothing()
    {
        const QString folder = m_dir.filePath(QStringLiteral("cancelled"));
        QPointer<ImportDialog> dialog = m_window->importData(m_pickles + QStringLiteral("/mosi_aligned_p4.pkl"), folder);
        QVERIFY(dialog);
        dialog->cancel();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog || !dialog->isRunning(), 30000);
        QVERIFY(!m_window->session());
        QVERIFY(m_window->lastError().contains(QStringLiteral("cancelled")));
        QVERIFY(!store::Project::existsAt(folder));
        QVERIFY(!QFileInfo::exists(folder));
    }

    void theDemoButtonOpensTheDemoProject()
    {
        // A small demo project where the window keeps it (the full one takes a minute to generate).
        const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/demo-project");
        if (!store::Project::existsAt(folder)) {
            demo::DemoOptions options;
            options.clipCount = 6;
            demo::buildDemoProject(folder, options, false);
        }
        m_window->startPage()->button(QStringLiteral("startDemo"))->click();
        QVERIFY2(m_window->session(), qPrintable(m_window->lastError()));
        QCOMPARE(m_window->clipModel()->rowCount(), 6);
        m_window->closeProject();
        QDir(folder).removeRecursively();  // the test's settings folder stays as it was
    }

    void labellingAsksForTheNameOnlyWhenALabelIsSet()
    {
        const QString folder = m_dir.filePath(QStringLiteral("browse"));
        QVERIFY(m_window->importData(m_pickles + QStringLiteral("/mosi_unaligned_p2.pkl"), folder));
        QTRY_VERIFY_WITH_TIMEOUT(m_window->session(), 60000);
        // Opened for browsing: no question, nobody named.
        QVERIFY(!QApplication::activeModalWidget());
        QVERIFY(!m_window->session()->hasAnnotator());
        const qint64 clip = m_window->currentClipId();
        QVERIFY(clip != 0);

        // Cancel: nothing written, no error.
        int asked = 0;
        answerNextDialog([](QWidget *modal) { qobject_cast<QDialog *>(modal)->reject(); }, &asked);
        m_window->activateWindow();
        QTRY_VERIFY(m_window->isActiveWindow());
        m_window->labelEditor()->setFocus();
        QTest::keyClick(m_window.get(), Qt::Key_2);
        QCOMPARE(asked, 1);
        QVERIFY2(m_window->lastError().isEmpty(), qPrintable(m_window->lastError()));
        QVERIFY(!m_window->session()->hasAnnotator());
        QVERIFY(!m_window->labelEditor()->ownValue(Target::M));

        // A name: the label is written under it, and the name is not asked again.
        answerNextDialog([](QWidget *modal) {
            auto *input = qobject_cast<QInputDialog *>(modal);
            QVERIFY(input);
            input->setTextValue(QStringLiteral("ana"));
            input->accept();
        }, &asked);
        m_window->activateWindow();  // back from the dialog
        QTRY_VERIFY(m_window->isActiveWindow());
        QTest::keyClick(m_window.get(), Qt::Key_2);
        QCOMPARE(asked, 2);
        QCOMPARE(test::storedLabel(folder, QStringLiteral("ana"), clip, Target::M), std::optional<double>(2.0));
        m_window->activateWindow();
        QTRY_VERIFY(m_window->isActiveWindow());
        QTest::keyClick(m_window.get(), Qt::Key_1);
        QCOMPARE(asked, 2);
        QCOMPARE(test::storedLabel(folder, QStringLiteral("ana"), clip, Target::M), std::optional<double>(1.0));
        QCOMPARE(MainWindow::rememberedAnnotator(), QStringLiteral("ana"));
    }

    void projectsOfOneNameAreToldApartInTheTitle()
    {
        const QString first = m_dir.filePath(QStringLiteral("study-a/Study"));
        const QString second = m_dir.filePath(QStringLiteral("study-b/Study"));
        QVERIFY(m_window->createProject(first, QStringLiteral("Study"), LabelScale()));
        QVERIFY2(!m_window->windowTitle().contains(first), qPrintable(m_window->windowTitle()));  // alone: the name is enough
        QVERIFY(m_window->createProject(second, QStringLiteral("Study"), LabelScale()));
        QVERIFY2(m_window->windowTitle().contains(second), qPrintable(m_window->windowTitle()));
        QVERIFY(m_window->openProject(first));
        QVERIFY2(m_window->windowTitle().contains(first), qPrintable(m_window->windowTitle()));
    }

private:
    QTemporaryDir m_dir;
    QString m_pickles;
    QJsonObject m_manifest;
    std::unique_ptr<MainWindow> m_window;
};

int main(int argc, char *argv[]) { return test::runWindowTest<TestFirstStart>(argc, argv, "test_first_start"); }

#include "test_first_start.moc"
