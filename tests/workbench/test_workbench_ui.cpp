// The retraining workbench in the main window, under the offscreen platform, on a small generated
// demo project with features: Jobs > Train model… trains in the background with live curves and
// registers the model with metrics; Cancel stops a run without registering anything; the
// registry compares two models and its changed clips open in the clip browser; the review queue
// ranks what the core ranks and opens its clips.
// LibTorch (through project_training.h) before any Qt header.
#include "core/training/project_training.h"

#include "core/session/labeling_session.h"
#include "core/store/label_source.h"
#include "core/store/project.h"
#include "core/training/model_comparison.h"
#include "core/training/prediction_spread.h"
#include "core/training/review_queue.h"
#include "tests/support_gui/extracted_demo.h"
#include "tests/support_gui/test_window.h"
#include "ui/main_window.h"
#include "ui/shortcut_registry.h"
#include "ui/workbench/model_registry_panel.h"
#include "ui/workbench/review_queue_panel.h"
#include "ui/workbench/train_dialog.h"
#include "core/jobs/job_runner.h"

#include <qcustomplot.h>

#include <QStandardPaths>
#include <QTableWidget>
#include <QtTest>

using namespace sl;
using namespace sl::ui;

class TestWorkbenchUi : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        test::isolateSettings();
        QVERIFY(m_dir.isValid());
        m_projectPath = m_dir.filePath(QStringLiteral("demo"));
        test::buildExtractedDemo(m_projectPath, 12);
        test::openTestWindow(m_window, m_projectPath, QStringLiteral("researcher"));
    }

    void cleanupTestCase() { m_window.reset(); }

    void trainingFromTheDialogRegistersAModelWithMetrics()
    {
        m_window->shortcuts()->action(QStringLiteral("jobs.train"))->trigger();
        TrainDialog *dialog = m_window->findChild<TrainDialog *>();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        training::TrainingSettings settings = dialog->settings();
        QCOMPARE(settings.labels.annotator, store::importAnnotator(project()));
        const int trainClips = int(project().clips().list(QStringLiteral("train")).size());
        QCOMPARE(settings.batchSize, int(training::recommendedSettings(settings.architecture, trainClips).batchSize));
        settings.architecture = QStringLiteral("c-mib");  // sampled bottlenecks: the review queue gets spreads
        settings.epochs = 3;
        settings.patience = 0;
        settings.learningRate = 0.01;
        dialog->applySettings(settings);
        QCOMPARE(dialog->settings().architecture, QStringLiteral("c-mib"));
        QCOMPARE(dialog->settings().epochs, 3);

        QSignalSpy trained(dialog, &TrainDialog::modelTrained);
        QVERIFY(dialog->startTraining());
        QVERIFY(dialog->isTraining());
        QVERIFY(!dialog->startTraining());  // one run at a time
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isTraining(), 120000);
        QVERIFY2(trained.size() == 1, qPrintable(dialog->status()));
        const qint64 modelId = trained.first().first().toLongLong();
        QVERIFY2(dialog->status().contains(QStringLiteral("registered")), qPrintable(dialog->status()));
        // The curves got one point per epoch: training loss and validation MAE.
        QCOMPARE(dialog->curves()->graph(0)->dataCount(), 3);
        QCOMPARE(dialog->curves()->graph(1)->dataCount(), 3);

        QCOMPARE(project().models().activeModelId(), modelId);
        ModelRegistryPanel *registry = m_window->modelRegistry();
        QCOMPARE(registry->models()->rowCount(), 1);
        QCOMPARE(registry->selectedModelId(), modelId);
        QVERIFY(registry->lineageText().contains(QStringLiteral("annotator:%1").arg(store::importAnnotator(project()))));
        // Metrics per split and target, the same numbers the core stored.
        const training::ModelSummary summary = training::summarizeModel(*project().models().find(modelId));
        const auto testMae = summary.metric(QStringLiteral("test"), QStringLiteral("M"), QStringLiteral("MAE"));
        QVERIFY(testMae);
        QVERIFY(registry->metrics()->rowCount() >= 3);
        QCOMPARE(cell(registry->models(), 0, 5), QString::number(*testMae, 'f', 3));
        m_firstModel = modelId;
    }

    void cancelStopsWithoutRegistering()
    {
        TrainDialog *dialog = m_window->openTrainDialog();
        QVERIFY(dialog);
        training::TrainingSettings settings = dialog->settings();
        settings.architecture = QStringLiteral("late-fusion");
        settings.epochs = 5000;
        settings.patience = 0;
        dialog->applySettings(settings);
        QSignalSpy finished(dialog->runner(), &jobs::JobRunner::finished);
        QVERIFY(dialog->startTraining());
        QTRY_VERIFY_WITH_TIMEOUT(dialog->curves()->graph(0)->dataCount() >= 1, 60000);
        QPushButton *cancel = cancelButton(dialog);
        QVERIFY(cancel && cancel->isEnabled());
        QTest::mouseClick(cancel, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isTraining(), 60000);
        QCOMPARE(finished.size(), 1);
        const jobs::JobInfo job = finished.first().first().value<jobs::JobInfo>();
        QCOMPARE(job.kind, jobs::JobKind::Training);
        QCOMPARE(job.state, jobs::JobState::Cancelled);
        QVERIFY(dialog->status().contains(QStringLiteral("cancelled")));
        QVERIFY(dialog->curves()->graph(0)->dataCount() < 5000);
        QCOMPARE(project().models().list().size(), 1);
    }

    void registryComparesTwoModelsAndOpensChangedClips()
    {
        TrainDialog *dialog = m_window->openTrainDialog();
        training::TrainingSettings settings = dialog->settings();
        QCOMPARE(settings.parentModelId, m_firstModel);  // retraining the model just made
        settings.architecture = QStringLiteral("late-fusion");
        settings.epochs = 4;
        settings.seed = 7;
        dialog->applySettings(settings);
        QSignalSpy trained(dialog, &TrainDialog::modelTrained);
        QVERIFY(dialog->startTraining());
        QTRY_COMPARE_WITH_TIMEOUT(trained.size(), 1, 120000);
        const qint64 second = trained.first().first().toLongLong();
        dialog->close();

        ModelRegistryPanel *registry = m_window->modelRegistry();
        QCOMPARE(registry->models()->rowCount(), 2);
        registry->selectModel(second);
        QVERIFY(registry->lineageText().contains(QStringLiteral("Parent model: %1").arg(m_firstModel)));

        registry->compare(m_firstModel, second);
        const QList<training::PredictionChange> expected =
            training::changedPredictions(project().models().predictions(m_firstModel), project().models().predictions(second));
        QCOMPARE(registry->changedClips()->rowCount(), int(expected.size()));
        QCOMPARE(expected.size(), project().clips().count());
        for (int row = 0; row < 3; ++row)
            QCOMPARE(cell(registry->changedClips(), row, 4), QString::number(expected[row].change(), 'f', 3));
        QVERIFY(registry->metricComparison()->rowCount() > 0);

        // Clicking a changed clip selects it in the main window.
        QTableWidget *clips = registry->changedClips();
        const int row = 2;
        clips->scrollToItem(clips->item(row, 0));
        QTest::mouseClick(clips->viewport(), Qt::LeftButton, {}, clips->visualItemRect(clips->item(row, 0)).center());
        QCOMPARE(m_window->currentClipId(), expected[row].clipId);

        // Setting the first model active again is written to the project.
        registry->setActiveModel(m_firstModel);
        QCOMPARE(project().models().activeModelId(), m_firstModel);
    }

    void reviewQueueRanksWhatTheCoreRanks()
    {
        ReviewQueuePanel *queue = m_window->reviewQueue();
        QTRY_VERIFY_WITH_TIMEOUT(!queue->isBuilding(), 60000);  // setActiveModel started a rebuild
        QVERIFY(queue->refresh());
        QTRY_VERIFY_WITH_TIMEOUT(!queue->isBuilding(), 60000);
        QVERIFY2(queue->queue().error.isEmpty(), qPrintable(queue->queue().error));
        QCOMPARE(queue->queue().modelId, m_firstModel);

        const auto labels = store::labelValues(project(), {store::LabelAggregate::Latest, {}});
        const QList<training::ReviewEntry> expected =
            training::rankDisagreements(project().models().predictions(m_firstModel), labels, ReviewQueuePanel::kQueueLength);
        QCOMPARE(queue->disagreements()->rowCount(), int(expected.size()));
        QVERIFY(!expected.isEmpty());
        QCOMPARE(cell(queue->disagreements(), 0, 4), QString::number(expected.first().score, 'f', 3));
        QCOMPARE(cell(queue->disagreements(), 0, 1), targetName(expected.first().target));

        // C-MIB samples its bottlenecks: every clip gets a spread, ranked as the core ranks it.
        const QList<training::ReviewEntry> uncertain =
            training::rankUncertain(training::predictionSpread(project(), m_firstModel), ReviewQueuePanel::kQueueLength);
        QCOMPARE(queue->uncertain()->rowCount(), int(uncertain.size()));
        QVERIFY(!uncertain.isEmpty());
        QCOMPARE(cell(queue->uncertain(), 0, 1), QString::number(uncertain.first().score, 'f', 3));

        QTableWidget *table = queue->uncertain();
        const int row = int(std::min<qsizetype>(3, uncertain.size() - 1));
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualItemRect(table->item(row, 0)).center());
        QCOMPARE(m_window->currentClipId(), uncertain[row].clipId);
    }

private:
    const store::Project &project() const { return m_window->session()->project(); }

    static QString cell(const QTableWidget *table, int row, int column)
    {
        const QTableWidgetItem *item = table->item(row, column);
        return item ? item->text() : QString();
    }

    static QPushButton *cancelButton(QWidget *dialog)
    {
        for (QPushButton *button : dialog->findChildren<QPushButton *>())
            if (button->text().contains(QStringLiteral("Cancel training")))
                return button;
        return nullptr;
    }

    QTemporaryDir m_dir;
    QString m_projectPath;
    std::unique_ptr<MainWindow> m_window;
    qint64 m_firstModel = 0;
};

QTEST_MAIN(TestWorkbenchUi)
#include "test_workbench_ui.moc"
