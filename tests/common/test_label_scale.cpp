#include "core/common/label_scale.h"

#include <QtTest>

using sl::LabelScale;

class TestLabelScale : public QObject {
    Q_OBJECT
private slots:
    void mosiAcceptsContinuousValuesInRange()
    {
        const LabelScale mosi(LabelScale::Kind::Mosi);
        QVERIFY(mosi.accepts(-3.0));
        QVERIFY(mosi.accepts(3.0));
        QVERIFY(mosi.accepts(0.4000000059604645));  // float32 written as text, as in MOSI files
        QVERIFY(mosi.accepts(-1.3333));
        QVERIFY(!mosi.accepts(3.2));
        QVERIFY(!mosi.accepts(-3.01));
        QVERIFY(mosi.checkValue(3.5).contains(QStringLiteral("outside")));
        QVERIFY(!mosi.accepts(std::numeric_limits<double>::quiet_NaN()));
    }

    void simsAcceptsOnlyStepsOfPointTwo()
    {
        const LabelScale sims(LabelScale::Kind::Sims);
        for (int i = -5; i <= 5; ++i)
            QVERIFY2(sims.accepts(i * 0.2), qPrintable(QString::number(i * 0.2)));
        QVERIFY(sims.accepts(-0.800000011920929));  // float32 text of -0.8
        QVERIFY(!sims.accepts(0.5));
        QVERIFY(sims.checkValue(0.5).contains(QStringLiteral("steps")));
        QVERIFY(!sims.accepts(1.2));
        QVERIFY(!sims.accepts(-1.4));
    }

    void namesRoundTrip()
    {
        for (const QString &name : LabelScale::names())
            QCOMPARE(LabelScale::fromName(name)->name(), name);
        QCOMPARE(LabelScale::fromName(QStringLiteral("CH-SIMS"))->kind(), LabelScale::Kind::Sims);
        QVERIFY(!LabelScale::fromName(QStringLiteral("likert")));
    }

    void targetsHaveNamesAndMeanings()
    {
        for (sl::Target t : sl::kAllTargets) {
            QCOMPARE(sl::targetFromName(sl::targetName(t)), std::optional<sl::Target>(t));
            QVERIFY(sl::targetMeaning(t).startsWith(sl::targetName(t) + QLatin1Char(':')));
        }
        QVERIFY(!sl::targetFromName(QStringLiteral("X")));
    }
};

QTEST_GUILESS_MAIN(TestLabelScale)
#include "test_label_scale.moc"
