#include "core/io/transcript.h"
#include "core/common/error.h"
#include "tests/support/temp_project.h"

#include <QtTest>

using namespace sl::io;

namespace {

// The message of the sl::Error that reading `name` with these bytes throws, or "" if none.
QString readError(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = sl::test::writeFile(dir, name, bytes);
    try {
        readTranscriptFile(path);
    } catch (const sl::Error &e) {
        return e.message();
    }
    return QString();
}

// Format, text, then one "start-end text" line per cue (milliseconds are the files' precision),
// so that a whole transcript is checked by one QCOMPARE.
QStringList describe(const Transcript &t)
{
    QStringList out = {t.format, t.text};
    for (const TranscriptCue &cue : t.cues)
        out << QStringLiteral("%1-%2 %3").arg(cue.startSeconds, 0, 'f', 3).arg(cue.endSeconds, 0, 'f', 3).arg(cue.text);
    return out;
}

}  // namespace

class TestTranscript : public QObject {
    Q_OBJECT

private slots:
    void init() { QVERIFY(m_dir.isValid()); }

    void plainTextIsNormalised()
    {
        const QString path = sl::test::writeFile(m_dir, QStringLiteral("a.txt"), "\xEF\xBB\xBF  So I\r\n\r\nwent   there.\n\tReally \n");
        QCOMPARE(describe(readTranscriptFile(path)), (QStringList{"txt", "So I went there. Really"}));
    }

    void srtCues()
    {
        const QByteArray srt = "1\r\n00:00:01,000 --> 00:00:02,500\r\nHello <i>there</i>,\r\nfriend.\r\n\r\n"
                               "2\r\n01:02:03,004 --> 01:02:04,000 X1:10 X2:20\r\n3 < 4 <font color=\"red\">yes</font>\r\n";
        QCOMPARE(describe(readTranscriptFile(sl::test::writeFile(m_dir, QStringLiteral("a.SRT"), srt))),
                 (QStringList{"srt", "Hello there, friend. 3 < 4 yes", "1.000-2.500 Hello there, friend.",
                              "3723.004-3724.000 3 < 4 yes"}));
    }

    void srtWithoutNumbersOrFinalNewlineAndWithBlankLineInText()
    {
        const QByteArray srt = "00:00:00,000 --> 00:00:01,000\nfirst\n\nstill first\n\n"
                               "7\n00:00:01.000 --> 00:00:02,000\nsecond";
        QCOMPARE(describe(readTranscriptFile(sl::test::writeFile(m_dir, QStringLiteral("b.srt"), srt))),
                 (QStringList{"srt", "first still first second", "0.000-1.000 first still first", "1.000-2.000 second"}));
    }

    void vttCues()
    {
        const QByteArray vtt = "WEBVTT - a title\nKind: captions\n\n"
                               "NOTE this is\na comment --> with an arrow\n\n"
                               "STYLE\n::cue { color: red }\n\n"
                               "intro\n00:01.000 --> 00:02.000 align:start position:10%\n"
                               "<v Roger Bingham>We are <b>here</b>\n\n"
                               "00:00:02.500 --> 00:00:04.000\n<c.loud>Fish</c> &amp; <00:00:03.000>chips &lt;3&gt;&nbsp;ok\n";
        QCOMPARE(describe(readTranscriptFile(sl::test::writeFile(m_dir, QStringLiteral("c.Vtt"), vtt))),
                 (QStringList{"vtt", "We are here Fish & chips <3> ok", "1.000-2.000 We are here",
                              "2.500-4.000 Fish & chips <3> ok"}));
    }

    void malformedSubtitles_data()
    {
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("message");
        const auto row = [](const char *fileName, const char *tag, const char *bytes, const char *message) {
            QTest::addRow("%s: %s", fileName, tag) << QString::fromLatin1(fileName) << QByteArray(bytes) << QString::fromLatin1(message);
        };
        row("bad.srt", "bad timestamp", "1\n00:00:01,000 --> 00:00:02,000\nok\n\n2\n00:00:03,000 --> 00:0l:04,000\nx\n",
            ":6: malformed timestamp '00:0l:04,000' (expected HH:MM:SS,mmm)");
        row("bad.srt", "seconds past 59", "1\n00:00:61,000 --> 00:01:02,000\nx\n",
            ":2: malformed timestamp '00:00:61,000' (expected HH:MM:SS,mmm)");
        row("bad.srt", "end before start", "\n\n1\n00:00:05,000 --> 00:00:04,000\nx\n",
            ":4: cue ends (00:00:04,000) before it starts (00:00:05,000)");
        row("bad.srt", "no arrow", "1\n00:00:01,000 - 00:00:02,000\nx\n", ":2: expected a cue timing line 'START --> END'");
        row("bad.srt", "not a cue number", "one\n00:00:01,000 --> 00:00:02,000\nx\n", ":1: expected a cue number, found 'one'");
        const char *noHeader = ":1: missing WEBVTT header (a WebVTT file must start with the line WEBVTT)";
        row("bad.vtt", "no header", "00:01.000 --> 00:02.000\nx\n", noHeader);
        row("bad.vtt", "WEBVTTX", "WEBVTTX\n\n00:01.000 --> 00:02.000\nx\n", noHeader);
        row("bad.vtt", "comma in timestamp", "WEBVTT\n\n00:00:01,000 --> 00:00:02.000\nx\n",
            ":3: malformed timestamp '00:00:01,000' (expected HH:MM:SS.mmm or MM:SS.mmm)");
        row("bad.vtt", "end before start", "WEBVTT\n\nid\n00:03.000 --> 00:02.000\nx\n",
            ":4: cue ends (00:02.000) before it starts (00:03.000)");
        row("bad.vtt", "id without timing", "WEBVTT\n\nid\njust text\n", ":4: expected a cue timing line 'START --> END'");
    }

    void malformedSubtitles()
    {
        QFETCH(QString, fileName);
        QFETCH(QByteArray, bytes);
        QFETCH(QString, message);
        QCOMPARE(readError(m_dir, fileName, bytes), m_dir.filePath(fileName) + message);
    }

    void fileErrorsNameTheFile()
    {
        const QString doc = m_dir.filePath(QStringLiteral("t.docx"));
        QCOMPARE(readError(m_dir, QStringLiteral("t.docx"), "x"),
                 doc + QStringLiteral(": unsupported transcript type '.docx' (expected .txt, .srt or .vtt)"));
        const QString latin = m_dir.filePath(QStringLiteral("l.srt"));
        QCOMPARE(readError(m_dir, QStringLiteral("l.srt"), "1\n00:00:01,000 --> 00:00:02,000\nd\xE9j\xE0\n"),
                 latin + QStringLiteral(": not UTF-8 text (invalid byte 0xE9 at line 3, offset 33); save the file as UTF-8"));
        // Issue 18, defect 12: a NUL (here UTF-16 without a byte order mark) used to pass.
        const QString nul = m_dir.filePath(QStringLiteral("n.txt"));
        QCOMPARE(readError(m_dir, QStringLiteral("n.txt"), QByteArray("ok\nh\0i\0", 7)),
                 nul + QStringLiteral(":2: contains a NUL character; a transcript must be UTF-8 text"));
        const QString missing = m_dir.filePath(QStringLiteral("missing.vtt"));
        try {
            readTranscriptFile(missing);
            QFAIL("no error");
        } catch (const sl::Error &e) {
            QCOMPARE(e.message(), missing + QStringLiteral(": file not found"));
        }
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestTranscript)
#include "test_transcript.moc"
