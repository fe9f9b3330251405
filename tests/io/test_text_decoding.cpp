#include "core/io/text_decoding.h"
#include "core/common/error.h"
#include "tests/support/temp_project.h"

#include <QtTest>

using namespace sl::io;

class TestTextDecoding : public QObject {
    Q_OBJECT

private slots:
    void acceptsUtf8()
    {
        const QString text = QStringLiteral("héllo\n我不想嫁给李茶\n😀");
        QCOMPARE(decodeUtf8Text(text.toUtf8(), QStringLiteral("a.txt")), text);
        QCOMPARE(decodeUtf8Text(QByteArray(), QStringLiteral("a.txt")), QString());
    }

    void stripsUtf8ByteOrderMark()
    {
        QCOMPARE(decodeUtf8Text(QByteArray("\xEF\xBB\xBFvideo_id,clip_id"), QStringLiteral("a.csv")),
                 QStringLiteral("video_id,clip_id"));
    }

    void refusesInvalidBytes_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("message");
        const auto invalid = [](const char *byte, int line, int offset) {
            return QStringLiteral("f.txt: not UTF-8 text (invalid byte 0x%1 at line %2, offset %3); save the file as UTF-8")
                .arg(QLatin1String(byte))
                .arg(line)
                .arg(offset);
        };
        // Latin-1 "café" on line 3: the é (0xE9) is followed by ASCII, so it is not a lead byte.
        QTest::newRow("latin-1") << QByteArray("ab\ncd\ncaf\xE9 au lait\n") << invalid("E9", 3, 9);
        QTest::newRow("overlong slash") << QByteArray("x\xC0\xAF") << invalid("C0", 1, 1);
        QTest::newRow("overlong 3-byte") << QByteArray("\xE0\x80\xAF") << invalid("E0", 1, 0);
        QTest::newRow("overlong 4-byte") << QByteArray("\xF0\x8F\xBF\xBF") << invalid("F0", 1, 0);
        QTest::newRow("surrogate") << QByteArray("ok\n\xED\xA0\x80") << invalid("ED", 2, 3);
        QTest::newRow("above U+10FFFF") << QByteArray("\xF4\x90\x80\x80") << invalid("F4", 1, 0);
        QTest::newRow("never a lead byte") << QByteArray("a\xF5\x80\x80\x80") << invalid("F5", 1, 1);
        QTest::newRow("stray continuation") << QByteArray("a\x80") << invalid("80", 1, 1);
        QTest::newRow("bad third byte") << QByteArray("\xE6\x88" "A") << invalid("E6", 1, 0);
        QTest::newRow("truncated at end") << QByteArray("abc\xE6\x88") << invalid("E6", 1, 3);
        QTest::newRow("UTF-16 LE") << QByteArray("\xFF\xFEv\0i\0", 6) << "f.txt: is UTF-16 encoded; save it as UTF-8";
        QTest::newRow("UTF-16 BE") << QByteArray("\xFE\xFF\0v\0i", 6) << "f.txt: is UTF-16 encoded; save it as UTF-8";
        QTest::newRow("UTF-32 LE") << QByteArray("\xFF\xFE\0\0v\0\0\0", 8) << "f.txt: is UTF-32 encoded; save it as UTF-8";
        QTest::newRow("UTF-32 BE") << QByteArray("\0\0\xFE\xFF\0\0\0v", 8) << "f.txt: is UTF-32 encoded; save it as UTF-8";
    }

    void refusesInvalidBytes()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, message);
        try {
            decodeUtf8Text(bytes, QStringLiteral("f.txt"));
            QFAIL("no error");
        } catch (const sl::Error &e) {
            QCOMPARE(e.message(), message);
        }
    }

    void readsFile()
    {
        QTemporaryDir dir;
        const QString path = sl::test::writeFile(dir, QStringLiteral("t.txt"), "\xEF\xBB\xBF" "一二三\r\n");
        QCOMPARE(readUtf8File(path), QStringLiteral("一二三\r\n"));
    }

    void readErrorsNameTheFile()
    {
        QTemporaryDir dir;
        const QString missing = dir.filePath(QStringLiteral("nope.txt"));
        const QString bad = sl::test::writeFile(dir, QStringLiteral("bad.txt"), "\xE9t\xE9");
        const auto messageOf = [](const QString &path) {
            try {
                readUtf8File(path);
            } catch (const sl::Error &e) {
                return e.message();
            }
            return QString();
        };
        QCOMPARE(messageOf(missing), missing + QStringLiteral(": file not found"));
        QCOMPARE(messageOf(dir.path()), dir.path() + QStringLiteral(": is a folder, not a file"));
        QVERIFY(messageOf(bad).startsWith(bad + QStringLiteral(": not UTF-8 text (invalid byte 0xE9 at line 1, offset 0)")));
    }
};

QTEST_GUILESS_MAIN(TestTextDecoding)
#include "test_text_decoding.moc"
