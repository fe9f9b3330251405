#include "core/io/label_csv.h"
#include "core/common/number_format.h"
#include "tests/support/temp_project.h"

#include <QFile>
#include <QtTest>

using namespace sl::io;

namespace {

// A row as text, so that whole rows can be compared and printed by QCOMPARE.
QStringList describe(const LabelCsvRow &row)
{
    const auto opt = [](const std::optional<double> &v) { return v ? sl::formatLabelValue(*v) : QStringLiteral("<none>"); };
    return QStringList{row.videoId, row.clipId, row.text, sl::formatLabelValue(row.label), opt(row.labelT),
                       opt(row.labelA), opt(row.labelV), row.annotation, row.mode}
           + row.extraValues;
}

QList<QStringList> describe(const QList<LabelCsvRow> &rows)
{
    QList<QStringList> out;
    for (const LabelCsvRow &row : rows)
        out << describe(row);
    return out;
}

QByteArray readBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString readError(const QString &path)
{
    try {
        readLabelCsv(path);
    } catch (const sl::Error &e) {
        return e.message();
    }
    return QString();
}

const QByteArray kMmsaHeader = "video_id,clip_id,text,label,label_T,label_A,label_V,annotation,mode\n";

}  // namespace

class TestLabelCsv : public QObject {
    Q_OBJECT

private slots:
    void init() { QVERIFY(m_dir.isValid()); }

    void readsMmsaOrder()
    {
        const QByteArray bytes = kMmsaHeader
                                 + "video_0001,0001,我不想嫁给李茶,-1.0,-1.0,-1.0,-1.0,Negative,train\n"
                                   "video_0001,0002,\"Well, he said \"\"no\"\" twice\",0.6000000238418579,0.2,-0.4,1.0,Positive,valid\n"
                                   "03bSnISJMiM,1,\"line one\nline two\",2.4000000953674316,,,,,test\n";
        const QString path = sl::test::writeFile(m_dir, QStringLiteral("label.csv"), bytes);
        const LabelCsvFile file = readLabelCsv(path);
        QCOMPARE(file.path, path);
        QVERIFY2(file.problems.isEmpty(), qPrintable(sl::toStrings(file.problems).join(u'\n')));
        QCOMPARE(file.header, mmsaLabelCsvHeader());
        QVERIFY(file.extraColumns.isEmpty());
        QCOMPARE(describe(file.rows),
                 (QList<QStringList>{
                     {"video_0001", "0001", "我不想嫁给李茶", "-1.0", "-1.0", "-1.0", "-1.0", "Negative", "train"},
                     {"video_0001", "0002", "Well, he said \"no\" twice", "0.6000000238418579", "0.2", "-0.4", "1.0", "Positive", "valid"},
                     {"03bSnISJMiM", "1", "line one\nline two", "2.4000000953674316", "<none>", "<none>", "<none>", "", "test"},
                 }));
        QCOMPARE(file.rows[0].line, 2);
        QCOMPARE(file.rows[2].line, 4);
        QCOMPARE(file.rows[1].label, 0.6000000238418579);
        QCOMPARE(file.rows[0].labelT, std::optional<double>(-1.0));
    }

    void readsMoseiAndOtherOrders()
    {
        const QByteArray mosei = "video_id,clip_id,text,label,annotation,mode,label_T,label_A,label_V\n"
                                 "--qXJuDtHPw,5,I see that a writer is somebody,1.0,Positive,train,,,\n";
        const QByteArray shuffled = "mode,label,clip_id,video_id\n"
                                    "train,1.0,5,--qXJuDtHPw\n";
        const QStringList expected = {"--qXJuDtHPw", "5", "I see that a writer is somebody", "1.0", "<none>", "<none>", "<none>", "Positive", "train"};
        const LabelCsvFile a = readLabelCsv(sl::test::writeFile(m_dir, QStringLiteral("mosei.csv"), mosei));
        QCOMPARE(describe(a.rows), QList<QStringList>{expected});
        const LabelCsvFile b = readLabelCsv(sl::test::writeFile(m_dir, QStringLiteral("shuffled.csv"), shuffled));
        QCOMPARE(describe(b.rows), (QList<QStringList>{{"--qXJuDtHPw", "5", "", "1.0", "<none>", "<none>", "<none>", "", "train"}}));
    }

    void pandasFileIsReproducedByteForByte_data()
    {
        QTest::addColumn<int>("rows");
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("sims") << 3 << kMmsaHeader + "video_0001,0001,我不想嫁给李茶,-1.0,-1.0,-1.0,-1.0,Negative,train\n"
                                               "video_0001,0010,\"好吧，“真的”, 他说 \"\"不\"\"\",0.6000000238418579,0.8,0.0,-0.2,Positive,valid\n"
                                               "video_0002,0001,\"two\nlines\",-0.4000000059604645,-0.6,-1.0,0.2,Negative,test\n";
        QTest::newRow("mosei order, empty unimodal") << 3 << QByteArray("video_id,clip_id,text,label,annotation,mode,label_T,label_A,label_V\n"
                                                                    "-3g5yACwYnA,10,\"Key, and \"\"quoted\"\" words\",-0.6666666865348816,Negative,train,,,\n"
                                                                    "007,0,ok,3.0,Positive,test,,,\n"
                                                                    "007,00,,0.0,,valid,,,\n");
        QTest::newRow("extra columns") << 2 << QByteArray("speaker,video_id,clip_id,text,label,label_T,label_A,label_V,annotation,mode,notes\n"
                                                      "Ann,v1,0001,hi,1e-05,,,,Neutral,train,\"a, b\"\n"
                                                      ",v1,0002,hi,-2.5,,,,,train,\n");
    }

    void pandasFileIsReproducedByteForByte()
    {
        QFETCH(int, rows);
        QFETCH(QByteArray, bytes);
        const LabelCsvFile file = readLabelCsv(sl::test::writeFile(m_dir, QStringLiteral("in.csv"), bytes));
        QVERIFY2(file.problems.isEmpty(), qPrintable(sl::toStrings(file.problems).join(u'\n')));
        QCOMPARE(file.rows.size(), qsizetype(rows));
        const QString out = m_dir.filePath(QStringLiteral("out.csv"));
        writeLabelCsv(out, file.header, file.rows);
        QCOMPARE(readBytes(out), bytes);
    }

    void extraColumnsAreKeptInOrder()
    {
        const QByteArray bytes = "speaker,video_id,clip_id,text,label,annotation,mode,notes\n"
                                 "Ann,v1,0001,hi,1.0,Positive,train,first\n";
        const LabelCsvFile file = readLabelCsv(sl::test::writeFile(m_dir, QStringLiteral("x.csv"), bytes));
        QCOMPARE(file.extraColumns, (QStringList{"speaker", "notes"}));
        QCOMPARE(file.rows.size(), 1);
        QCOMPARE(file.rows[0].extraValues, (QStringList{"Ann", "first"}));
    }

    void rewritingIsStable()
    {
        // Not pandas style (CRLF, needless quotes, "+1", blanks around numbers): the bytes change
        // on writing, but what is read back must not.
        const QByteArray bytes = "\xEF\xBB\xBF" "clip_id,video_id,label,mode,label_A,extra\r\n"
                                 "\"0001\",\"v 1\",+1,train, 0.5 ,\"x\"\r\n"
                                 "0002,v 1,-0,test,,\"multi\r\nline\"\r\n";
        const LabelCsvFile first = readLabelCsv(sl::test::writeFile(m_dir, QStringLiteral("odd.csv"), bytes));
        QVERIFY(first.problems.isEmpty());
        QCOMPARE(first.rows.size(), 2);
        const QString out = m_dir.filePath(QStringLiteral("again.csv"));
        writeLabelCsv(out, first.header, first.rows);
        const LabelCsvFile second = readLabelCsv(out);
        QVERIFY(second.problems.isEmpty());
        QCOMPARE(second.header, first.header);
        QCOMPARE(second.extraColumns, first.extraColumns);
        QCOMPARE(describe(second.rows), describe(first.rows));
        QCOMPARE(readBytes(out), QByteArray("clip_id,video_id,label,mode,label_A,extra\n"
                                            "0001,v 1,1.0,train,0.5,x\n"
                                            "0002,v 1,-0.0,test,,\"multi\r\nline\"\n"));
    }

    void rowProblems()
    {
        static const char kNulRow[] = "v1,0010,a\0b,0.2,,,,Neutral,test\n";
        const QByteArray bytes = kMmsaHeader
                                 + "v1,0001,ok,0.2,,,,Positive,train\n"  // line 2
                                   "v1,0002,short,0.2,,,\n"
                                   ",0003,no video,0.2,,,,Neutral,train\n"
                                   "v1,,no clip,0.2,,,,Neutral,train\n"
                                   "v1,0004,x,abc,,,,Neutral,train\n"
                                   "v1,0005,x,0.2,,,,Neutral,dev\n"
                                   "v1,0001,dup,0.4,,,,Neutral,test\n"
                                   "v1,0006,x,,,,,Neutral,test\n"
                                   "v1,0007,x,0.2,high,,,Neutral,test\n"
                                   ",0008,x,0.2,,,,Neutral,Train\n"
                                 + QByteArray(kNulRow, sizeof(kNulRow) - 1)  // issue 18, defect 12
                                 + "v1,0009,\"never closed,0.2,,,,Neutral,test\n";
        const QString path = sl::test::writeFile(m_dir, QStringLiteral("bad.csv"), bytes);
        const LabelCsvFile file = readLabelCsv(path);
        QCOMPARE(describe(file.rows), (QList<QStringList>{{"v1", "0001", "ok", "0.2", "<none>", "<none>", "<none>", "Positive", "train"}}));
        QStringList expected = {
            "3: expected 9 fields, found 7",
            "4: empty video_id",
            "5: empty clip_id",
            "6: label 'abc' is not a number",
            "7: unknown split 'dev' (expected train, valid or test)",
            "8: duplicate clip v1/0001, first seen on line 2",
            "9: empty label (a number is required)",
            "10: label_T 'high' is not a number",
            "11: empty video_id",
            "11: unknown split 'Train' (expected train, valid or test)",
            "12: field 3 contains a NUL character",
            "13: field 3 opens a quote that is never closed (missing closing quote)",
        };
        for (QString &e : expected)
            e.prepend(path + u':');
        QStringList actual = sl::toStrings(file.problems);
        std::stable_sort(actual.begin(), actual.end(), [&](const QString &a, const QString &b) {
            return a.mid(path.size() + 1).section(u':', 0, 0).toInt() < b.mid(path.size() + 1).section(u':', 0, 0).toInt();
        });
        QCOMPARE(actual, expected);
    }

    void unsafeIds_data()
    {
        QTest::addColumn<QByteArray>("videoId");
        QTest::addColumn<QByteArray>("clipId");
        QTest::addColumn<QString>("problem");
        QTest::newRow("parent") << QByteArray("../evil") << QByteArray("1") << "unsafe video_id '../evil': contains '/'";
        QTest::newRow("dot-dot") << QByteArray("v") << QByteArray("..") << "unsafe clip_id '..': is '..'";
        QTest::newRow("dot") << QByteArray(".") << QByteArray("1") << "unsafe video_id '.': is '.'";
        QTest::newRow("absolute") << QByteArray("/etc") << QByteArray("1") << "unsafe video_id '/etc': contains '/'";
        QTest::newRow("backslash") << QByteArray("v") << QByteArray("..\\x") << "unsafe clip_id '..\\x': contains '\\'";
        QTest::newRow("drive") << QByteArray("C:evil") << QByteArray("1") << "unsafe video_id 'C:evil': starts with a drive letter";
        QTest::newRow("tab") << QByteArray("v") << QByteArray("a\tb") << "unsafe clip_id 'a\tb': contains the control character U+0009";
        QTest::newRow("nul") << QByteArray("v\0x", 3) << QByteArray("1") << QString("unsafe video_id 'v") + QChar(0) + "x': contains the control character U+0000";
    }

    void unsafeIds()
    {
        QFETCH(QByteArray, videoId);
        QFETCH(QByteArray, clipId);
        QFETCH(QString, problem);
        const QByteArray bytes = kMmsaHeader + videoId + ',' + clipId + ",t,0.0,,,,,train\nok,1,t,0.0,,,,,test\n";
        const QString path = sl::test::writeFile(m_dir, QStringLiteral("ids.csv"), bytes);
        const LabelCsvFile file = readLabelCsv(path);
        QCOMPARE(sl::toStrings(file.problems),
                 QStringList{path + ":2: " + problem + " (ids name files inside the dataset folder)"});
        QCOMPARE(file.rows.size(), 1);
        QCOMPARE(file.rows[0].videoId, QStringLiteral("ok"));
    }

    void wholeFileErrors()
    {
        const QString missing = m_dir.filePath(QStringLiteral("none.csv"));
        QCOMPARE(readError(missing), missing + QStringLiteral(": file not found"));

        const QString latin = sl::test::writeFile(m_dir, QStringLiteral("latin.csv"), kMmsaHeader + "v,1,caf\xE9,0.0,,,,,train\n");
        const qsizetype offset = kMmsaHeader.size() + qsizetype(strlen("v,1,caf"));
        QCOMPARE(readError(latin), latin + QStringLiteral(": not UTF-8 text (invalid byte 0xE9 at line 2, offset %1); save the file as UTF-8").arg(offset));

        const QString empty = sl::test::writeFile(m_dir, QStringLiteral("empty.csv"), "\n\n");
        QCOMPARE(readError(empty), empty + QStringLiteral(": empty file (expected a header naming the columns video_id, clip_id, label and mode)"));

        const QString noClip = sl::test::writeFile(m_dir, QStringLiteral("noclip.csv"), "\nvideo_id,text,label\nv,t,1.0\n");
        QCOMPARE(readError(noClip), noClip + QStringLiteral(":2: missing required column(s) clip_id, mode (the header has: video_id, text, label)"));

        const QString twice = sl::test::writeFile(m_dir, QStringLiteral("twice.csv"), "video_id,clip_id,label,mode,label\n");
        QCOMPARE(readError(twice), twice + QStringLiteral(":1: column 'label' appears more than once"));

        // Issue 18, defect 12: label_T's name lost; its labels used to vanish without a word.
        const QString unnamed = sl::test::writeFile(m_dir, QStringLiteral("unnamed.csv"), "video_id,clip_id,label,,mode\nv,1,1.0,0.5,train\n");
        QCOMPARE(readError(unnamed), unnamed + QStringLiteral(":1: column 4 of the header has no name"));

        const QString brokenHeader = sl::test::writeFile(m_dir, QStringLiteral("header.csv"), "video_id,\"clip_id,label,mode\nv,1,1.0,train\n");
        QCOMPARE(readError(brokenHeader), brokenHeader + QStringLiteral(":1: field 2 opens a quote that is never closed (missing closing quote)"));
    }

    void failedWriteLeavesNoFileAndNamesIt()
    {
        // Tests run as root, where permissions do not stop writes; a regular file standing where
        // the parent folder should be does.
        const QString blocker = sl::test::writeFile(m_dir, QStringLiteral("blocker"), "not a folder");
        const QString path = blocker + QStringLiteral("/label.csv");
        LabelCsvRow row;
        row.videoId = QStringLiteral("v");
        row.clipId = QStringLiteral("1");
        row.mode = QStringLiteral("train");
        try {
            writeLabelCsv(path, mmsaLabelCsvHeader(), {row});
            QFAIL("no error");
        } catch (const sl::Error &e) {
            QVERIFY2(e.message().startsWith(path + QStringLiteral(": cannot be written (")), qPrintable(e.message()));
        }
        QVERIFY(!QFile::exists(path));
        QCOMPARE(readBytes(blocker), QByteArray("not a folder"));
    }

    void writerRefusesHeaderWithoutRequiredColumns()
    {
        const QString path = m_dir.filePath(QStringLiteral("w.csv"));
        try {
            writeLabelCsv(path, {"video_id", "clip_id", "label"}, {});
            QFAIL("no error");
        } catch (const sl::Error &e) {
            QCOMPARE(e.message(), path + QStringLiteral(": missing required column(s) mode (the header has: video_id, clip_id, label)"));
        }
        QVERIFY(!QFile::exists(path));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestLabelCsv)
#include "test_label_csv.moc"
