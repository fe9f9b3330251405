// The Jobs dock (issue 17, one job queue), offscreen: a running job's progress bar and message,
// a failed job's error text naming the file, Cancel on a running job (its work sees the flag),
// Clear finished; and in the window, the dock listed in the View and Jobs menus, kept small, and
// showing the window's own prediction and its error. Work is held on semaphores, so nothing depends on timing.
#include "core/common/error.h"
#include "core/jobs/job_queue.h"
#include "core/jobs/job_runner.h"
#include "tests/support_gui/test_window.h"
#include "ui/dock_layout.h"
#include "ui/jobs_panel.h"
#include "ui/main_window.h"

#include <QDockWidget>
#include <QFileInfo>
#include <QMenuBar>
#include <QProgressBar>
#include <QPushButton>
#include <QSemaphore>
#include <QTableWidget>
#include <QtTest>
#include <atomic>

using namespace sl;
using namespace sl::ui;

namespace {

QString cellText(const JobsPanel &panel, qint64 id, int column)
{
    const int row = panel.rowOf(id);
    return row < 0 ? QString() : panel.table()->item(row, column)->text();
}

QProgressBar *bar(const JobsPanel &panel, qint64 id)
{
    const int row = panel.rowOf(id);
    return row < 0 ? nullptr : qobject_cast<QProgressBar *>(panel.table()->cellWidget(row, JobsPanel::ProgressColumn));
}

QAction *menuAction(QMainWindow &window, const QString &menuTitle, const QString &actionText)
{
    for (QAction *menu : window.menuBar()->actions())
        if (menu->text() == menuTitle && menu->menu())
            for (QAction *action : menu->menu()->actions())
                if (action->text() == actionText)
                    return action;
    return nullptr;
}

}  // namespace

class TestJobsDock : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { test::isolateSettings(); }

    void showsProgressAndTheMessageOfARunningJob()
    {
        jobs::JobQueue queue(1);
        JobsPanel panel(&queue);
        panel.resize(900, 300);
        panel.show();
        QSemaphore reported, release;
        const qint64 id = queue.submit({jobs::JobKind::Extraction, QStringLiteral("Extract features of demo"), QString()},
                                       [&](jobs::JobContext &context) {
                                           context.setProgress(0.375, QStringLiteral("3 of 8 done, 0 failed"));
                                           reported.release();
                                           while (!release.tryAcquire(1, 5) && !context.isCancelled()) {
                                           }
                                       });
        QCOMPARE(panel.table()->rowCount(), 1);
        QCOMPARE(cellText(panel, id, JobsPanel::TitleColumn), QStringLiteral("Extract features of demo"));
        QVERIFY(reported.tryAcquire(1, 10000));
        QTRY_COMPARE(bar(panel, id)->value(), 375);  // per mille
        QCOMPARE(cellText(panel, id, JobsPanel::StateColumn), QStringLiteral("Running"));
        QCOMPARE(cellText(panel, id, JobsPanel::DetailColumn), QStringLiteral("3 of 8 done, 0 failed"));
        QCOMPARE(bar(panel, id)->toolTip(), QStringLiteral("3 of 8 done, 0 failed"));
        QVERIFY(panel.cancelButton(id));
        QVERIFY(!panel.clearButton()->isEnabled());  // nothing has finished yet
        release.release();
        QTRY_COMPARE(cellText(panel, id, JobsPanel::StateColumn), QStringLiteral("Done"));
        QCOMPARE(bar(panel, id)->value(), 1000);
        QVERIFY(!panel.cancelButton(id));  // no Cancel on a finished job
    }

    void showsTheErrorOfAFailedJob()
    {
        jobs::JobQueue queue(1);
        JobsPanel panel(&queue);
        panel.show();
        const QString error = QStringLiteral("/data/mosi/label.csv:12: the valence \"x\" is not a number");
        const qint64 id = queue.submit({jobs::JobKind::Import, QStringLiteral("Import label.csv"), QString()},
                                       [error](jobs::JobContext &) { throw Error(error); });
        QTRY_COMPARE(cellText(panel, id, JobsPanel::StateColumn), QStringLiteral("Failed"));
        QCOMPARE(cellText(panel, id, JobsPanel::DetailColumn), error);
        const int row = panel.rowOf(id);
        QCOMPARE(panel.table()->item(row, JobsPanel::DetailColumn)->toolTip(), error);
        QVERIFY(panel.table()->item(row, JobsPanel::DetailColumn)->data(Qt::ForegroundRole).isValid());  // in red
        QVERIFY(!panel.cancelButton(id));
    }

    void cancelStopsARunningJobAndClearRemovesIt()
    {
        jobs::JobQueue queue(1);
        JobsPanel panel(&queue);
        panel.show();
        std::atomic_bool sawCancel{false};
        QSemaphore started;
        const qint64 id = queue.submit({jobs::JobKind::Training, QStringLiteral("Train late-fusion on demo"), QString()},
                                       [&](jobs::JobContext &context) {
                                           started.release();
                                           while (!context.isCancelled())
                                               QThread::msleep(2);
                                           sawCancel = true;
                                       });
        QVERIFY(started.tryAcquire(1, 10000));
        QTRY_COMPARE(cellText(panel, id, JobsPanel::StateColumn), QStringLiteral("Running"));
        QPushButton *cancel = panel.cancelButton(id);
        QVERIFY(cancel);
        QTest::mouseClick(cancel, Qt::LeftButton);
        QTRY_COMPARE(cellText(panel, id, JobsPanel::StateColumn), QStringLiteral("Cancelled"));
        QVERIFY(sawCancel);
        QVERIFY(panel.clearButton()->isEnabled());
        QTest::mouseClick(panel.clearButton(), Qt::LeftButton);
        QCOMPARE(panel.table()->rowCount(), 0);
        QVERIFY(queue.ids().isEmpty());
    }

    void theWindowListsItsJobsInADockOfItsOwn()
    {
        QTemporaryDir dir;
        const QString project = test::buildSmallDemo(dir, 4);
        std::unique_ptr<MainWindow> window;
        test::openTestWindow(window, project, QStringLiteral("jobs_tester"));
        JobsPanel *panel = window->jobsPanel();
        QVERIFY(panel);
        QCOMPARE(panel->queue(), jobs::JobQueue::application());
        QDockWidget *dock = dockOf(panel);
        QVERIFY(dock);
        QCOMPARE(dock->objectName(), QStringLiteral("jobsDock"));
        QCOMPARE(menuAction(*window, QStringLiteral("&View"), dock->toggleViewAction()->text()), dock->toggleViewAction());
        QCOMPARE(menuAction(*window, QStringLiteral("&Jobs"), dock->toggleViewAction()->text()), dock->toggleViewAction());
        // The dock never dictates the window's height (issue 17's small-minimum rule).
        const QSize needed = dock->minimumSizeHint().expandedTo(dock->minimumSize());
        QVERIFY2(needed.height() <= dockMinimumSize().height() + 60, qPrintable(QString::number(needed.height())));

        // The window's batch prediction is a job of the dock; on a project without a model it
        // fails, and the dock shows the same error as the window, naming the project.
        QVERIFY(window->startPrediction());
        QVERIFY(window->isPredicting());
        const QList<qint64> ids = panel->queue()->ids();
        QVERIFY(!ids.isEmpty());
        const qint64 id = ids.last();
        QVERIFY(panel->rowOf(id) >= 0);
        QCOMPARE(panel->queue()->info(id).kind, jobs::JobKind::Prediction);
        QTRY_VERIFY_WITH_TIMEOUT(!window->isPredicting(), 60000);
        QCOMPARE(cellText(*panel, id, JobsPanel::StateColumn), QStringLiteral("Failed"));
        const QString error = cellText(*panel, id, JobsPanel::DetailColumn);
        QVERIFY2(error.contains(QFileInfo(project).fileName()), qPrintable(error));
        QCOMPARE(window->lastError(), error);
        window->close();
    }
};

int main(int argc, char *argv[]) { return sl::test::runWindowTest<TestJobsDock>(argc, argv, "test_jobs_dock"); }
#include "test_jobs_dock.moc"
