#include "core/common/number_format.h"

#include <QtTest>

class TestNumberFormat : public QObject {
    Q_OBJECT
private slots:
    void writesLikePythonRepr_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("text");
        QTest::newRow("integral") << -1.0 << QStringLiteral("-1.0");
        QTest::newRow("zero") << 0.0 << QStringLiteral("0.0");
        QTest::newRow("tenth") << 0.2 << QStringLiteral("0.2");
        QTest::newRow("float32 text") << 2.4000000953674316 << QStringLiteral("2.4000000953674316");
        QTest::newRow("negative fraction") << -0.6666666865348816 << QStringLiteral("-0.6666666865348816");
        QTest::newRow("small") << 0.0001 << QStringLiteral("0.0001");
        QTest::newRow("tiny") << 1e-05 << QStringLiteral("1e-05");
    }
    void writesLikePythonRepr()
    {
        QFETCH(double, value);
        QFETCH(QString, text);
        QCOMPARE(sl::formatLabelValue(value), text);
        QCOMPARE(sl::parseNumber(text), std::optional<double>(value));
    }

    void parsesWhatCsvCellsHold()
    {
        QCOMPARE(sl::parseNumber(QStringLiteral(" 1.5 ")), std::optional<double>(1.5));
        QCOMPARE(sl::parseNumber(QStringLiteral("+2")), std::optional<double>(2.0));
        QCOMPARE(sl::parseNumber(QStringLiteral("-3")), std::optional<double>(-3.0));
        QVERIFY(!sl::parseNumber(QStringLiteral("")));
        QVERIFY(!sl::parseNumber(QStringLiteral("1.5x")));
        QVERIFY(!sl::parseNumber(QStringLiteral("positive")));
    }
};

QTEST_GUILESS_MAIN(TestNumberFormat)
#include "test_number_format.moc"
