// The shared plots without a project: what the contribution, saliency, mask and dataset plots
// draw equals the data given, and every plot exports to valid PNG, PDF and SVG files.
#include "core/common/error.h"
#include "ui/plots/contribution_plot.h"
#include "ui/plots/dataset_plot.h"
#include "ui/plots/mask_plot.h"
#include "ui/plots/plot_export.h"
#include "ui/plots/saliency_plot.h"

#include <qcustomplot.h>

#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

#include <cmath>

using namespace sl;

namespace {

QVector<double> barValues(QCPBars *bars)
{
    QVector<double> values;
    for (auto it = bars->data()->constBegin(); it != bars->data()->constEnd(); ++it)
        values << it->value;
    return values;
}

QByteArray head(const QString &path, int bytes)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.read(bytes) : QByteArray();
}

}  // namespace

class TestPlotExport : public QObject {
    Q_OBJECT
private slots:
    void contributionsDrawTheValuesGiven()
    {
        QCustomPlot plot;
        plots::ContributionData data;
        data.phi = {0.8, -0.3, 0.1};
        data.fNone = 0.2;
        data.fAll = 0.8;
        data.unimodal = {1.1, std::nan(""), -0.4};
        data.labels = {1.0, 1.5, std::nullopt, -0.5};
        plots::drawContributions(&plot, data, QStringLiteral("clip"));
        // φT, φA, φV (one series each, in its modality's colour), unimodal, human label.
        QCOMPARE(plot.plottableCount(), 5);
        QCOMPARE(barValues(qobject_cast<QCPBars *>(plot.plottable(0))) + barValues(qobject_cast<QCPBars *>(plot.plottable(1)))
                     + barValues(qobject_cast<QCPBars *>(plot.plottable(2))),
                 (QVector<double>{0.8, -0.3, 0.1}));
        QCOMPARE(barValues(qobject_cast<QCPBars *>(plot.plottable(3))), (QVector<double>{1.1, -0.4}));  // no audio head
        QCOMPARE(barValues(qobject_cast<QCPBars *>(plot.plottable(4))), (QVector<double>{1.5, -0.5}));  // A unlabelled
        // f(none), f(all), human M and the zero line (a line and a label each but the zero), the
        // 3 + 2 + 2 bar values and the sum line; drawing again replaces, never adds.
        QCOMPARE(plot.itemCount(), 4 + 3 + 7 + 1);
        plots::drawContributions(&plot, data, QStringLiteral("clip"));
        QCOMPARE(plot.plottableCount(), 5);
        QCOMPARE(plot.itemCount(), 15);
    }

    void saliencyAndWords()
    {
        QCustomPlot plot;
        plots::SaliencyData data;
        data.seconds[0] = {0.25, 0.75};
        data.values[0] = {0.5, -0.25};
        data.seconds[2] = {0.1, 0.2, 0.3};
        data.values[2] = {0.0, 0.1, 0.2};
        plots::drawSaliency(&plot, data, QStringLiteral("clip"));
        QCOMPARE(plot.graphCount(), 3);
        // Per second: steps of 0.5 s and 0.1 s; the last step held to its end.
        QCOMPARE(plot.graph(0)->dataCount(), 3);
        QCOMPARE(plot.graph(0)->data()->at(1)->key, 0.75);
        QCOMPARE(plot.graph(0)->data()->at(1)->value, -0.5);
        QCOMPARE(plot.graph(0)->data()->at(2)->key, 1.25);
        QCOMPARE(plot.graph(2)->dataCount(), 4);
        QVERIFY(qFuzzyCompare(plot.graph(2)->data()->at(2)->value, 2.0));
        const QString html = plots::weightedWordsHtml({QStringLiteral("good"), QStringLiteral("<bad>")}, {0.5, -0.25});
        QVERIFY(html.contains(QStringLiteral("rgba(40,170,70,220)")));   // the strongest word: full strength
        QVERIFY(html.contains(QStringLiteral("rgba(210,50,50,110)")));   // half as strong, negative
        QVERIFY(html.contains(QStringLiteral("&lt;bad&gt;")));
    }

    void maskRowsSort()
    {
        QList<plots::MaskRow> rows{{1, QStringLiteral("a"), 2.0, 0.5, {0.1}}, {2, QStringLiteral("b"), std::nullopt, -1, {0.2}},
                                   {3, QStringLiteral("c"), -1.0, 1.5, {0.3}}};
        const auto ids = [](const QList<plots::MaskRow> &sorted) {
            QList<qint64> result;
            for (const plots::MaskRow &row : sorted)
                result << row.clipId;
            return result;
        };
        QCOMPARE(ids(plots::sortedMaskRows(rows, plots::MaskOrder::Label)), (QList<qint64>{3, 1, 2}));
        QCOMPARE(ids(plots::sortedMaskRows(rows, plots::MaskOrder::Prediction)), (QList<qint64>{2, 1, 3}));
        QCustomPlot plot;
        plots::drawMaskHeatmap(&plot, rows, QStringLiteral("masks"));
        auto *map = qobject_cast<QCPColorMap *>(plot.plottable(0));
        QVERIFY(map);
        QCOMPARE(map->data()->cell(0, 2), 0.3);
    }

    void confusionClasses()
    {
        QCOMPARE(plots::sentimentClass(-0.1, 2), 0);
        QCOMPARE(plots::sentimentClass(0.0, 2), 1);
        QCOMPARE(plots::sentimentClass(2.6, 7), 6);
        QCOMPARE(plots::sentimentClass(-9, 7), 0);
        QCOMPARE(plots::sentimentClass(0.5, 5), 3);
        plots::DatasetPlots data;
        data.points = {{1, {}, {}, 2.0, 1.6, {}, {}}, {2, {}, {}, -1.0, 0.4, {}, {}}, {3, {}, {}, std::nullopt, 0, {}, {}}};
        const auto counts = plots::confusion(data, 7);
        QCOMPARE(counts[5][5], 1);  // true 2 -> predicted 1.6 rounds to 2
        QCOMPARE(counts[2][3], 1);  // true -1 -> predicted 0.4 rounds to 0
        int total = 0;
        for (const auto &row : counts)
            for (int n : row)
                total += n;
        QCOMPARE(total, 2);  // the unlabelled clip is left out
    }

    void exportsPngPdfSvg()
    {
        QTemporaryDir dir;
        QCustomPlot plot;
        plots::ContributionData data;
        data.phi = {0.5, 0.2, -0.1};
        data.unimodal = {0.4, 0.1, 0.0};
        plots::drawContributions(&plot, data, QStringLiteral("export"));
        const QString png = dir.filePath(QStringLiteral("c.png")), pdf = dir.filePath(QStringLiteral("c.pdf")),
                      svg = dir.filePath(QStringLiteral("c.svg"));
        plots::exportPlot(&plot, png, 400, 300, 2.0);
        plots::exportPlot(&plot, pdf, 400, 300);
        plots::exportPlot(&plot, svg, 400, 300);
        QCOMPARE(head(png, 8), QByteArray("\x89PNG\r\n\x1a\n", 8));
        QImage image(png);
        QCOMPARE(image.size(), QSize(800, 600));  // the resolution asked for
        QCOMPARE(head(pdf, 5), QByteArray("%PDF-"));
        QFile file(svg);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&file);
        QVERIFY(xml.readNextStartElement());
        QCOMPARE(xml.name().toString(), QStringLiteral("svg"));
        QCOMPARE(xml.attributes().value(QStringLiteral("viewBox")).toString(), QStringLiteral("0 0 400 300"));
        int paths = 0;
        while (!xml.atEnd())
            if (xml.readNext() == QXmlStreamReader::StartElement && (xml.name() == QLatin1String("path") || xml.name() == QLatin1String("polyline")))
                ++paths;
        QVERIFY(!xml.hasError());
        QVERIFY2(paths > 5, "the SVG has the plot's shapes");

        QVERIFY_THROWS_EXCEPTION(Error, plots::exportPlot(&plot, dir.filePath(QStringLiteral("c.gif")), 400, 300));
        QVERIFY_THROWS_EXCEPTION(Error, plots::exportPlot(&plot, dir.filePath(QStringLiteral("missing/c.png")), 400, 300));
        QVERIFY_THROWS_EXCEPTION(Error, plots::exportPlot(&plot, png, 0, 300));
    }
};

QTEST_MAIN(TestPlotExport)
#include "test_plot_export.moc"
