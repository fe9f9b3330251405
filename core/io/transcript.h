#pragma once
// Transcripts that come with a clip: plain text, SubRip (.srt) or WebVTT (.vtt).
#include <QList>
#include <QString>

namespace sl::io {

struct TranscriptCue {
    double startSeconds = 0;
    double endSeconds = 0;
    QString text;  // markup removed, lines joined by single spaces
};

struct Transcript {
    QString text;  // the words of the whole file on one line: cue texts joined by spaces
    QList<TranscriptCue> cues;  // empty for plain text
    QString format;             // "txt", "srt" or "vtt"
};

// Reads a transcript, choosing the format by extension (.txt, .srt, .vtt, any letter case).
// Throws sl::Error naming the file (and the line, where there is one) when the file is missing,
// not UTF-8, of another type, or malformed: a bad timestamp, a cue that ends before it starts,
// a WebVTT file without its WEBVTT header.
Transcript readTranscriptFile(const QString &path);

// Checks timed cues against the length of their clip (issue 18, defect 12): a cue that starts at or
// after the clip's end cannot belong to it and is refused (sl::Error naming the file, the cue's
// times and the clip's length); a cue that starts inside the clip and runs past its end is cut at
// the end (subtitle files often hold the last line a little longer). clipSeconds <= 0 (unknown)
// checks nothing.
void fitCuesToClip(Transcript &transcript, double clipSeconds, const QString &file);

// The parsers behind readTranscriptFile, for text already in memory; fileName is used in errors.
Transcript parsePlainTranscript(const QString &text);
Transcript parseSrt(const QString &text, const QString &fileName);
Transcript parseVtt(const QString &text, const QString &fileName);

}  // namespace sl::io
