#include "ui/present/caption_track.h"


namespace sl::present {

namespace {
constexpr double kPauseStartsLine = 0.6;

int wordCount(const QString &text) { return int(text.split(QLatin1Char(' '), Qt::SkipEmptyParts).size()); }
}  // namespace

QList<CaptionLine> captionLines(const QList<store::TranscriptCueRecord> &cues, int maxWords)
{
    QList<CaptionLine> lines;
    int words = 0;
    for (const store::TranscriptCueRecord &cue : cues) {
        const QString text = cue.text.simplified();
        if (text.isEmpty())
            continue;
        const int cueWords = wordCount(text);
        const bool startLine = lines.isEmpty() || words + cueWords > maxWords ||
                               cue.startSeconds - lines.last().endSeconds > kPauseStartsLine;
        if (startLine) {
            lines << CaptionLine{cue.startSeconds, cue.endSeconds, text};
            words = cueWords;
        } else {
            lines.last().text += QLatin1Char(' ') + text;
            lines.last().endSeconds = cue.endSeconds;
            words += cueWords;
        }
    }
    return lines;
}

QList<CaptionLine> evenCaptionLines(const QString &text, double durationSeconds, int maxWords)
{
    const QStringList words = text.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QList<CaptionLine> lines;
    if (words.isEmpty() || maxWords <= 0)
        return lines;
    const double perWord = durationSeconds > 0 ? durationSeconds / double(words.size()) : 0.4;
    for (qsizetype first = 0; first < words.size(); first += maxWords) {
        const qsizetype count = std::min<qsizetype>(maxWords, words.size() - first);
        lines << CaptionLine{double(first) * perWord, double(first + count) * perWord, words.mid(first, count).join(QLatin1Char(' '))};
    }
    return lines;
}

QString captionAt(const QList<CaptionLine> &lines, double seconds)
{
    QString shown;
    for (const CaptionLine &line : lines) {
        if (line.startSeconds > seconds)
            break;
        shown = line.text;
    }
    return shown;
}

}  // namespace sl::present
