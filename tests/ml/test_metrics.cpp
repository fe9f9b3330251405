// Hand-computed cases for the MMSA and MAG-BERT-style metrics (core/ml/metrics.h) and the NumPy /
// scikit-learn primitives behind them. Expected values are worked out in the comments.
#include "core/ml/metric_math.h"
#include "core/ml/metrics.h"
#include "tests/ml/approx.h"

#include <QtTest>

#include <cmath>
#include <limits>

using namespace sl::ml;

namespace {

QStringList names(const MetricList &metrics)
{
    QStringList out;
    for (const auto &entry : metrics)
        out << QString::fromStdString(entry.first);
    return out;
}

// Empty when `actual` has exactly the expected names in order and values within 1e-6 (float32
// inputs allow no more); otherwise says what differs.
QString compare(const MetricList &actual, const MetricList &expected)
{
    if (names(actual) != names(expected))
        return "names " + names(actual).join(' ') + " instead of " + names(expected).join(' ');
    for (std::size_t i = 0; i < actual.size(); ++i)
        if (!near(actual[i].second, expected[i].second, 1e-6))
            return QString("%1 = %2, expected %3")
                .arg(QString::fromStdString(actual[i].first))
                .arg(actual[i].second, 0, 'g', 12)
                .arg(expected[i].second, 0, 'g', 12);
    return {};
}

// The MOSI-scale case used by several tests. Rounded (clipped to +-3):
//   p -> 0 (0.5 half to even), 2, -2 (-2.5 half to even), 3, 0, -0, -1, 3
//   y -> 0, 2, -2, 3, -1, 0, -1, 2
const std::vector<double> kMosiPred{0.5, 1.5, -2.5, 2.6, 0.4, -0.3, -1.2, 3.7};
const std::vector<double> kMosiLabel{0.0, 2.0, -2.0, 3.0, -1.0, 0.0, -1.4, 2.4};

}  // namespace

class TestMetrics : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void roundsHalvesToEven()
    {
        QCOMPARE(roundHalfEven(0.5), 0.0);
        QCOMPARE(roundHalfEven(1.5), 2.0);
        QCOMPARE(roundHalfEven(2.5), 2.0);
        QCOMPARE(roundHalfEven(-0.5), 0.0);
        QCOMPARE(roundHalfEven(-1.5), -2.0);
        QCOMPARE(roundHalfEven(-2.5), -2.0);
        QCOMPARE(roundHalfEven(2.5000001), 3.0);
        QCOMPARE(roundHalfEven(-0.49999999), 0.0);
    }

    void roundsDecimalsLikePython()
    {
        // round(x, 4) works on the exact binary value: 0.45675 is 0.456749999..., so 0.4567,
        // where floor(x * 1e4 + 0.5) / 1e4 would give 0.4568.
        QCOMPARE(roundToDecimals(0.45675, 4), 0.4567);
        QCOMPARE(roundToDecimals(0.12345, 4), 0.1235);  // 0.1234500000000000004...
        QCOMPARE(roundToDecimals(0.99995, 4), 1.0);
        // Exact binary ties go to even, as in Python: round(0.125, 2) == 0.12, round(2.5) == 2.
        QCOMPARE(roundToDecimals(0.125, 2), 0.12);
        QCOMPARE(roundToDecimals(0.375, 2), 0.38);
        QCOMPARE(roundToDecimals(2.5, 0), 2.0);
        QVERIFY(std::isnan(roundToDecimals(std::numeric_limits<double>::quiet_NaN(), 4)));
    }

    void weightedF1MatchesScikitLearn()
    {
        // Class 0: tp 1, fp 1, fn 0 -> F1 2/3, support 1. Class 1: tp 2, fp 0, fn 1 -> F1 0.8,
        // support 3. Weighted: (2/3 + 3 * 0.8) / 4 = 23/30.
        QVERIFY(near(weightedF1({1, 1, 1, 0}, {1, 0, 1, 0}), 23.0 / 30.0));
        QVERIFY(near(accuracy({1, 1, 1, 0}, {1, 0, 1, 0}), 0.75));
    }

    void weightedF1WithOneClass()
    {
        // Only class 1 anywhere: its F1 is 1.
        QCOMPARE(weightedF1({1, 1, 1}, {1, 1, 1}), 1.0);
        // Truth all 1, predictions all 0: class 1 has recall 0 and precision 0/0 -> 0, and class 0
        // has no support, so the weighted F1 is 0.
        QCOMPARE(weightedF1({1, 1, 1, 1}, {0, 0, 0, 0}), 0.0);
        // Class 1: tp 2, fn 2 -> F1 2/3 with all the support; class 0 has weight 0.
        QVERIFY(near(weightedF1({1, 1, 1, 1}, {1, 1, 0, 0}), 2.0 / 3.0));
        QVERIFY(std::isnan(weightedF1({}, {})));
    }

    void pearsonLikeCorrcoef()
    {
        QVERIFY(near(pearson({1, 2, 3}, {2, 4, 6}), 1.0));
        QVERIFY(near(pearson({1, 2, 3}, {3, 2, 1}), -1.0));
        // Deviations (-1.5, -0.5, 0.5, 1.5) and (-1.5, 0.5, -0.5, 1.5): 4 / sqrt(5 * 5) = 0.8.
        QVERIFY(near(pearson({1, 2, 3, 4}, {1, 3, 2, 4}), 0.8));
        QVERIFY(std::isnan(pearson({1, 2, 3}, {0.1, 0.1, 0.1})));
        QVERIFY(std::isnan(pearson({1}, {2})));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, pearson({1, 2}, {1, 2, 3}));
    }

    void meanSumsPairwiseLikeNumpy()
    {
        // 10000 times 0.1f: adding one by one in float32 drifts to ~0.09999; NumPy's pairwise sum
        // stays within float32 resolution of 0.1f.
        const std::vector<double> tenths(10000, 0.1);
        const double mean = numpyMean(tenths, Precision::Float32);
        QVERIFY(near(mean, static_cast<double>(0.1f), 1e-7));
        QCOMPARE(numpyMean({1, 2, 3, 4}, Precision::Float64), 2.5);
        QVERIFY(near(meanAbsoluteError({0.5, -1.5}, {0.0, 0.0}, Precision::Float32), 1.0));
    }

    void mosiMetricsByHand()
    {
        const MetricList m = mmsaMosiMetrics(kMosiPred, kMosiLabel, MetricRounding::Exact);
        const QString mismatch = compare(m, {
            // Has0: truth (y >= 0) 1 1 0 1 0 1 0 1, prediction (p >= 0) 1 1 0 1 1 0 0 1: 6 of 8.
            {"Has0_acc_2", 0.75},
            // Class 0: tp 2, fp 1, fn 1 -> 2/3 (support 3); class 1: tp 4, fp 1, fn 1 -> 0.8
            // (support 5): (2 + 4) / 8.
            {"Has0_F1_score", 0.75},
            // Non0 keeps the 6 non-zero labels: truth (y > 0) 1 0 1 0 0 1, prediction 1 0 1 1 0 1.
            {"Non0_acc_2", 5.0 / 6.0},
            // Class 0: tp 2, fn 1 -> 0.8; class 1: tp 3, fp 1 -> 6/7; both support 3.
            {"Non0_F1_score", (0.8 + 6.0 / 7.0) / 2.0},
            // Clipped to +-2 and rounded: p 0 2 -2 2 0 0 -1 2, y 0 2 -2 2 -1 0 -1 2: 7 of 8.
            {"Mult_acc_5", 7.0 / 8.0},
            // Clipped to +-3 (see kMosiPred): misses at 0.4 vs -1 and 3.7 vs 2.4: 6 of 8. With
            // halves rounded away from zero, 0.5 and -2.5 would miss as well.
            {"Mult_acc_7", 6.0 / 8.0},
            // |p - y| = 0.5 0.5 0.5 0.4 1.4 0.3 0.2 1.3, sum 5.1 (float32 arithmetic, as MMSA).
            {"MAE", 5.1 / 8.0},
            {"Corr", 0.9199661933},
        });
        QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
    }

    void mosiMetricsRoundLikeMmsa()
    {
        const MetricList m = mmsaMosiMetrics(kMosiPred, kMosiLabel);
        QCOMPARE(metricValue(m, "Non0_acc_2"), 0.8333);
        QCOMPARE(metricValue(m, "Non0_F1_score"), 0.8286);
        QCOMPARE(metricValue(m, "MAE"), 0.6375);
        QCOMPARE(metricValue(m, "Corr"), 0.92);
    }

    void mosiMetricsWithOnlyZeroLabels()
    {
        const MetricList m = mmsaMosiMetrics({0.3, -0.2, 0.0}, {0.0, 0.0, 0.0});
        // Has0 counts 0 as positive: predictions 0.3 and 0.0 agree.
        QCOMPARE(metricValue(m, "Has0_acc_2"), 0.6667);
        QVERIFY(std::isnan(metricValue(m, "Non0_acc_2")));
        QVERIFY(std::isnan(metricValue(m, "Non0_F1_score")));
        QVERIFY(std::isnan(metricValue(m, "Corr")));  // constant labels
    }

    void mosiMetricsWithOneClass()
    {
        // Every label and prediction positive: both F1 values are 1.
        const MetricList m = mmsaMosiMetrics({0.5, 1.0, 2.0}, {1.0, 1.2, 2.2});
        QCOMPARE(metricValue(m, "Has0_F1_score"), 1.0);
        QCOMPARE(metricValue(m, "Non0_F1_score"), 1.0);
        QVERIFY_THROWS_EXCEPTION(std::out_of_range, metricValue(m, "Acc2"));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, mmsaMosiMetrics({1.0}, {1.0, 2.0}));
    }

    void simsMetricsByHand()
    {
        // Clipped: p -1 -0.7 -0.69 0 0.1 0.11 0.7 0.71 1; y -1 -0.8 -0.6 0 0.2 0 0.6 0.8 1.
        const MetricList m = mmsaSimsMetrics({-1.5, -0.7, -0.69, 0.0, 0.1, 0.11, 0.7, 0.71, 1.2},
                                             {-1.0, -0.8, -0.6, 0.0, 0.2, 0.0, 0.6, 0.8, 1.0},
                                             MetricRounding::Exact);
        const QString mismatch = compare(m, {
            // Two bins (zero is negative): p 0 0 0 0 1 1 1 1 1, y 0 0 0 0 1 0 1 1 1.
            {"Mult_acc_2", 8.0 / 9.0},
            // Three bins [-1,-0.1] (-0.1,0.1] (0.1,1]: p 0 0 0 1 1 2 2 2 2, y 0 0 0 1 2 1 2 2 2.
            {"Mult_acc_3", 7.0 / 9.0},
            // Five bins: p 0 0 1 2 2 3 3 4 4, y 0 0 1 2 3 2 3 4 4 (-0.7 and 0.7 close their bins).
            {"Mult_acc_5", 7.0 / 9.0},
            // Class 0: tp 4, fn 1 -> 8/9 (support 5); class 1: tp 4, fp 1 -> 8/9 (support 4).
            {"F1_score", 8.0 / 9.0},
            // |p - y| = 0 0.1 0.09 0 0.1 0.11 0.1 0.09 0, sum 0.59.
            {"MAE", 0.59 / 9.0},
            {"Corr", 0.9927629163},
        });
        QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
    }

    void simsMetricsRoundedAsMmsa()
    {
        // MMSA's metricsTop.py ends __eval_sims_regression with round(x, 4): 8/9 -> 0.8889,
        // 0.59/9 = 0.065555... -> 0.0656, r = 0.99276... -> 0.9928.
        const MetricList m = mmsaSimsMetrics({-1.5, -0.7, -0.69, 0.0, 0.1, 0.11, 0.7, 0.71, 1.2},
                                             {-1.0, -0.8, -0.6, 0.0, 0.2, 0.0, 0.6, 0.8, 1.0});
        QCOMPARE(metricValue(m, "Mult_acc_2"), 0.8889);
        QCOMPARE(metricValue(m, "Mult_acc_3"), 0.7778);
        QCOMPARE(metricValue(m, "MAE"), 0.0656);
        QCOMPARE(metricValue(m, "Corr"), 0.9928);
    }

    void simsBinsCompareInFloat32()
    {
        // 0.1000000001 is 0.1f in a float32 tensor, so MMSA puts it in the middle bin (<= 0.1);
        // a comparison in double would put it above.
        const MetricList m = mmsaSimsMetrics({0.1000000001}, {0.0});
        QCOMPARE(metricValue(m, "Mult_acc_3"), 1.0);
        QCOMPARE(metricValue(m, "Mult_acc_2"), 0.0);
    }

    void magBertMetricsByHand()
    {
        const MetricList kan = magBertMetrics(kMosiPred, kMosiLabel, MagBertVariant::KanMcp);
        const MetricList mib = magBertMetrics(kMosiPred, kMosiLabel, MagBertVariant::Mib);
        QVERIFY(near(metricValue(kan, "Acc7"), 6.0 / 8.0));
        // Non-zero labels, p >= 0 vs y >= 0: same classes as MMSA's Non0 here.
        QVERIFY(near(metricValue(kan, "Acc2"), 5.0 / 6.0));
        QVERIFY(near(metricValue(kan, "F1"), (0.8 + 6.0 / 7.0) / 2.0));
        // KAN-MCP: MAE over all 8; MIB: over the 6 non-zero labels, 0.5 0.5 0.4 1.4 0.2 1.3.
        QVERIFY(near(metricValue(kan, "MAE"), 5.1 / 8.0, 1e-6));
        QVERIFY(near(metricValue(mib, "MAE"), 4.3 / 6.0, 1e-6));
        QVERIFY(near(metricValue(mib, "Corr"), 0.924186687, 1e-6));
        QCOMPARE(metricValue(mib, "Acc7"), metricValue(kan, "Acc7"));
    }

    void magBertThresholdDiffersFromMmsa()
    {
        // A prediction of exactly 0 for a positive label: MMSA's Non0 asks p > 0 (wrong), the
        // MAG-BERT scripts ask p >= 0 (right).
        const std::vector<double> p{0.0, -1.0};
        const std::vector<double> y{1.0, -1.0};
        QCOMPARE(metricValue(mmsaMosiMetrics(p, y), "Non0_acc_2"), 0.5);
        QCOMPARE(metricValue(magBertMetrics(p, y, MagBertVariant::Mib), "Acc2"), 1.0);
    }

    void metricsByScale()
    {
        QCOMPARE(names(mmsaMetrics(MetricScale::Sims, {0.5}, {0.5})).front(), "Mult_acc_2");
        QCOMPARE(names(mmsaMetrics(MetricScale::Mosi, {0.5}, {0.5})).front(), "Has0_acc_2");
    }
};

QTEST_APPLESS_MAIN(TestMetrics)
#include "test_metrics.moc"
