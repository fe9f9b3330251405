// Issue 15, item 3, in the views: a clip outside the model's training data is flagged, naming the
// modalities, in the clip list (model column: text, colour, tooltip with the raw value), the Model
// panel, the contribution view (a banner and marked ticks, in exports too) and the presentation's
// gauge, and KAN operating points beyond an edge's spline grid are drawn as such. Each view is
// also shown a clip inside, where no flag may appear.
#include "ui/clip_table_model.h"
#include "ui/model_panel.h"
#include "ui/plots/contribution_plot.h"
#include "ui/plots/kan_plot.h"
#include "ui/present/prediction_gauge.h"

#include <qcustomplot.h>

#include <QImage>
#include <QtTest>

using namespace sl;

namespace {

plots::ContributionData contributions(const QString &outside, std::optional<double> reported)
{
    plots::ContributionData data;
    data.phi = {0.5, -9.0, -1.2};
    data.fNone = 0.2;
    data.fAll = -10.1;
    data.unimodal = {0.4, -2.0, -1.0};
    data.outside = outside;
    data.reported = reported;
    return data;
}

QStringList texts(QCustomPlot *plot)
{
    QStringList result;
    for (int i = 0; i < plot->itemCount(); ++i)
        if (auto *text = qobject_cast<QCPItemText *>(plot->item(i)))
            result << text->text();
    return result;
}

QStringList tickLabels(QCustomPlot *plot)
{
    auto ticker = plot->xAxis->ticker().dynamicCast<QCPAxisTickerText>();
    return ticker ? QStringList(ticker->ticks().values()) : QStringList();
}

QStringList graphNames(QCustomPlot *plot)
{
    QStringList names;
    for (int i = 0; i < plot->graphCount(); ++i)
        names << plot->graph(i)->name();
    return names;
}

plots::KanEdgeData edge(double clipX)
{
    plots::KanEdgeData e;
    e.inputName = QStringLiteral("A.z1");
    e.outputName = QStringLiteral("h1.0");
    for (int i = 0; i <= 20; ++i) {
        e.x << -2 + 0.2 * i;
        e.base << 0.1 * i;
        e.spline << 0.0;
        e.total << 0.1 * i;
    }
    e.datasetX = {-0.5, 0.0, 0.5, 1.8};  // 1.8 lies beyond the grid [-1, 1]
    e.datasetY = {0.0, 0.1, 0.2, 0.3};
    e.supportLow = -1.0;
    e.supportHigh = 1.0;
    e.clipX = clipX;
    e.clipY = 0.5;
    return e;
}

// Pixels close to `colour`: the flag's amber (0xd9, 0x6c, 0x00) by default.
int amberPixels(const QImage &image, const QColor &colour = QColor(0xd9, 0x6c, 0x00))
{
    int count = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            count += std::abs(c.red() - colour.red()) < 30 && std::abs(c.green() - colour.green()) < 30 &&
                             std::abs(c.blue() - colour.blue()) < 40 ? 1 : 0;
        }
    return count;
}

}  // namespace

class TestOutsideFlags : public QObject {
    Q_OBJECT
private slots:
    void clipListFlagsTheModelColumn()
    {
        store::ClipOverview outside;
        outside.id = 1;
        outside.prediction[store::targetIndex(Target::M)] = -3.0;
        outside.rawPrediction = -10.1;
        outside.outside = QStringLiteral("A, V");
        store::ClipOverview inside = outside;
        inside.id = 2;
        inside.prediction[store::targetIndex(Target::M)] = 1.25;
        inside.rawPrediction = 1.25;
        inside.outside = QString();
        store::ClipOverview noEnvelope = inside;
        noEnvelope.id = 3;
        noEnvelope.outside.reset();
        ui::ClipTableModel model;
        model.setClips({outside, inside, noEnvelope}, QStringLiteral("dataset"));
        const auto cell = [&](int row, int role) { return model.index(row, ui::ClipTableModel::ModelColumn).data(role); };
        QCOMPARE(cell(0, Qt::DisplayRole).toString(), QStringLiteral("-3.00  ⚠ A, V"));
        QVERIFY(cell(0, Qt::ToolTipRole).toString().contains(QStringLiteral("the model gave -10.10")));
        QVERIFY(cell(0, Qt::ToolTipRole).toString().contains(QStringLiteral("Outside the training data (A, V)")));
        QVERIFY(cell(0, Qt::ForegroundRole).isValid());
        QCOMPARE(cell(0, ui::ClipTableModel::SortRole).toDouble(), -3.0);
        QCOMPARE(cell(1, Qt::DisplayRole).toString(), QStringLiteral("1.25"));
        QVERIFY(!cell(1, Qt::ToolTipRole).toString().contains(QStringLiteral("Outside")));
        QVERIFY(!cell(1, Qt::ForegroundRole).isValid());
        QVERIFY(cell(2, Qt::ToolTipRole).toString().contains(QStringLiteral("No envelope")));

        ui::ModelPanel panel;  // the window's Model panel says it too
        panel.setHasModel(true);
        panel.showClip(&outside);
        QVERIFY(panel.text().contains(QStringLiteral("M as the model gave it: -10.10")));
        QVERIFY(panel.text().contains(QStringLiteral("Outside the training data (A, V)")));
        panel.showClip(&inside);
        QVERIFY(!panel.text().contains(QStringLiteral("Outside")) && !panel.text().contains(QStringLiteral("gave it")));
    }

    void contributionViewShowsTheFlag()
    {
        QCustomPlot plot;
        plot.resize(900, 520);
        plots::drawContributions(&plot, contributions(QStringLiteral("A, V"), -3.0), QStringLiteral("clip"));
        QVERIFY2(texts(&plot).join(QLatin1Char('|')).contains(QStringLiteral("⚠ outside the training data (A, V)")),
                 qPrintable(texts(&plot).join(QLatin1Char('|'))));
        QVERIFY(texts(&plot).join(QLatin1Char('|')).contains(QStringLiteral("reported -3.00")));
        QCOMPARE(tickLabels(&plot), (QStringList{QStringLiteral("T"), QStringLiteral("A ⚠"), QStringLiteral("V ⚠")}));
        const QImage drawn = plot.toPixmap(900, 520).toImage();
        if (!qEnvironmentVariableIsEmpty("SENTILENS_FLAG_PNG"))
            drawn.save(qEnvironmentVariable("SENTILENS_FLAG_PNG"));
        QVERIFY(amberPixels(drawn, QColor(0xa0, 0x40, 0x00)) > 50);  // the banner's words, drawn: in exports too

        plots::drawContributions(&plot, contributions(QString(), std::nullopt), QStringLiteral("clip"));
        QVERIFY(!texts(&plot).join(QLatin1Char('|')).contains(QStringLiteral("outside")));
        QCOMPARE(tickLabels(&plot), (QStringList{QStringLiteral("T"), QStringLiteral("A"), QStringLiteral("V")}));
    }

    void kanOperatingPointsOutsideTheGrid()
    {
        QCustomPlot plot;
        plot.resize(600, 400);
        plots::drawKanEdge(&plot, edge(1.6), QStringLiteral("KAN"));
        QVERIFY(graphNames(&plot).contains(QStringLiteral("this clip, outside the spline's grid")));
        QVERIFY(!graphNames(&plot).contains(QStringLiteral("this clip")));
        QVERIFY(graphNames(&plot).contains(QStringLiteral("dataset, outside the spline's grid")));
        plots::drawKanEdge(&plot, edge(0.3), QStringLiteral("KAN"));
        QVERIFY(graphNames(&plot).contains(QStringLiteral("this clip")));
        QVERIFY(!graphNames(&plot).contains(QStringLiteral("this clip, outside the spline's grid")));
        // The grid's ends exactly: -1 and 1 are inside.
        QVERIFY(!plots::outsideGrid(edge(0), -1.0) && !plots::outsideGrid(edge(0), 1.0));
        QVERIFY(plots::outsideGrid(edge(0), -1.0001) && plots::outsideGrid(edge(0), 1.0001));
        plots::KanEdgeData unknown = edge(5);
        unknown.supportLow.reset();
        QVERIFY(!plots::outsideGrid(unknown, 5));
    }

    void presentationGaugeSaysIt()
    {
        present::PredictionGauge gauge;
        gauge.resize(600, 400);
        gauge.setValue(-3.0);
        const int before = amberPixels(gauge.grab().toImage());
        gauge.setOutside(QStringLiteral("A, V"));
        QCOMPARE(gauge.outside(), QStringLiteral("A, V"));
        QVERIFY2(amberPixels(gauge.grab().toImage()) > before + 100, qPrintable(QString::number(before)));
    }
};

QTEST_MAIN(TestOutsideFlags)
#include "test_outside_flags.moc"
