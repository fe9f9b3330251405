// Issue 17, "Explanation views that say what they show":
// - the Dataset view computes its metrics on the chosen split only (a project whose training
//   predictions are perfect and whose test predictions are not: the test figures are worked out
//   by hand here, and differ from the figures of all splits mixed);
// - every view takes its modality colours from the one palette (modality_palette.h), in the
//   light and the dark theme, and the human label's colour is none of them;
// - saliency is plotted per second of each step (hand-worked durations);
// - the causal-mask heat map keeps readable rows; the KAN dock weighs its network's edges by
//   importance as pykan's plot does.
#include "ui/explain/clip_explanation_views.h"
#include "tests/explain_views/plot_test_helpers.h"
#include "ui/explain/dataset_view.h"
#include "ui/plots/contribution_plot.h"
#include "ui/plots/dataset_plot.h"
#include "ui/plots/kan_plot.h"
#include "ui/plots/modality_palette.h"
#include "ui/plots/saliency_plot.h"
#include "ui/player/timeline_plot.h"
#include "ui/theme.h"

#include <qcustomplot.h>

#include <QLabel>
#include <QPushButton>
#include <QtTest>

using namespace sl;

namespace {

// Train: predictions equal the labels. Test: errors 1.5, 0.2, 1.0, 0.8 (MAE 3.5 / 4 = 0.875);
// sides of 0 agree for the 2nd and 3rd clip only (Acc2 50%); Pearson's r of
// x = (1, -1, 2, -0.5), y = (-0.5, -1.2, 1, 0.3) is 0.684 (numpy.corrcoef). All seven mixed:
// MAE 3.5 / 7 = 0.5, Acc2 5 / 7 = 71.4%.
plots::DatasetPlots perfectTrainImperfectTest()
{
    plots::DatasetPlots data;
    data.model = QStringLiteral("model 1 (m)");
    data.points << test::datasetPoint(1, QStringLiteral("train"), 1.0, 1.0) << test::datasetPoint(2, QStringLiteral("train"), -2.0, -2.0)
                << test::datasetPoint(3, QStringLiteral("train"), 0.5, 0.5) << test::datasetPoint(4, QStringLiteral("test"), 1.0, -0.5)
                << test::datasetPoint(5, QStringLiteral("test"), -1.0, -1.2) << test::datasetPoint(6, QStringLiteral("test"), 2.0, 1.0)
                << test::datasetPoint(7, QStringLiteral("test"), -0.5, 0.3);
    return data;
}

QCPBars *barsNamed(QCustomPlot *plot, const QString &name)
{
    for (int i = 0; i < plot->plottableCount(); ++i)
        if (auto *bars = qobject_cast<QCPBars *>(plot->plottable(i)); bars && bars->name() == name)
            return bars;
    return nullptr;
}

}  // namespace

class TestExplanationReadability : public QObject
{
    Q_OBJECT
private slots:
    void cleanup() { ui::applyTheme(ui::Theme::Light); }

    void datasetMetricsAreOfTheChosenSplit()
    {
        ui::DatasetView view;
        view.resize(900, 600);
        view.setData(perfectTrainImperfectTest());
        // The held-out split is chosen by default.
        QCOMPARE(view.split(), QStringLiteral("test"));
        QString summary = view.splitSummary();
        QVERIFY2(summary.contains(QStringLiteral("4 labelled clips")), qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("MAE 0.875")), qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("Acc2 50.0%")), qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("Corr 0.68")), qPrintable(summary));
        QVERIFY2(test::plotTitleText(view.scatter()).contains(QStringLiteral("MAE 0.875")), qPrintable(test::plotTitleText(view.scatter())));
        view.setClasses(2);
        QVERIFY2(test::plotTitleText(view.confusionPlot()).contains(QStringLiteral("accuracy 50.0%")), qPrintable(test::plotTitleText(view.confusionPlot())));
        // Only the test clips are drawn, in the test split's colour.
        QCOMPARE(view.scatter()->graphCount(), 1);
        QCOMPARE(view.scatter()->graph(0)->dataCount(), 4);
        QCOMPARE(view.scatter()->graph(0)->name(), QStringLiteral("test"));
        QCOMPARE(view.scatter()->graph(0)->scatterStyle().pen().color(), plots::splitColour(QStringLiteral("test")).darker(120));

        // All splits: the training clips dilute the error, and each split has its own series.
        view.setSplit(QString());
        summary = view.splitSummary();
        QVERIFY2(summary.contains(QStringLiteral("MAE 0.500")), qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("Acc2 71.4%")), qPrintable(summary));
        QVERIFY2(test::plotTitleText(view.confusionPlot()).contains(QStringLiteral("accuracy 71.4%")), qPrintable(test::plotTitleText(view.confusionPlot())));
        QCOMPARE(view.scatter()->graphCount(), 2);
        QVERIFY(view.scatter()->legend->visible());

        view.setSplit(QStringLiteral("train"));
        QVERIFY2(view.splitSummary().contains(QStringLiteral("MAE 0.000")), qPrintable(view.splitSummary()));
    }

    void modalityColoursComeFromThePalette_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }

    void modalityColoursComeFromThePalette()
    {
        QFETCH(bool, dark);
        ui::applyTheme(dark ? ui::Theme::Dark : ui::Theme::Light);
        QCustomPlot contributions;
        contributions.resize(600, 400);
        plots::ContributionData contributionData = test::someContributions();
        contributionData.labels = {1.0, 1.0, -0.5, 0.5};
        plots::drawContributions(&contributions, contributionData, QStringLiteral("Contributions"));
        contributions.replot();
        for (int m = 0; m < plots::kModalities; ++m) {
            QCPBars *bars = barsNamed(&contributions, QStringLiteral("Shapley φ%1").arg(plots::modalityCode(m)));
            QVERIFY2(bars, qPrintable(plots::modalityCode(m)));
            QCOMPARE(bars->brush().color(), plots::modalityColour(m));
        }
        QCPBars *human = nullptr;
        for (int i = 0; i < contributions.plottableCount(); ++i)
            if (contributions.plottable(i)->name().startsWith(QStringLiteral("Human label")))
                human = qobject_cast<QCPBars *>(contributions.plottable(i));
        QVERIFY(human);
        QCOMPARE(human->brush().color(), plots::humanLabelColour());
        for (int m = 0; m < plots::kModalities; ++m)
            QVERIFY(std::abs(plots::humanLabelColour().hue() - plots::modalityColour(m).hue()) > 30);

        QCustomPlot saliency;
        plots::SaliencyData data;
        for (int m = 0; m < plots::kModalities; ++m) {
            data.seconds[size_t(m)] = {0.0, 0.5};
            data.values[size_t(m)] = {0.1, 0.2};
        }
        plots::drawSaliency(&saliency, data, QStringLiteral("Saliency"));
        for (int m = 0; m < plots::kModalities; ++m)
            QCOMPARE(saliency.graph(m)->pen().color(), plots::modalityColour(m));

        QCustomPlot distribution;
        plots::DatasetPlots points = perfectTrainImperfectTest();
        plots::drawContributionDistribution(&distribution, points, QStringLiteral("Distribution"));
        for (int m = 0; m < plots::kModalities; ++m) {
            auto *box = qobject_cast<QCPStatisticalBox *>(distribution.plottable(m));
            QVERIFY(box);
            QCOMPARE(box->brush().color().hue(), plots::modalityColour(m).hue());
        }

        // The player's timeline: the waveform is audio, a face curve is video.
        ui::TimelinePlot timeline;
        timeline.setDurationMs(2000);
        timeline.setWaveform(std::vector<float>(1600, 0.1f), 800);
        timeline.setCurves({ui::TimelineCurve{QStringLiteral("smile"), {0.0, 1.0}, {0.2, 0.4}, ui::CurveSource::Video}});
        bool sawAudio = false, sawVideo = false;
        for (int g = 0; g < timeline.graphCount(); ++g) {
            const QColor pen = timeline.graph(g)->pen().color();
            sawAudio |= timeline.graph(g)->name() == QStringLiteral("Audio") && pen == plots::modalityColour(1);
            sawVideo |= timeline.graph(g)->name() == QStringLiteral("smile") && pen.hue() == plots::modalityColour(2).hue();
        }
        QVERIFY(sawAudio);
        QVERIFY(sawVideo);
    }

    // 90 clips: each row of the heat map keeps at least 12 pixels (the view scrolls instead of
    // squashing), the colour scale lies whole inside the plot, and the clip's mask has its legend
    // under the bars, not over them.
    void maskRowsLegendAndScaleAreReadable()
    {
        QList<plots::MaskRow> rows;
        for (int r = 0; r < 90; ++r)
            rows << plots::MaskRow{r + 1, QStringLiteral("clip%1").arg(r + 1), 0.1 * r - 4, 0.0, QVector<double>(16, r / 90.0)};
        ui::MaskView view;
        view.resize(700, 420);
        view.setRows(rows);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QCustomPlot *heatmap = view.heatmap();
        heatmap->replot();
        QVERIFY2(heatmap->axisRect()->height() >= 90 * 12, qPrintable(QString::number(heatmap->axisRect()->height())));
        QVERIFY2(view.height() < 500, qPrintable(QString::number(view.height())));  // the dock does not grow
        QVERIFY2(view.minimumSizeHint().height() <= 400, qPrintable(QString::number(view.minimumSizeHint().height())));
        QCPColorScale *scale = nullptr;
        for (QCPLayoutElement *element : heatmap->plotLayout()->elements(true))
            if (auto *found = qobject_cast<QCPColorScale *>(element))
                scale = found;
        QVERIFY(scale);
        QVERIFY2(heatmap->rect().contains(scale->outerRect()), qPrintable(QStringLiteral("%1 in %2").arg(scale->outerRect().right()).arg(heatmap->width())));
        QVERIFY(scale->outerRect().width() >= 60);  // bar, ticks and label

        plots::ClipPlots clip;
        clip.name = QStringLiteral("clip1");
        clip.mask.available = true;
        clip.mask.mask = QVector<double>(16, 0.97);
        clip.mask.modalityShare = {0.2, 0.3, 0.5};
        view.showClip(clip);
        QCustomPlot *bars = view.clipPlot();
        bars->replot();
        // The modality shares as strips in the palette's colours, widths in proportion.
        for (int m = 0; m < plots::kModalities; ++m) {
            auto *strip = bars->findChild<QCPItemRect *>(QStringLiteral("maskShare%1").arg(plots::modalityCode(m)));
            QVERIFY(strip);
            QCOMPARE(strip->brush().color(), plots::modalityColour(m));
            QVERIFY(qFuzzyCompare(strip->bottomRight->coords().x() - strip->topLeft->coords().x(), clip.mask.modalityShare[size_t(m)] * 16.4));
        }
        QVERIFY(bars->legend->visible());
        QVERIFY(!bars->axisRect()->outerRect().intersects(bars->legend->outerRect()));
    }

    // A [3, 1, 1] KAN. Edge importances (the core's pykan edge scores) 0.1, 0.5, 0.25 into h1.1
    // and 0.4 from it to M: pykan's plot opacity tanh(3 s) = 0.2913, 0.9051, 0.6351, 0.8337
    // (numpy), widths 0.6 + 3.4 s / 0.5 = 1.28, 4.0, 2.3, 3.32 px; the first layer's edges in their
    // input's modality colour. The small multiples get 130 x 105 px per cell with tick labels,
    // and a model without a KAN gets the project's KAN models offered.
    void kanNetworkWeighsEdgesByImportance()
    {
        plots::KanData kan;
        kan.available = true;
        const auto edge = [](int layer, const QString &in, const QString &out, double importance) {
            plots::KanEdgeData e;
            e.layer = layer;
            e.inputName = in;
            e.outputName = out;
            e.importance = importance;
            e.x = {-1, 0, 1};
            e.total = e.base = e.spline = {0.1, 0.0, -0.1};
            return e;
        };
        kan.edges << edge(0, QStringLiteral("T.z1"), QStringLiteral("h1.1"), 0.1) << edge(0, QStringLiteral("A.z1"), QStringLiteral("h1.1"), 0.5)
                  << edge(0, QStringLiteral("V.z1"), QStringLiteral("h1.1"), 0.25) << edge(1, QStringLiteral("h1.1"), QStringLiteral("M"), 0.4);
        QCustomPlot network;
        network.resize(500, 300);
        const QList<QCPItemLine *> lines = plots::drawKanNetwork(&network, kan, QStringLiteral("KAN"));
        QCOMPARE(lines.size(), 4);
        const double opacity[] = {0.2913, 0.9051, 0.6351, 0.8337}, width[] = {1.28, 4.0, 2.3, 3.32};
        for (int e = 0; e < 4; ++e) {
            QVERIFY2(std::abs(lines[e]->pen().color().alphaF() - opacity[e]) < 0.005, qPrintable(QString::number(lines[e]->pen().color().alphaF())));
            QVERIFY2(std::abs(lines[e]->pen().widthF() - width[e]) < 1e-9, qPrintable(QString::number(lines[e]->pen().widthF())));
        }
        for (int m = 0; m < plots::kModalities; ++m)
            QCOMPARE(lines[m]->pen().color().rgb(), plots::modalityColour(m).rgb());
        // Inputs at the bottom (level 0), the output on top.
        QCOMPARE(lines[0]->start->coords().y(), 0.0);
        QCOMPARE(lines[3]->end->coords().y(), 2.0);

        QCOMPARE(plots::kanGridMinimumSize(kan), QSize(3 * plots::kKanCellWidth, 2 * plots::kKanCellHeight + 50));
        QCustomPlot grid;
        grid.resize(plots::kanGridMinimumSize(kan));
        const QList<QCPAxisRect *> rects = plots::drawKanEdges(&grid, kan, QStringLiteral("KAN edges"));
        grid.replot();
        QCOMPARE(rects.size(), 4);
        for (QCPAxisRect *rect : rects) {
            QVERIFY2(rect->height() >= 60 && rect->width() >= 80, qPrintable(QStringLiteral("%1x%2").arg(rect->width()).arg(rect->height())));
            QVERIFY(rect->axis(QCPAxis::atLeft)->tickLabels());
        }
        QCOMPARE(grid.graph(1)->pen().color(), plots::modalityColour(0));  // after T.z1's dataset points

        ui::KanView view;
        view.setKanModels({{5, QStringLiteral("model 5 (kan-mcp)")}});
        plots::ClipPlots clip;
        clip.kan.reason = QStringLiteral("camib has no KAN");
        view.showClip(clip);
        QVERIFY(!view.modelOffer()->isHidden());
        QSignalSpy chosen(&view, &ui::KanView::kanModelChosen);
        view.findChild<QPushButton *>(QStringLiteral("kanMakeActive"))->click();
        QCOMPARE(chosen.size(), 1);
        QCOMPARE(chosen.first().first().toLongLong(), 5);
        clip.kan = kan;
        view.showClip(clip);
        QVERIFY(view.modelOffer()->isHidden());
        // The multiples scroll: the dock's minimum stays small whatever the network's size.
        for (int e = 0; e < 40; ++e)
            clip.kan.edges << edge(0, QStringLiteral("T.z%1").arg(e + 2), QStringLiteral("h1.%1").arg(e % 4 + 1), 0.1);
        view.showClip(clip);
        QVERIFY2(view.minimumSizeHint().height() <= 400 && view.minimumSizeHint().width() <= 500,
                 qPrintable(QStringLiteral("%1x%2").arg(view.minimumSizeHint().width()).arg(view.minimumSizeHint().height())));
    }

    // Text: words start at 0, 0.4 and 1.0 s (durations 0.4, 0.6 and, for the last, 0.6 again);
    // attributions 0.2, 0.3, -0.6 give 0.5, 0.5, -1.0 per second. Audio: 40 ms steps with 0.02,
    // 0.02, 0.04 give 0.5, 0.5, 1.0 per second: the same height as a word holding ten times the
    // attribution over ten times the time.
    void saliencyIsPerSecond()
    {
        const QVector<double> text = plots::attributionPerSecond({0.0, 0.4, 1.0}, {0.2, 0.3, -0.6});
        QCOMPARE(text.size(), 3);
        QVERIFY(qFuzzyCompare(text[0], 0.5));
        QVERIFY(qFuzzyCompare(text[1], 0.5));
        QVERIFY(qFuzzyCompare(text[2], -1.0));
        const QVector<double> audio = plots::attributionPerSecond({0.0, 0.04, 0.08}, {0.02, 0.02, 0.04});
        QVERIFY(qFuzzyCompare(audio[0], 0.5));
        QVERIFY(qFuzzyCompare(audio[2], 1.0));
        // Unknown times (left at 0) give no durations.
        QVERIFY(plots::attributionPerSecond({0.0, 0.0, 0.0}, {0.1, 0.2, 0.3}).isEmpty());

        plots::SaliencyData data;
        data.seconds[0] = {0.0, 0.4, 1.0};
        data.values[0] = {0.2, 0.3, -0.6};
        data.seconds[1] = {0.0, 0.04, 0.08};
        data.values[1] = {0.02, 0.02, 0.04};
        QCustomPlot plot;
        plots::drawSaliency(&plot, data, QStringLiteral("Saliency"));
        QVERIFY2(plot.yAxis->label().contains(QStringLiteral("per second")), qPrintable(plot.yAxis->label()));
        // The last word is held to its end, 1.6 s.
        QCOMPARE(plot.graph(0)->dataCount(), 4);
        QVERIFY(qFuzzyCompare((plot.graph(0)->data()->constBegin() + 2)->value, -1.0));
        QVERIFY(qFuzzyCompare((plot.graph(0)->data()->constEnd() - 1)->key, 1.6));

        // A modality without times: every curve falls back to per step, and the axis says so.
        data.seconds[1] = {0.0, 0.0, 0.0};
        plots::drawSaliency(&plot, data, QStringLiteral("Saliency"));
        QVERIFY2(plot.yAxis->label().contains(QStringLiteral("per step")), qPrintable(plot.yAxis->label()));
        QVERIFY(qFuzzyCompare((plot.graph(0)->data()->constBegin() + 2)->value, -0.6));
    }
};

QTEST_MAIN(TestExplanationReadability)
#include "test_explanation_readability.moc"
