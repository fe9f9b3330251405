// The agreement statistics against published worked examples (values as printed in the sources)
// and against independent formulations written here, not the library's code path.
#include "core/agreement/fleiss_kappa.h"
#include "core/agreement/icc.h"
#include "core/agreement/krippendorff_alpha.h"
#include "core/agreement/sentiment_classes.h"
#include "core/agreement/target_agreement.h"
#include "core/agreement/unit_spread.h"
#include "core/agreement/weighted_kappa.h"

#include <QTest>
#include <cmath>
#include <functional>
#include <optional>
#include <random>

using namespace sl::agreement;

namespace {

using Column = std::vector<std::optional<double>>;  // one rater's ratings, unit by unit

RatingMatrix fromRaters(const std::vector<Column> &raters)
{
    RatingMatrix m(raters.front().size(), raters.size());
    for (std::size_t r = 0; r < raters.size(); ++r)
        for (std::size_t u = 0; u < raters[r].size(); ++u)
            if (raters[r][u])
                m.set(u, r, *raters[r][u]);
    return m;
}

// Krippendorff's alpha straight from its definition: every ordered pair of values within a unit,
// weighted 1/(m_u - 1), against every ordered pair of pairable values in the whole data.
double alphaByDefinition(const std::vector<Column> &raters, const std::function<double(double, double)> &delta)
{
    std::vector<std::vector<double>> units;
    for (std::size_t u = 0; u < raters.front().size(); ++u) {
        std::vector<double> values;
        for (const Column &c : raters)
            if (c[u])
                values.push_back(*c[u]);
        if (values.size() >= 2)
            units.push_back(values);
    }
    std::vector<double> all;
    double observed = 0;
    for (const auto &values : units) {
        for (std::size_t i = 0; i < values.size(); ++i)
            for (std::size_t j = 0; j < values.size(); ++j)
                if (i != j)
                    observed += delta(values[i], values[j]) / double(values.size() - 1);
        all.insert(all.end(), values.begin(), values.end());
    }
    const double n = double(all.size());
    double expected = 0;
    for (double a : all)
        for (double b : all)
            expected += delta(a, b);
    return 1.0 - (observed / n) / (expected / (n * (n - 1)));
}

// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: 4 observers x 12
// units with missing values. Stated there: nominal 0.743, ordinal 0.815, interval 0.849.
const std::vector<Column> kKrippendorffData = {
    {1, 2, 3, 3, 2, 1, 4, 1, 2, {}, {}, {}},
    {1, 2, 3, 3, 2, 2, 4, 1, 2, 5, {}, 3},
    {{}, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, {}},
    {1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, {}},
};

// Shrout and Fleiss (1979), Table 2: 6 targets rated by 4 judges. Stated: BMS 11.24, JMS 32.49,
// EMS 1.02 (Table 3); ICC(2,1) = .29 and ICC(2,4) = .62 (Table 4).
const std::vector<std::vector<double>> kShroutFleiss = {
    {9, 2, 5, 8}, {6, 1, 3, 2}, {8, 4, 6, 8}, {7, 1, 2, 6}, {10, 5, 6, 9}, {6, 2, 4, 7}};

bool near(double a, double b, double tolerance) { return std::fabs(a - b) <= tolerance; }

}  // namespace

class TestAgreementStats : public QObject {
    Q_OBJECT

private slots:
    void krippendorffPublishedExample()
    {
        const RatingMatrix m = fromRaters(kKrippendorffData);
        const AlphaResult nominal = krippendorffAlpha(m, AlphaMetric::Nominal);
        const AlphaResult ordinal = krippendorffAlpha(m, AlphaMetric::Ordinal);
        const AlphaResult interval = krippendorffAlpha(m, AlphaMetric::Interval);
        QVERIFY2(near(nominal.alpha, 0.743, 0.0005), qPrintable(QString::number(nominal.alpha)));
        QVERIFY2(near(ordinal.alpha, 0.815, 0.0005), qPrintable(QString::number(ordinal.alpha)));
        QVERIFY2(near(interval.alpha, 0.849, 0.0005), qPrintable(QString::number(interval.alpha)));
        // Unit 12 has one value, so 40 of the 41 values are pairable (stated n = 40), in 11 units.
        QCOMPARE(interval.pairableValues, 40.0);
        QCOMPARE(interval.units, std::size_t(11));
        // Exactly equal to the definition computed pair by pair.
        QVERIFY(near(nominal.alpha, alphaByDefinition(kKrippendorffData, [](double a, double b) { return a == b ? 0.0 : 1.0; }), 1e-12));
        QVERIFY(near(interval.alpha, alphaByDefinition(kKrippendorffData, [](double a, double b) { return (a - b) * (a - b); }), 1e-12));
    }

    void intervalAlphaClosedFormMatchesDefinitionOnContinuousData()
    {
        std::mt19937 rng(7);
        std::normal_distribution<double> truth(0, 1.2), noise(0, 0.6);
        std::bernoulli_distribution missing(0.25);
        std::vector<Column> raters(4, Column(60));
        for (std::size_t u = 0; u < 60; ++u) {
            const double t = truth(rng);
            for (Column &c : raters)
                if (!missing(rng))
                    c[u] = t + noise(rng);
        }
        const double expected = alphaByDefinition(raters, [](double a, double b) { return (a - b) * (a - b); });
        const double got = krippendorffAlpha(fromRaters(raters), AlphaMetric::Interval).alpha;
        QVERIFY2(near(got, expected, 1e-10), qPrintable(QStringLiteral("%1 vs %2").arg(got).arg(expected)));
        QVERIFY(got > 0.5 && got < 0.95);  // truth variance 1.44 against noise 0.36
    }

    void alphaIsUndefinedWithoutPairsOrVariation()
    {
        RatingMatrix lonely(3, 2);
        lonely.set(0, 0, 1);
        lonely.set(1, 1, 2);
        QVERIFY(std::isnan(krippendorffAlpha(lonely, AlphaMetric::Interval).alpha));
        RatingMatrix same(2, 2);
        for (std::size_t u = 0; u < 2; ++u)
            for (std::size_t r = 0; r < 2; ++r)
                same.set(u, r, 1.0);
        QVERIFY(std::isnan(krippendorffAlpha(same, AlphaMetric::Nominal).alpha));
    }

    void shroutFleissPublishedExample()
    {
        RatingMatrix m(6, 4);
        for (std::size_t u = 0; u < 6; ++u)
            for (std::size_t r = 0; r < 4; ++r)
                m.set(u, r, kShroutFleiss[u][r]);
        const IccResult icc = icc2(m);
        QVERIFY2(near(icc.bms, 11.24, 0.005), qPrintable(QString::number(icc.bms)));
        QVERIFY2(near(icc.jms, 32.49, 0.005), qPrintable(QString::number(icc.jms)));
        QVERIFY2(near(icc.ems, 1.02, 0.005), qPrintable(QString::number(icc.ems)));
        QVERIFY2(near(icc.single, 0.29, 0.005), qPrintable(QString::number(icc.single)));
        QVERIFY2(near(icc.average, 0.62, 0.005), qPrintable(QString::number(icc.average)));
        QCOMPARE(icc.units, std::size_t(6));
    }

    void iccUsesCompleteCasesOnly()
    {
        RatingMatrix m(8, 4);
        for (std::size_t u = 0; u < 6; ++u)
            for (std::size_t r = 0; r < 4; ++r)
                m.set(u, r, kShroutFleiss[u][r]);
        // Two more units, each missing one judge: left out, the result is the table's.
        m.set(6, 0, 1);
        m.set(6, 1, 9);
        m.set(7, 3, 4);
        const IccResult icc = icc2(m);
        QCOMPARE(icc.units, std::size_t(6));
        QCOMPARE(icc.unitsDropped, std::size_t(2));
        QVERIFY(near(icc.single, 0.2897, 0.0001));
    }

    void fleissPublishedExample()
    {
        // Fleiss' kappa worked example (Wikipedia, "Fleiss' kappa"): 10 subjects, 14 raters,
        // 5 categories. Stated: P = 0.378, P_e = 0.213, kappa = 0.210.
        const std::vector<std::vector<double>> counts = {
            {0, 0, 0, 0, 14}, {0, 2, 6, 4, 2}, {0, 0, 3, 5, 6}, {0, 3, 9, 2, 0}, {2, 2, 8, 1, 1},
            {7, 7, 0, 0, 0},  {3, 2, 6, 3, 0}, {2, 5, 3, 2, 2}, {6, 5, 2, 1, 0}, {0, 2, 2, 3, 7}};
        const FleissResult k = fleissKappa(counts);
        QVERIFY2(near(k.kappa, 0.210, 0.0005), qPrintable(QString::number(k.kappa)));
        QVERIFY(near(k.observed, 0.378, 0.0005));
        QVERIFY(near(k.expected, 0.213, 0.0005));
    }

    void fleissWithUnequalRatersByHand()
    {
        // Unit 0: three raters, categories {0,0,1}: P_0 = (2*1)/(3*2) = 1/3. Unit 1: two raters,
        // {1,1}: P_1 = 1. Unit 2: one rating, left out. P = 2/3. Pooled shares over the 5 rated
        // values of units 0-1: p = (2/5, 3/5), P_e = 13/25. kappa = (2/3 - 13/25) / (12/25) = 11/36.
        RatingMatrix m(3, 3);
        m.set(0, 0, -1);
        m.set(0, 1, -2);
        m.set(0, 2, 0);
        m.set(1, 0, 0);
        m.set(1, 2, 0);
        m.set(2, 1, 3);
        const FleissResult k = fleissKappa(m, 2, [](double v) { return v < 0 ? 0 : 1; });
        QCOMPARE(k.units, std::size_t(2));
        QVERIFY2(near(k.kappa, 11.0 / 36.0, 1e-12), qPrintable(QString::number(k.kappa)));
    }

    void quadraticKappaEqualsItsCovarianceForm()
    {
        // Quadratic-weighted kappa equals 2 cov(a,b) / (var a + var b + (mean a - mean b)^2) with
        // population moments (Fleiss and Cohen 1973): an independent route to the same number.
        std::mt19937 rng(11);
        std::uniform_int_distribution<int> cls(0, 6), shift(-1, 1);
        std::bernoulli_distribution missing(0.2);
        RatingMatrix m(80, 2);
        std::vector<double> a, b;
        for (std::size_t u = 0; u < 80; ++u) {
            const int x = cls(rng), y = std::clamp(x + shift(rng) + (u % 5 == 0 ? 2 : 0), 0, 6);
            const bool dropA = missing(rng), dropB = missing(rng);
            if (!dropA)
                m.set(u, 0, x);
            if (!dropB)
                m.set(u, 1, y);
            if (!dropA && !dropB) {
                a.push_back(x);
                b.push_back(y);
            }
        }
        const double n = double(a.size());
        double ma = 0, mb = 0;
        for (std::size_t i = 0; i < a.size(); ++i) {
            ma += a[i] / n;
            mb += b[i] / n;
        }
        double va = 0, vb = 0, cov = 0;
        for (std::size_t i = 0; i < a.size(); ++i) {
            va += (a[i] - ma) * (a[i] - ma) / n;
            vb += (b[i] - mb) * (b[i] - mb) / n;
            cov += (a[i] - ma) * (b[i] - mb) / n;
        }
        const KappaResult k = quadraticWeightedKappa(m, 0, 1, 7);
        QCOMPARE(k.units, a.size());
        const double expected = 2 * cov / (va + vb + (ma - mb) * (ma - mb));
        QVERIFY2(near(k.kappa, expected, 1e-12), qPrintable(QStringLiteral("%1 vs %2").arg(k.kappa).arg(expected)));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, quadraticWeightedKappa(m, 0, 1, 5));
    }

    void sentimentClassesFollowMmsa()
    {
        // MOSI: clip to -3..3, round half to even (numpy), shift to 0..6.
        QCOMPARE(ordinalClass(ScaleKind::Mosi, -3.4), 0);
        QCOMPARE(ordinalClass(ScaleKind::Mosi, -2.5), 1);
        QCOMPARE(ordinalClass(ScaleKind::Mosi, 0.5), 3);
        QCOMPARE(ordinalClass(ScaleKind::Mosi, 0.51), 4);
        QCOMPARE(ordinalClass(ScaleKind::Mosi, 1.5), 5);
        QCOMPARE(ordinalClass(ScaleKind::Mosi, 3.0), 6);
        // CH-SIMS: MMSA's bins on the 0.2 steps.
        const double sims[] = {-1.0, -0.8, -0.6, -0.4, -0.2, 0.0, 0.2, 0.4, 0.6, 0.8, 1.0};
        const int expected[] = {0, 0, 1, 1, 1, 2, 3, 3, 3, 4, 4};
        for (int i = 0; i < 11; ++i)
            QCOMPARE(ordinalClass(ScaleKind::Sims, sims[i]), expected[i]);
        QCOMPARE(polarityClass(-0.2), 0);
        QCOMPARE(polarityClass(0.0), 1);
        QCOMPARE(polarityClass(1.4), 2);
    }

    void spreadsPutTheWidestDisagreementFirst()
    {
        RatingMatrix m(4, 3);
        m.set(0, 0, 1);
        m.set(0, 1, 1.5);  // range 0.5
        m.set(1, 0, -2);
        m.set(1, 1, 2);
        m.set(1, 2, 0);  // range 4, sd 2
        m.set(2, 2, 3);  // one rating: no spread
        m.set(3, 0, 0);
        m.set(3, 2, 4);  // range 4, sd 2.83
        const std::vector<UnitSpread> s = unitSpreads(m);
        QCOMPARE(s.size(), std::size_t(3));
        QCOMPARE(s[0].unit, std::size_t(3));
        QCOMPARE(s[1].unit, std::size_t(1));
        QCOMPARE(s[2].unit, std::size_t(0));
        QVERIFY(near(s[1].sd, 2.0, 1e-12));
        QVERIFY(near(s[0].mean, 2.0, 1e-12));
    }

    void targetReportCombinesEveryStatistic()
    {
        RatingMatrix m(6, 4);
        for (std::size_t u = 0; u < 6; ++u)
            for (std::size_t r = 0; r < 4; ++r)
                m.set(u, r, kShroutFleiss[u][r] / 3.5 - 1.5);  // onto the MOSI range
        const TargetAgreement t = computeAgreement(m, ScaleKind::Mosi);
        QCOMPARE(t.units, std::size_t(6));
        QCOMPARE(t.ratings, std::size_t(24));
        QCOMPARE(t.pairs.size(), std::size_t(6));
        QVERIFY(near(t.icc.single, 0.2897, 0.0001));  // ICC is invariant to a linear rescaling
        QCOMPARE(t.spreads.size(), std::size_t(6));
        QVERIFY(t.alphaOrdinal.units == 6 && !std::isnan(t.alphaOrdinal.alpha));
    }

    void badCellsAreRefused()
    {
        RatingMatrix m(2, 2);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, m.set(0, 0, std::nan("")));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, m.set(2, 0, 1.0));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, fleissKappa(std::vector<std::vector<double>>{{1, 1}, {2}}));
    }
};

QTEST_APPLESS_MAIN(TestAgreementStats)
#include "test_agreement_stats.moc"
