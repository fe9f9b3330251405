// The explanation and dataset docks on a small generated demo project with a trained CaMIB and
// KAN-MCP model: selecting a clip updates every view with exactly the values the core computes
// for that clip (training::explainClips), the dataset views cover every clip and clicking a
// point selects its clip, and following the active model switches the KAN view on.
// LibTorch (through project_explanations.h) before any Qt header.
#include "core/training/project_explanations.h"
#include "core/training/project_training.h"

#include "core/store/project.h"
#include "tests/support_gui/extracted_demo.h"
#include "tests/support_gui/test_window.h"
#include "ui/clip_browser.h"
#include "ui/explain/clip_explanation_views.h"
#include "ui/explain/dataset_view.h"
#include "ui/explain/explanation_controller.h"
#include "ui/main_window.h"

#include <qcustomplot.h>

#include <QDockWidget>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTextBrowser>
#include <QtTest>

using namespace sl;
using namespace sl::ui;

namespace {

QVector<double> values(QCPAbstractPlottable *plottable)
{
    QVector<double> result;
    if (auto *bars = qobject_cast<QCPBars *>(plottable))
        for (auto it = bars->data()->constBegin(); it != bars->data()->constEnd(); ++it)
            result << it->value;
    if (auto *graph = qobject_cast<QCPGraph *>(plottable))
        for (auto it = graph->data()->constBegin(); it != graph->data()->constEnd(); ++it)
            result << it->value;
    return result;
}

QVector<double> toVector(const std::vector<double> &v) { return QVector<double>(v.begin(), v.end()); }

void compareClose(const QVector<double> &actual, const QVector<double> &expected, double tolerance = 1e-9)
{
    QCOMPARE(actual.size(), expected.size());
    for (int i = 0; i < actual.size(); ++i)
        QVERIFY2(std::abs(actual[i] - expected[i]) < tolerance, qPrintable(QStringLiteral("%1: %2 vs %3").arg(i).arg(actual[i]).arg(expected[i])));
}

}  // namespace

class TestExplanationViews : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        test::isolateSettings();
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("demo"));
        test::buildExtractedDemo(m_path, 6);
        auto project = store::Project::open(m_path);
        training::TrainRequest request;
        request.trainer.epochs = 2;
        request.architecture = QStringLiteral("kan-mcp");
        m_kanModel = training::trainOnProject(*project, request).modelId;
        request.architecture = QStringLiteral("camib");
        m_camibModel = training::trainOnProject(*project, request).modelId;  // the active model
        QVERIFY(m_kanModel != 0 && m_camibModel != 0);
        project->models().setActive(m_camibModel);
    }

    void init()
    {
        test::openTestWindow(m_window, m_path, QStringLiteral("researcher"));
    }

    void cleanup() { m_window.reset(); }

    void hiddenViewsComputeNothing()
    {
        for (QDockWidget *dock : m_window->explanationDocks())
            QVERIFY(!dock->isVisible());
        QVERIFY(!m_window->explanations()->isBusy());
    }

    void selectingAClipUpdatesEveryView()
    {
        for (const QString &view : {QStringLiteral("contributions"), QStringLiteral("saliency"), QStringLiteral("kan"),
                                    QStringLiteral("mask"), QStringLiteral("dataset")})
            QVERIFY(m_window->showExplanationView(view));
        QVERIFY(!m_window->showExplanationView(QStringLiteral("nonsense")));
        const QList<qint64> clips = clipIds();
        for (qint64 clipId : {clips[1], clips[4]}) {
            QVERIFY(m_window->clipBrowser()->selectClip(clipId));
            m_window->explanations()->waitForIdle();
            checkClip(clipId, m_camibModel);
        }
        // CaMIB has no KAN: the view says so instead of drawing.
        QCOMPARE(m_window->kanView()->data().edges.size(), 0);
        QVERIFY(!m_window->kanView()->data().reason.isEmpty());
    }

    void datasetViewsCoverEveryClip()
    {
        m_window->showExplanationView(QStringLiteral("dataset"));
        m_window->explanations()->waitForIdle();
        auto project = store::Project::open(m_path);
        training::ExplainRequest request;
        const training::ExplanationSet set = training::explainClips(*project, request);
        DatasetView *view = m_window->datasetView();
        QCOMPARE(view->data().points.size(), set.clips.size());
        view->setSplit(QString());  // every split, one series each
        // The graph keeps its points sorted by key (the true label): compare (label, prediction)
        // pairs in that order, not in clip order.
        QList<QPair<double, double>> expected;
        for (const training::ClipExplanation &clip : set.clips)
            if (clip.labels[0])
                expected << qMakePair(*clip.labels[0], clip.shapley.fAll);
        std::sort(expected.begin(), expected.end());
        QList<QPair<double, double>> drawn;
        for (int g = 0; g < view->scatter()->graphCount(); ++g)
            for (auto it = view->scatter()->graph(g)->data()->constBegin(); it != view->scatter()->graph(g)->data()->constEnd(); ++it)
                drawn << qMakePair(it->key, it->value);
        std::sort(drawn.begin(), drawn.end());
        qInfo("dataset: %d clips computed, %d reused", set.computed, set.reused);
        QVector<double> drawnKeys, expectedKeys, drawnValues, expectedValues;
        for (const auto &[key, value] : drawn)
            drawnKeys << key, drawnValues << value;
        for (const auto &[key, value] : expected)
            expectedKeys << key, expectedValues << value;
        compareClose(drawnKeys, expectedKeys);
        // float32 forward passes of differently composed batches agree to ~1e-4, not bit for bit.
        compareClose(drawnValues, expectedValues, 1e-3);
        // Heat map: one row per clip, the mask dims as columns.
        auto *map = qobject_cast<QCPColorMap *>(m_window->maskView()->heatmap()->plottable(0));
        QVERIFY(map);
        QCOMPARE(map->data()->valueSize(), int(set.clips.size()));
        QCOMPARE(map->data()->keySize(), set.masks.fusedDims);
        QVERIFY(view->metricTable()->rowCount() > 0);  // the registry's metrics of both models

        // Clicking a point selects its clip.
        const training::ClipExplanation &target = set.clips.at(2);
        QVERIFY(target.labels[0]);
        view->tabs()->setCurrentIndex(0);
        view->scatter()->replot();
        const QPoint at(int(view->scatter()->xAxis->coordToPixel(*target.labels[0])),
                        int(view->scatter()->yAxis->coordToPixel(target.shapley.fAll)));
        QTest::mouseClick(view->scatter(), Qt::LeftButton, {}, at);
        QCOMPARE(m_window->currentClipId(), target.clipId);
    }

    void kanViewFollowsTheActiveModel()
    {
        store::Project::open(m_path)->models().setActive(m_kanModel);
        m_window->showExplanationView(QStringLiteral("kan"));
        m_window->explanations()->refresh();
        const qint64 clipId = clipIds()[3];
        QVERIFY(m_window->clipBrowser()->selectClip(clipId));
        m_window->explanations()->waitForIdle();
        checkClip(clipId, m_kanModel);
        store::Project::open(m_path)->models().setActive(m_camibModel);
    }

private:
    QList<qint64> clipIds()
    {
        QList<qint64> ids;
        for (const store::Clip &clip : store::Project::open(m_path)->clips().list())
            ids << clip.id;
        return ids;
    }

    void checkClip(qint64 clipId, qint64 modelId)
    {
        auto project = store::Project::open(m_path);
        training::ExplainRequest request;
        request.modelId = modelId;
        request.clipIds = {clipId};
        const training::ExplanationSet set = training::explainClips(*project, request);
        const training::ClipExplanation &expected = set.clips.first();

        QCustomPlot *contributions = m_window->contributionsView()->plot();
        // φT, φA, φV are one series each (modality colours), then unimodal, then the labels.
        compareClose(values(contributions->plottable(0)) + values(contributions->plottable(1)) + values(contributions->plottable(2)),
                     toVector({expected.shapley.phi.begin(), expected.shapley.phi.end()}));
        QVector<double> labels;
        for (size_t m = 1; m < 4; ++m)
            if (expected.labels[m])
                labels << *expected.labels[m];
        compareClose(values(contributions->plottable(4)), labels);
        QVERIFY(qobject_cast<QCPTextElement *>(contributions->plotLayout()->element(0, 0))->text().contains(expected.name));

        QCustomPlot *saliency = m_window->saliencyView()->plot();
        // Attribution per second of each step, the last step's value repeated at its end.
        QVERIFY2(saliency->yAxis->label().contains(QStringLiteral("per second")), qPrintable(saliency->yAxis->label()));
        for (int m = 0; m < 3; ++m) {
            QVector<double> perSecond;
            const std::vector<double> &steps = expected.saliency.steps[size_t(m)], &seconds = expected.stepSeconds[size_t(m)];
            QVERIFY(steps.size() != 1 && seconds.size() == steps.size());
            for (size_t i = 0; i < steps.size(); ++i)
                perSecond << steps[i] / ((i + 1 < seconds.size() ? seconds[i + 1] : 2 * seconds[i] - seconds[i - 1]) - seconds[i]);
            if (!perSecond.isEmpty())
                perSecond << perSecond.last();
            compareClose(values(saliency->graph(m)), perSecond, 1e-6);
        }
        for (const QString &token : expected.textTokens)
            if (!token.trimmed().isEmpty())
                QVERIFY2(m_window->saliencyView()->words()->toPlainText().contains(token), qPrintable(token));

        if (expected.kan) {
            const plots::KanData &kan = m_window->kanView()->data();
            QCOMPARE(size_t(kan.edges.size()), set.kan.edges.size());
            for (int e = 0; e < kan.edges.size(); ++e) {
                QCOMPARE(*kan.edges[e].clipX, expected.kan->edgeX[size_t(e)]);
                QCOMPARE(*kan.edges[e].clipY, expected.kan->edgeY[size_t(e)]);
            }
            // The enlarged edge draws the model's curve (total is the last curve before the clip's point).
            const int edge = m_window->kanView()->enlargedEdge();
            QCustomPlot *edgePlot = m_window->kanView()->edgePlot();
            compareClose(values(edgePlot->plottable(3)), toVector(set.kan.edges[size_t(edge)].total));
            compareClose(values(edgePlot->plottable(1)), toVector(set.kan.edges[size_t(edge)].base));
        }
        if (expected.mask) {
            QCustomPlot *mask = m_window->maskView()->clipPlot();
            compareClose(values(mask->plottable(0)), toVector(expected.mask->mask));
        }
    }

    QTemporaryDir m_dir;
    QString m_path;
    qint64 m_kanModel = 0, m_camibModel = 0;
    std::unique_ptr<MainWindow> m_window;
};

QTEST_MAIN(TestExplanationViews)
#include "test_explanation_views.moc"
