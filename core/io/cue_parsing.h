#pragma once
// Pieces that SubRip and WebVTT share: both are blocks of lines separated by blank lines, a
// block being an optional cue id, a "START --> END" timing line and the cue's text.
#include "core/io/transcript.h"

#include <QStringList>

namespace sl::io::detail {

struct TextBlock {
    int firstLine = 0;  // 1-based line of lines[0]
    QStringList lines;
};

// Runs of non-blank lines (a line of only spaces counts as blank); LF, CRLF and CR all end lines.
QList<TextBlock> splitBlocks(const QString &text);

// What differs between the two formats when a cue block is read.
struct CueDialect {
    bool vtt = false;  // WebVTT: "." before milliseconds, hours optional, any cue id, entities
};

bool isTimingLine(const QString &line);
bool isCueNumber(const QString &line);  // a SubRip cue number: digits, maybe blanks around them

// Reads a block holding an optional id line, then a timing line, then text lines. Throws
// sl::Error naming fileName and the line for a missing or malformed timing line, or a cue that
// ends before it starts. With SubRip the id, when present, must be a number.
TranscriptCue parseCueBlock(const TextBlock &block, const QString &fileName, CueDialect dialect);

// Text of cue lines as a reader sees it: tags such as <i>, <v Speaker> and <00:00:01.000> removed,
// (WebVTT) character references such as &amp; decoded, whitespace collapsed.
QString cleanCueText(const QStringList &lines, CueDialect dialect);

// Builds the transcript whose text is the cue texts joined by spaces.
Transcript transcriptFromCues(QList<TranscriptCue> cues, const QString &format);

}  // namespace sl::io::detail
