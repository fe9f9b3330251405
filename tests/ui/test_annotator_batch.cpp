// An annotator's batch in the clip list (issue 19): after a lead's `assign`, the window opened by
// that annotator lists only their batch ("My batch", on by default) and counts their progress
// on it; an annotator without a batch sees every clip and no such filter.
#include "tests/support_gui/test_window.h"

#include "core/agreement/project_assignments.h"
#include "core/store/project.h"
#include "ui/clip_browser.h"

#include <QCheckBox>

using namespace sl;

class TestAnnotatorBatch : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        test::isolateSettings();
        QVERIFY(m_dir.isValid());
        m_project = test::buildSmallDemo(m_dir, 6);
        auto project = store::Project::open(m_project);
        agreement::BatchRequest request;
        request.annotators = {QStringLiteral("ana"), QStringLiteral("bo")};
        request.overlap = 1.0 / 3.0;  // 2 shared clips, 2 of their own each
        agreement::assignBatches(*project, request);
        m_batch = agreement::assignedClips(*project, project->annotators().find(QStringLiteral("ana"))->id);
        QCOMPARE(m_batch.size(), 4);
    }

    void listsTheBatchAndCountsIt()
    {
        std::unique_ptr<ui::MainWindow> window;
        test::openTestWindow(window, m_project, QStringLiteral("ana"));
        ui::ClipBrowser *browser = window->clipBrowser();
        QVERIFY(browser->batchFilter()->isVisible());
        QVERIFY(browser->batchFilter()->isChecked());
        const QList<qint64> listed = browser->listedClipIds();
        QCOMPARE(QSet<qint64>(listed.cbegin(), listed.cend()), m_batch);
        QCOMPARE(browser->progressText(), QStringLiteral("0 / 4 of your batch labelled"));
        browser->batchFilter()->setChecked(false);
        QCOMPARE(browser->listedClipIds().size(), 6);
    }

    void noBatchNoFilter()
    {
        std::unique_ptr<ui::MainWindow> window;
        test::openTestWindow(window, m_project, QStringLiteral("carl"));
        QVERIFY(!window->clipBrowser()->batchFilter()->isVisible());
        QCOMPARE(window->clipBrowser()->listedClipIds().size(), 6);
        QVERIFY(window->clipBrowser()->progressText().endsWith(QLatin1String("labelled by you")));
    }

private:
    QTemporaryDir m_dir;
    QString m_project;
    QSet<qint64> m_batch;
};

int main(int argc, char *argv[]) { return test::runWindowTest<TestAnnotatorBatch>(argc, argv, "test_annotator_batch"); }
#include "test_annotator_batch.moc"
