#include "core/io/csv.h"

#include <QtTest>

using namespace sl::io;

namespace {

QList<QStringList> fieldsOf(const CsvTable &table)
{
    QList<QStringList> out;
    for (const CsvRecord &r : table.records)
        out << r.fields;
    return out;
}

QList<int> linesOf(const CsvTable &table)
{
    QList<int> out;
    for (const CsvRecord &r : table.records)
        out << r.line;
    return out;
}

}  // namespace

class TestCsv : public QObject {
    Q_OBJECT

private slots:
    void plainRecords()
    {
        const CsvTable t = parseCsv(QStringLiteral("a,b,c\n1,,3\n"), QStringLiteral("x.csv"));
        QVERIFY(t.problems.isEmpty());
        QCOMPARE(fieldsOf(t), (QList<QStringList>{{"a", "b", "c"}, {"1", "", "3"}}));
        QCOMPARE(linesOf(t), (QList<int>{1, 2}));
    }

    void trailingNewlineIsOptional()
    {
        const CsvTable t = parseCsv(QStringLiteral("a,b\n1,2"), QStringLiteral("x.csv"));
        QCOMPARE(fieldsOf(t), (QList<QStringList>{{"a", "b"}, {"1", "2"}}));
        // A trailing comma is an empty last field, not nothing.
        QCOMPARE(fieldsOf(parseCsv(QStringLiteral("a,\n"), QString())), (QList<QStringList>{{"a", ""}}));
    }

    void quotedFields()
    {
        const CsvTable t = parseCsv(QStringLiteral("id,text\n1,\"Hello, \"\"world\"\"\"\n2,\"\"\n3,ab\"c\n"),
                                    QStringLiteral("x.csv"));
        QVERIFY(t.problems.isEmpty());
        QCOMPARE(fieldsOf(t), (QList<QStringList>{{"id", "text"}, {"1", "Hello, \"world\""}, {"2", ""}, {"3", "ab\"c"}}));
    }

    void embeddedLineBreaksKeepTheirKindAndCountLines()
    {
        const QString text = QStringLiteral("h1,h2\r\n\"two\nlines\",x\r\n\"crlf\r\ninside\",y\r\nlast,z\r\n");
        const CsvTable t = parseCsv(text, QStringLiteral("x.csv"));
        QVERIFY(t.problems.isEmpty());
        QCOMPARE(fieldsOf(t), (QList<QStringList>{{"h1", "h2"}, {"two\nlines", "x"}, {"crlf\r\ninside", "y"}, {"last", "z"}}));
        QCOMPARE(linesOf(t), (QList<int>{1, 2, 4, 6}));
    }

    void blankLinesAreSkipped()
    {
        const CsvTable t = parseCsv(QStringLiteral("\na,b\n\n\r\n1,2\n\n"), QStringLiteral("x.csv"));
        QCOMPARE(fieldsOf(t), (QList<QStringList>{{"a", "b"}, {"1", "2"}}));
        QCOMPARE(linesOf(t), (QList<int>{2, 5}));
        // A quoted empty field is a record, not a blank line.
        QCOMPARE(fieldsOf(parseCsv(QStringLiteral("\"\"\n"), QString())), (QList<QStringList>{{""}}));
    }

    void unterminatedQuoteIsAProblem()
    {
        const CsvTable t = parseCsv(QStringLiteral("a,b\n1,2\n3,\"open\n4,5\n"), QStringLiteral("x.csv"));
        QCOMPARE(fieldsOf(t), (QList<QStringList>{{"a", "b"}, {"1", "2"}}));
        QCOMPARE(sl::toStrings(t.problems),
                 QStringList{"x.csv:3: field 2 opens a quote that is never closed (missing closing quote)"});
    }

    void textAfterClosingQuoteIsAProblem()
    {
        const CsvTable t = parseCsv(QStringLiteral("a,b\n1,\"He said \"hi\" there\"\n2,3\n"), QStringLiteral("x.csv"));
        QCOMPARE(fieldsOf(t), (QList<QStringList>{{"a", "b"}, {"2", "3"}}));
        QCOMPARE(sl::toStrings(t.problems),
                 QStringList{"x.csv:2: text after the closing quote of field 2 "
                             "(quotes inside a quoted field must be doubled)"});
    }

    void formatsWithMinimalQuoting()
    {
        QCOMPARE(formatCsvRow({"a", "b c", "", "0001"}), QStringLiteral("a,b c,,0001\n"));
        QCOMPARE(formatCsvRow({"x,y", "say \"hi\"", "l1\nl2", "cr\r"}),
                 QStringLiteral("\"x,y\",\"say \"\"hi\"\"\",\"l1\nl2\",\"cr\r\"\n"));
        QCOMPARE(formatCsvRow({"我不想嫁给李茶"}), QStringLiteral("我不想嫁给李茶\n"));
        QCOMPARE(formatCsvRow({""}), QStringLiteral("\"\"\n"));
    }

    void formatThenParseRoundTrips()
    {
        const QList<QStringList> rows = {{"id", "text"}, {"1", "a, \"b\"\r\nc"}, {""}, {"", ""}, {" spaced ", "'"}};
        QString text;
        for (const QStringList &r : rows)
            text += formatCsvRow(r);
        const CsvTable t = parseCsv(text, QString());
        QVERIFY(t.problems.isEmpty());
        QCOMPARE(fieldsOf(t), rows);
    }
};

QTEST_GUILESS_MAIN(TestCsv)
#include "test_csv.moc"
