#pragma once
// Transcript as captions for a room: short lines, shown in time. Cues from subtitles or speech
// recognition (often one word each) are gathered into lines of a few words; a transcript without
// timings is split into lines that share the clip's duration evenly. Widget-free.
#include "core/store/clip_repository.h"

#include <QList>
#include <QString>

namespace sl::present {

struct CaptionLine {
    double startSeconds = 0;
    double endSeconds = 0;
    QString text;
};

// At most `maxWords` words per line; a pause longer than 0.6 s between cues also starts a line.
QList<CaptionLine> captionLines(const QList<store::TranscriptCueRecord> &cues, int maxWords);
// Without timings: `text` in lines of at most `maxWords`, spread evenly over `durationSeconds`.
QList<CaptionLine> evenCaptionLines(const QString &text, double durationSeconds, int maxWords);

// The line to show at `seconds`: the one that covers it, or the last one that started (a caption
// stays up through short pauses); empty before the first line.
QString captionAt(const QList<CaptionLine> &lines, double seconds);

}  // namespace sl::present
