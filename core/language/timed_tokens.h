#pragma once
// Tokens of a transcript placed in time. Subtitle cues and recognised words carry times; a plain
// transcript does not, so its tokens are spread evenly over the clip.
#include "core/language/word_tokenizer.h"

#include <QList>

namespace sl::language {

// A cue of a subtitle file or one word from speech recognition. The same shape as io::TranscriptCue,
// declared again so that this library needs Qt Core only (sentilens_io brings the database).
struct TimedText {
    double startSeconds = 0;
    double endSeconds = 0;
    QString text;
};

struct TimedToken {
    Token token;
    double seconds = 0;  // when the token starts
};

// Used when the clip's duration is unknown: a typical speaking rate of 2.5 tokens per second.
inline constexpr double kNominalSecondsPerToken = 0.4;

// With cues, the tokens of each cue share its span evenly (a recognised word is one cue, so it
// keeps its own start). Without cues, the text's tokens share [0, durationSeconds) evenly; when
// the duration is not known (<= 0), each token takes kNominalSecondsPerToken.
QList<TimedToken> timeTokens(const QString &text, const QList<TimedText> &cues, double durationSeconds,
                             const TokenizerOptions &options);

}  // namespace sl::language
