#include "core/io/cue_parsing.h"

#include "core/io/file_error.h"

#include <QRegularExpression>

namespace sl::io::detail {
namespace {

const QString kArrow = QStringLiteral("-->");

// SubRip writes HH:MM:SS,mmm; many tools write a dot instead, which is harmless to accept.
// WebVTT requires the dot and allows the hours to be left out (MM:SS.mmm).
const QRegularExpression &timestampPattern(CueDialect dialect)
{
    static const QRegularExpression srt(QStringLiteral(R"(^(\d+):([0-5]\d):([0-5]\d)[,.](\d{3})$)"));
    static const QRegularExpression vtt(QStringLiteral(R"(^(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})$)"));
    return dialect.vtt ? vtt : srt;
}

double parseTimestamp(const QString &text, const QString &fileName, int line, CueDialect dialect)
{
    const QRegularExpressionMatch m = timestampPattern(dialect).match(text);
    if (!m.hasMatch())
        throwFileError(fileName, line, QStringLiteral("malformed timestamp '%1' (expected %2)")
                                           .arg(text, dialect.vtt ? QStringLiteral("HH:MM:SS.mmm or MM:SS.mmm")
                                                                  : QStringLiteral("HH:MM:SS,mmm")));
    return m.captured(1).toDouble() * 3600 + m.captured(2).toDouble() * 60 + m.captured(3).toDouble()
           + m.captured(4).toDouble() / 1000;
}

// Replaces the character references WebVTT allows in cue text, in one pass so that "&amp;lt;"
// becomes "&lt;" and not "<".
QString decodeEntities(const QString &text)
{
    static const QList<std::pair<QString, QString>> entities = {
        {QStringLiteral("&amp;"), QStringLiteral("&")},  {QStringLiteral("&lt;"), QStringLiteral("<")},
        {QStringLiteral("&gt;"), QStringLiteral(">")},   {QStringLiteral("&quot;"), QStringLiteral("\"")},
        {QStringLiteral("&apos;"), QStringLiteral("'")}, {QStringLiteral("&nbsp;"), QStringLiteral(" ")},
        {QStringLiteral("&lrm;"), QString()},            {QStringLiteral("&rlm;"), QString()},
    };
    QString out;
    for (qsizetype i = 0; i < text.size();) {
        bool replaced = false;
        if (text[i] == u'&') {
            for (const auto &[name, value] : entities) {
                if (QStringView(text).mid(i).startsWith(name)) {
                    out += value;
                    i += name.size();
                    replaced = true;
                    break;
                }
            }
        }
        if (!replaced)
            out += text[i++];
    }
    return out;
}

}  // namespace

QList<TextBlock> splitBlocks(const QString &text)
{
    static const QRegularExpression lineBreak(QStringLiteral("\r\n|\r|\n"));
    const QStringList lines = text.split(lineBreak);
    QList<TextBlock> blocks;
    bool inBlock = false;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (lines[i].trimmed().isEmpty()) {
            inBlock = false;
            continue;
        }
        if (!inBlock)
            blocks << TextBlock{int(i) + 1, {}};
        blocks.last().lines << lines[i];
        inBlock = true;
    }
    return blocks;
}

bool isTimingLine(const QString &line)
{
    return line.contains(kArrow);
}

bool isCueNumber(const QString &line)
{
    static const QRegularExpression number(QStringLiteral(R"(^\s*\d+\s*$)"));
    return number.match(line).hasMatch();
}

TranscriptCue parseCueBlock(const TextBlock &block, const QString &fileName, CueDialect dialect)
{
    qsizetype timing = 0;
    if (!isTimingLine(block.lines[0])) {
        if (!dialect.vtt && !isCueNumber(block.lines[0]))
            throwFileError(fileName, block.firstLine,
                           QStringLiteral("expected a cue number, found '%1'").arg(block.lines[0]));
        timing = 1;
    }
    const int line = block.firstLine + int(timing);
    if (timing >= block.lines.size() || !isTimingLine(block.lines[timing]))
        throwFileError(fileName, line, QStringLiteral("expected a cue timing line 'START --> END'"));

    // Anything after the end time (WebVTT cue settings, SubRip coordinates) does not concern us.
    const QString &timingLine = block.lines[timing];
    const qsizetype arrow = timingLine.indexOf(kArrow);
    const QString startText = timingLine.left(arrow).trimmed();
    const QString endText = timingLine.mid(arrow + kArrow.size()).trimmed().section(u' ', 0, 0).section(u'\t', 0, 0);
    TranscriptCue cue;
    cue.startSeconds = parseTimestamp(startText, fileName, line, dialect);
    cue.endSeconds = parseTimestamp(endText, fileName, line, dialect);
    if (cue.endSeconds < cue.startSeconds)
        throwFileError(fileName, line, QStringLiteral("cue ends (%1) before it starts (%2)").arg(endText, startText));
    cue.text = cleanCueText(block.lines.mid(timing + 1), dialect);
    return cue;
}

QString cleanCueText(const QStringList &lines, CueDialect dialect)
{
    // A tag starts with a letter or '/' (<i>, </b>, <v Speaker>, <c.loud>) or is a timestamp
    // (<00:00:01.000>); a lone '<' in SubRip text ("3 < 4") is left alone.
    static const QRegularExpression tag(QStringLiteral(R"(<(/?[A-Za-z][^<>]*|[0-9][0-9:.]*)>)"));
    QString text = lines.join(u' ');
    text.remove(tag);
    if (dialect.vtt)
        text = decodeEntities(text);
    return text.simplified();
}

Transcript transcriptFromCues(QList<TranscriptCue> cues, const QString &format)
{
    QStringList words;
    for (const TranscriptCue &cue : cues)
        if (!cue.text.isEmpty())
            words << cue.text;
    return Transcript{words.join(u' '), std::move(cues), format};
}

}  // namespace sl::io::detail
