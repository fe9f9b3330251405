#include "core/language/whisper_words.h"

#include "core/language/char_classes.h"

#include <algorithm>

namespace sl::language {

namespace {

// Whether `bytes` ends with a whole UTF-8 character (a lead byte followed by all its continuation
// bytes), so that nothing of the last character waits for the next token.
bool endsWithWholeCharacter(const QByteArray &bytes)
{
    int continuation = 0;
    for (qsizetype i = bytes.size() - 1; i >= 0; --i) {
        const auto byte = static_cast<unsigned char>(bytes[i]);
        if ((byte & 0xC0) == 0x80) {
            ++continuation;
            continue;
        }
        const int length = byte < 0x80 ? 1 : (byte >> 5) == 0x6 ? 2 : (byte >> 4) == 0xE ? 3 : (byte >> 3) == 0x1E ? 4 : 0;
        return length == continuation + 1;
    }
    return bytes.isEmpty();
}

// Scripts written without spaces between words: Han, kana and the CJK punctuation and full-width
// forms around them, Thai.
bool isUnspacedScript(char32_t c)
{
    return isCjkIdeograph(c) || (c >= 0x3000 && c <= 0x30FF) || (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x0E00 && c <= 0x0E7F);
}

bool endsInUnspacedScript(const QString &text)
{
    if (text.isEmpty())
        return false;
    const char32_t last = text.back().isLowSurrogate() && text.size() > 1
                              ? QChar::surrogateToUcs4(text[text.size() - 2], text.back())
                              : text.back().unicode();
    return isUnspacedScript(last);
}

// Whether a token begins with a character of such a script, so that it starts a word of its own even
// without a space. A token can hold only the first bytes of its first character; lead bytes E3 to E9
// begin the three-byte characters U+3000 to U+9FFF (CJK punctuation, kana, Han), which is enough.
bool startsInUnspacedScript(const QByteArray &token)
{
    if (token.isEmpty())
        return false;
    const auto lead = static_cast<unsigned char>(token[0]);
    if (lead >= 0xE3 && lead <= 0xE9)
        return true;
    const QString text = QString::fromUtf8(token);
    if (text.isEmpty() || text[0] == QChar::ReplacementCharacter)
        return false;
    const char32_t first = text[0].isHighSurrogate() && text.size() > 1 ? QChar::surrogateToUcs4(text[0], text[1]) : text[0].unicode();
    return isUnspacedScript(first);
}

struct Pending {
    QByteArray bytes;
    double start = 0, end = 0, probabilitySum = 0;
    int tokens = 0;
};

}  // namespace

QList<RecognizedWord> wordsFromTokens(const QList<WhisperToken> &tokens)
{
    QList<RecognizedWord> words;
    Pending word;
    const auto flush = [&] {
        const QString text = QString::fromUtf8(word.bytes).trimmed();
        if (!text.isEmpty()) {
            const double previousStart = words.isEmpty() ? 0.0 : words.back().startSeconds;
            const double start = std::max(word.start, previousStart);
            words << RecognizedWord{text, start, std::max(word.end, start), word.probabilitySum / word.tokens};
        }
        word = Pending{};
    };
    for (const WhisperToken &token : tokens) {
        const bool startsWord = (token.bytes.startsWith(' ') || startsInUnspacedScript(token.bytes))
                                && endsWithWholeCharacter(word.bytes);
        if (startsWord)
            flush();
        if (word.tokens == 0)
            word.start = token.startSeconds;
        word.bytes += token.bytes;
        word.end = token.endSeconds;
        word.probabilitySum += token.probability;
        ++word.tokens;
        if (endsWithWholeCharacter(word.bytes) && endsInUnspacedScript(QString::fromUtf8(word.bytes)))
            flush();
    }
    flush();
    return words;
}

}  // namespace sl::language
