// The presentation's headline follows the bars shown, and the line under the bars adds them up to
// the gauge (issue 17). Values worked by hand.
#include "ui/present/presentation_summary.h"

#include <QtTest>

using namespace sl::present;

namespace {

Contributions bars(double t, double a, double v, bool shapley = true, std::optional<double> start = std::nullopt)
{
    Contributions c;
    c.values = {t, a, v};
    c.shapley = shapley;
    c.start = start;
    return c;
}

}  // namespace

class TestPresentationSummary : public QObject {
    Q_OBJECT
private slots:
    void headlineFollowsTheSignsShown()
    {
        QCOMPARE(barAgreement(std::nullopt), BarAgreement::None);
        // All three the same way: agreement, whatever the playlist called the clip.
        QCOMPARE(barAgreement(bars(0.5, 0.2, 0.1)), BarAgreement::Agree);
        QCOMPARE(barAgreement(bars(-0.5, -0.2, -1.1)), BarAgreement::Agree);
        // A bar at zero pulls neither way.
        QCOMPARE(barAgreement(bars(0.5, 0.0, 0.1)), BarAgreement::Agree);
        // Bars whose largest is under a tenth of a point on the one-decimal gauge: no claim of
        // agreement or conflict (the demo's first clip showed T +0.06, A +0.01, V -0.01 under
        // "words say one thing, voice or face another").
        QCOMPARE(barAgreement(bars(0, 0, 0)), BarAgreement::Slight);
        QCOMPARE(barAgreement(bars(0.06, 0.01, -0.01)), BarAgreement::Slight);
        QCOMPARE(barAgreement(bars(-0.099, 0.0, 0.099)), BarAgreement::Slight);
        // A bar that rounds to 0.0 pulls neither way; one at half a tenth does.
        QCOMPARE(barAgreement(bars(0.1, 0.0, -0.04)), BarAgreement::Agree);
        QCOMPARE(barAgreement(bars(0.1, 0.0, -0.05)), BarAgreement::WordsDisagree);
        // Words against voice, words against face, words against both.
        QCOMPARE(barAgreement(bars(0.5, -0.2, 0.1)), BarAgreement::WordsDisagree);
        QCOMPARE(barAgreement(bars(0.5, 0.2, -0.1)), BarAgreement::WordsDisagree);
        QCOMPARE(barAgreement(bars(-0.5, 0.2, 0.1)), BarAgreement::WordsDisagree);
        // Words silent, voice and face apart.
        QCOMPARE(barAgreement(bars(0.0, 0.2, -0.1)), BarAgreement::OthersDisagree);
        // A sliver against a large bar pulls neither way (under a tenth of 1.2); a tenth does.
        QCOMPARE(barAgreement(bars(1.2, 0.8, -0.004)), BarAgreement::Agree);
        QCOMPARE(barAgreement(bars(1.2, 0.8, -0.119)), BarAgreement::Agree);
        QCOMPARE(barAgreement(bars(1.2, 0.8, -0.121)), BarAgreement::WordsDisagree);
        QCOMPARE(barAgreement(bars(0.01, 1.0, -0.3)), BarAgreement::OthersDisagree);  // words a sliver
    }

    void sumLineAddsUpToTheGauge()
    {
        // f(none) 0.12 + 0.50 - 0.20 + 0.10 = 0.52 (by hand).
        double end = 0;
        QCOMPARE(barSumLine(bars(0.5, -0.2, 0.1, true, 0.12), &end),
                 QStringLiteral("f(none) 0.12 + T 0.50 + A \u22120.20 + V 0.10 = 0.52"));
        QVERIFY(std::fabs(end - 0.52) < 1e-12);
        // Rounded parts add up as printed: 0.004 + 0.004 + 0.004 + 0.004 = 0.016 exactly, but the
        // line shows four 0.00 and their sum 0.00, while `end` keeps the exact 0.016.
        QCOMPARE(barSumLine(bars(0.004, 0.004, 0.004, true, 0.004), &end),
                 QStringLiteral("f(none) 0.00 + T 0.00 + A 0.00 + V 0.00 = 0.00"));
        QVERIFY(std::fabs(end - 0.016) < 1e-12);
        // Negative start, negative total; no "-0.00".
        QCOMPARE(barSumLine(bars(-1.236, 0.444, -0.001, true, -0.5)),
                 QStringLiteral("f(none) \u22120.50 + T \u22121.24 + A 0.44 + V 0.00 = \u22121.30"));
        // Unimodal predictions do not add up to anything; Shapley values without a start neither.
        QCOMPARE(barSumLine(bars(0.5, -0.2, 0.1, false, 0.12)), QString());
        QCOMPARE(barSumLine(bars(0.5, -0.2, 0.1, true)), QString());
    }
};

QTEST_MAIN(TestPresentationSummary)
#include "test_presentation_summary.moc"
