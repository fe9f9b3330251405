// Issue 17, "The dark theme must reach the plots": in the dark theme an explanation plot and the
// training chart have a dark background, light tick labels, legend and title; switching back to
// the light theme while they are shown turns them light again. Colours are read back from the
// QCustomPlot objects after a replot.
#include "tests/explain_views/plot_test_helpers.h"
#include "ui/plots/contribution_plot.h"
#include "ui/plots/plot_theme.h"
#include "ui/theme.h"
#include "ui/workbench/train_dialog.h"

#include <QApplication>
#include <QtTest>

using namespace sl;

namespace {

bool isDark(const QColor &c) { return c.lightness() < 90; }
bool isLight(const QColor &c) { return c.lightness() > 170; }

// The colour drawn in the plot's top-left corner, outside the axes: its background.
QColor backgroundOf(QCustomPlot *plot)
{
    return plot->toPixmap(plot->width(), plot->height()).toImage().pixelColor(3, 3);
}

}  // namespace

class TestPlotTheme : public QObject
{
    Q_OBJECT
private slots:
    void init() { ui::applyTheme(ui::Theme::Dark); }
    void cleanup() { ui::applyTheme(ui::Theme::Light); }

    void contributionPlotIsDarkInTheDarkTheme()
    {
        QCustomPlot plot;
        plot.resize(600, 400);
        plots::drawContributions(&plot, test::someContributions(), QStringLiteral("Contributions"));
        plot.replot();
        QVERIFY2(isDark(backgroundOf(&plot)), qPrintable(backgroundOf(&plot).name()));
        QVERIFY2(isLight(plot.xAxis->tickLabelColor()), qPrintable(plot.xAxis->tickLabelColor().name()));
        QVERIFY(isLight(plot.yAxis->tickLabelColor()));
        QVERIFY(isLight(plot.yAxis->basePen().color()));
        QVERIFY(plot.legend);
        QVERIFY(isLight(plot.legend->textColor()));
        QVERIFY(isDark(plot.legend->brush().color()));
        QVERIFY(test::plotTitle(&plot));
        QVERIFY(isLight(test::plotTitle(&plot)->textColor()));
        // The f(all) level's label was drawn in the default ink: it must be readable too.
        bool sawLightText = false;
        for (int i = 0; i < plot.itemCount(); ++i)
            if (auto *text = qobject_cast<QCPItemText *>(plot.item(i)))
                sawLightText |= text->text().startsWith(QStringLiteral("f(all)")) && isLight(text->color());
        QVERIFY(sawLightText);

        // A theme switched while the plot is shown reaches it at its next replot.
        ui::applyTheme(ui::Theme::Light);
        QCoreApplication::sendPostedEvents();
        plot.replot();
        QVERIFY2(isLight(backgroundOf(&plot)), qPrintable(backgroundOf(&plot).name()));
        QVERIFY(isDark(plot.xAxis->tickLabelColor()));
    }

    void trainingChartIsDarkInTheDarkTheme()
    {
        ui::TrainDialog dialog(QStringLiteral("/nonexistent-project"), {QStringLiteral("import")},
                               QStringLiteral("import"), 0, 10);
        QCustomPlot *chart = dialog.curves();
        chart->replot();
        QVERIFY2(isDark(backgroundOf(chart)), qPrintable(backgroundOf(chart).name()));
        QVERIFY(isLight(chart->xAxis->tickLabelColor()));
        QVERIFY(isLight(chart->yAxis->labelColor()));
        QVERIFY(isLight(chart->legend->textColor()));
    }
};

QTEST_MAIN(TestPlotTheme)
#include "test_plot_theme.moc"
