// Issue 17, "Every view names the model (and split) it shows": the per-clip views and the dataset
// views carry the model's caption (and the clip's split, or the dataset's split counts) in their
// titles; predicted-vs-true has one range on both axes that holds every point, even a raw
// prediction beyond the label scale.
#include "ui/explain/clip_explanation_views.h"
#include "ui/explain/dataset_view.h"
#include "tests/explain_views/plot_test_helpers.h"
#include "ui/plots/contribution_plot.h"

#include <qcustomplot.h>

#include <QtTest>

using namespace sl;

class TestExplanationCaptions : public QObject
{
    Q_OBJECT
private slots:
    void modelCaptionWritesIdAndName()
    {
        QCOMPARE(plots::modelCaption(3, QStringLiteral("late-fusion-x")), QStringLiteral("model 3 (late-fusion-x)"));
        QCOMPARE(plots::modelCaption(3, QString()), QStringLiteral("model 3"));
    }

    void clipViewsNameModelAndSplit()
    {
        plots::ClipPlots clip;
        clip.clipId = 7;
        clip.name = QStringLiteral("demo/0007");
        clip.split = QStringLiteral("test");
        clip.model = plots::modelCaption(3, QStringLiteral("late-fusion-x"));
        clip.contributions.fNone = 0.1;
        clip.contributions.fAll = 0.5;
        ui::ContributionsView contributions;
        contributions.showClip(clip);
        const QString title = test::plotTitleText(contributions.plot());
        QVERIFY2(title.contains(QStringLiteral("demo/0007")), qPrintable(title));
        QVERIFY2(title.contains(QStringLiteral("model 3 (late-fusion-x)")), qPrintable(title));
        QVERIFY2(title.contains(QStringLiteral("test split")), qPrintable(title));

        ui::MaskView mask;
        mask.showClip(clip);
        QVERIFY2(test::plotTitleText(mask.clipPlot()).contains(QStringLiteral("model 3")), qPrintable(test::plotTitleText(mask.clipPlot())));
    }

    // Hand-worked: f(none) 0.10 + 0.30 - 0.20 + 0.10 = f(all) 0.30; every bar's value written on it,
    // and the human label says whose it is.
    void contributionsAddUpAndSayWhoseLabel()
    {
        plots::ContributionData data;
        data.phi = {0.3, -0.2, 0.1};
        data.fNone = 0.1;
        data.fAll = 0.3;
        data.unimodal = {0.5, -0.4, 0.05};
        data.labels = {1.0, 2.0, -1.0, 0.0};
        data.labelSource = QStringLiteral("dataset: import");
        QCustomPlot plot;
        plots::drawContributions(&plot, data, QStringLiteral("clip"));
        QStringList texts;
        for (int i = 0; i < plot.itemCount(); ++i)
            if (auto *text = qobject_cast<QCPItemText *>(plot.item(i)))
                texts << text->text();
        QVERIFY2(texts.contains(QStringLiteral("f(none) 0.10 + φT 0.30 − φA 0.20 + φV 0.10 = f(all) 0.30")), qPrintable(texts.join(QLatin1Char('|'))));
        for (const char *value : {"0.30", "-0.20", "0.10", "0.50", "-0.40", "0.05", "2.00", "-1.00", "0.00"})
            QVERIFY2(texts.contains(QString::fromLatin1(value)), value);
        QCOMPARE(plot.plottable(4)->name(), QStringLiteral("Human label (dataset: import)"));  // after φT, φA, φV, unimodal
        QVERIFY(texts.contains(QStringLiteral("human M 1.0 (dataset: import)")));
    }

    void datasetViewNamesModelAndSplitsWithEqualAxes()
    {
        plots::DatasetPlots data;
        data.labelMin = -3;
        data.labelMax = 3;
        data.model = plots::modelCaption(2, QStringLiteral("kan"));
        data.points << test::datasetPoint(1, QStringLiteral("train"), -2, -1.5) << test::datasetPoint(2, QStringLiteral("train"), 1, 0.5)
                    << test::datasetPoint(3, QStringLiteral("test"), 2, 4.5);  // raw prediction beyond the scale
        ui::DatasetView view;
        view.resize(800, 600);
        view.setData(data);
        // The held-out split is shown first, and the caption counts its clips only.
        QVERIFY2(test::plotTitleText(view.scatter()).contains(QStringLiteral("clips: test 1")), qPrintable(test::plotTitleText(view.scatter())));
        view.setSplit(QString());
        const QString title = test::plotTitleText(view.scatter());
        QVERIFY2(title.contains(QStringLiteral("model 2 (kan)")), qPrintable(title));
        QVERIFY2(title.contains(QStringLiteral("train 2, test 1")), qPrintable(title));
        QVERIFY(test::plotTitleText(view.confusionPlot()).contains(QStringLiteral("model 2 (kan)")));
        QVERIFY(test::plotTitleText(view.distribution()).contains(QStringLiteral("model 2 (kan)")));

        const QCPRange x = view.scatter()->xAxis->range(), y = view.scatter()->yAxis->range();
        QCOMPARE(x.lower, y.lower);
        QCOMPARE(x.upper, y.upper);
        QVERIFY2(y.upper > 4.5, qPrintable(QString::number(y.upper)));
        QVERIFY(x.lower < -3);
    }
};

QTEST_MAIN(TestExplanationCaptions)
#include "test_explanation_captions.moc"
