// The two subtitle formats; what they share lives in cue_parsing.
#include "core/io/cue_parsing.h"
#include "core/io/file_error.h"
#include "core/io/transcript.h"

#include <QRegularExpression>

namespace sl::io {

using detail::CueDialect;

Transcript parseSrt(const QString &text, const QString &fileName)
{
    const CueDialect srt{false};
    QList<TranscriptCue> cues;
    for (const detail::TextBlock &block : detail::splitBlocks(text)) {
        // Many SubRip files put a blank line inside a cue's text; players show that text as
        // part of the cue before it, so a block with neither number nor timing is read so too.
        const bool startsCue = detail::isTimingLine(block.lines[0])
                               || (block.lines.size() > 1 && detail::isTimingLine(block.lines[1]))
                               || detail::isCueNumber(block.lines[0]);
        if (!startsCue && !cues.isEmpty()) {
            const QString more = detail::cleanCueText(block.lines, srt);
            cues.last().text = QStringList{cues.last().text, more}.join(u' ').trimmed();
            continue;
        }
        cues << detail::parseCueBlock(block, fileName, srt);
    }
    return detail::transcriptFromCues(std::move(cues), QStringLiteral("srt"));
}

Transcript parseVtt(const QString &text, const QString &fileName)
{
    const CueDialect vtt{true};
    const QList<detail::TextBlock> blocks = detail::splitBlocks(text);
    static const QRegularExpression header(QStringLiteral(R"(^WEBVTT([ \t].*)?$)"));
    if (blocks.isEmpty() || blocks[0].firstLine != 1 || !header.match(blocks[0].lines[0]).hasMatch())
        throwFileError(fileName, 1, QStringLiteral("missing WEBVTT header (a WebVTT file must start with the line WEBVTT)"));

    // Comment, style and region blocks carry nothing a transcript needs.
    static const QRegularExpression skipped(QStringLiteral(R"(^(NOTE|STYLE|REGION)([ \t].*)?$)"));
    QList<TranscriptCue> cues;
    for (qsizetype i = 1; i < blocks.size(); ++i) {
        if (!detail::isTimingLine(blocks[i].lines[0]) && skipped.match(blocks[i].lines[0]).hasMatch())
            continue;
        cues << detail::parseCueBlock(blocks[i], fileName, vtt);
    }
    return detail::transcriptFromCues(std::move(cues), QStringLiteral("vtt"));
}

}  // namespace sl::io
