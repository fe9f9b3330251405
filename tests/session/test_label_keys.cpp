#include "core/session/label_keys.h"

#include <QtTest>

using namespace sl;
using namespace sl::session;

class TestLabelKeys : public QObject {
    Q_OBJECT
private slots:
    void mosiKeys()
    {
        const LabelScale mosi(LabelScale::Kind::Mosi);
        QCOMPARE(applyLabelKey(mosi, std::nullopt, LabelKeyAction::Digit, 2), std::optional<double>(2.0));
        QCOMPARE(applyLabelKey(mosi, std::nullopt, LabelKeyAction::StepDown), std::optional<double>(-1.0));
        // "-" then "2": the digit keeps the negative sign.
        QCOMPARE(applyLabelKey(mosi, -1.0, LabelKeyAction::Digit, 2), std::optional<double>(-2.0));
        QCOMPARE(applyLabelKey(mosi, 2.0, LabelKeyAction::Digit, 9), std::optional<double>(3.0));  // clamped
        QCOMPARE(applyLabelKey(mosi, 3.0, LabelKeyAction::StepUp), std::optional<double>(3.0));
        QCOMPARE(applyLabelKey(mosi, 1.0, LabelKeyAction::FineUp), std::optional<double>(1.1));
        QCOMPARE(applyLabelKey(mosi, 1.1, LabelKeyAction::FineDown), std::optional<double>(1.0));
        QCOMPARE(applyLabelKey(mosi, -1.5, LabelKeyAction::Negate), std::optional<double>(1.5));
        QCOMPARE(applyLabelKey(mosi, 0.0, LabelKeyAction::Negate), std::optional<double>(0.0));
        QVERIFY(!std::signbit(*applyLabelKey(mosi, 0.0, LabelKeyAction::Negate)));
        QCOMPARE(applyLabelKey(mosi, 2.0, LabelKeyAction::Clear), std::optional<double>());
        QCOMPARE(applyLabelKey(mosi, -2.0, LabelKeyAction::Digit, 0), std::optional<double>(0.0));
    }

    void simsKeysStayOnTheGrid()
    {
        const LabelScale sims(LabelScale::Kind::Sims);
        QCOMPARE(applyLabelKey(sims, std::nullopt, LabelKeyAction::Digit, 3), std::optional<double>(0.6));
        QCOMPARE(applyLabelKey(sims, std::nullopt, LabelKeyAction::Digit, 7), std::optional<double>(1.0));
        QCOMPARE(applyLabelKey(sims, -0.2, LabelKeyAction::Digit, 4), std::optional<double>(-0.8));
        std::optional<double> value = 0.0;
        for (int i = 0; i < 3; ++i)
            value = applyLabelKey(sims, value, LabelKeyAction::StepUp);
        QCOMPARE(value, std::optional<double>(0.6));  // not 0.6000000000000001
        QVERIFY(sims.accepts(*value));
        QCOMPARE(applyLabelKey(sims, 1.0, LabelKeyAction::FineUp), std::optional<double>(1.0));
        QCOMPARE(applyLabelKey(sims, -1.0, LabelKeyAction::StepDown), std::optional<double>(-1.0));
    }

    void negateLeavesAnEmptyLabelEmpty()
    {
        // Issue 17: N on an unlabelled target wrote 0.00.
        const LabelScale mosi(LabelScale::Kind::Mosi);
        QCOMPARE(applyLabelKey(mosi, std::nullopt, LabelKeyAction::Negate), std::optional<double>());
        QVERIFY(!labelKeyLeavesScale(mosi, std::nullopt, LabelKeyAction::Negate));
    }

    void keysBeyondTheScaleAreReported()
    {
        // MOSI -3..3 with unit 1: digits 4..9 ask for more than 3; CH-SIMS -1..1 with unit 0.2:
        // digits 6..9 ask for more than 1 (5 x 0.2 = 1.0 is still on the scale).
        const LabelScale mosi(LabelScale::Kind::Mosi);
        const LabelScale sims(LabelScale::Kind::Sims);
        for (int digit = 0; digit <= 9; ++digit) {
            QCOMPARE(labelKeyLeavesScale(mosi, std::nullopt, LabelKeyAction::Digit, digit), digit > 3);
            QCOMPARE(labelKeyLeavesScale(mosi, -1.0, LabelKeyAction::Digit, digit), digit > 3);
            QCOMPARE(labelKeyLeavesScale(sims, std::nullopt, LabelKeyAction::Digit, digit), digit > 5);
        }
        QVERIFY(labelKeyLeavesScale(mosi, 3.0, LabelKeyAction::StepUp));
        QVERIFY(!labelKeyLeavesScale(mosi, 2.0, LabelKeyAction::StepUp));
        QVERIFY(labelKeyLeavesScale(mosi, -3.0, LabelKeyAction::FineDown));
        QVERIFY(!labelKeyLeavesScale(sims, 0.8, LabelKeyAction::FineUp));
        QVERIFY(!labelKeyLeavesScale(mosi, 2.0, LabelKeyAction::Clear));
    }
};

QTEST_GUILESS_MAIN(TestLabelKeys)
#include "test_label_keys.moc"
