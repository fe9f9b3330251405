#pragma once
// Words from Whisper's tokens. Whisper's byte-level BPE tokens are pieces of words: a token that
// starts with a space begins a new word, the others continue the current one, and a Chinese or
// Japanese character can even be split over two tokens. Scripts written without spaces (Han, kana,
// Thai) have no word marks at all; there each token's characters are kept as one word, so
// that every word still has its own time, and such a token starts a new word even without a space.
#include "core/language/recognition.h"

#include <QByteArray>
#include <QList>

namespace sl::language {

struct WhisperToken {
    QByteArray bytes;  // UTF-8, possibly an incomplete character
    double startSeconds = 0;
    double endSeconds = 0;
    double probability = 0;
};

// A word's time runs from its first token's start to its last token's end, its confidence is the
// mean of its tokens' probabilities. Times never go backwards: a word starts no earlier than the
// one before it and ends no earlier than it starts (Whisper's token times are estimates that can
// overlap by a frame).
QList<RecognizedWord> wordsFromTokens(const QList<WhisperToken> &tokens);

}  // namespace sl::language
