#pragma once
// Which language a text is written in: first by its script (Han characters are Chinese, Hangul
// Korean, kana Japanese, ...), and where a script is shared by many languages (Latin, Cyrillic,
// Arabic, ...) by fastText's language identifier lid.176.ftz, when SentiLens was built with it.
#include <QString>

namespace sl::language {

struct LanguageGuess {
    QString code;           // ISO 639-1 code (en, zh, ...); empty when the text does not tell
    double confidence = 0;  // 0..1: fastText's probability, or the share of letters in the script
    QString method;         // "script", "fasttext" or "" (not identified)
};

// True when the fastText library and its model were found at build time and the model loads.
bool languageModelAvailable();

// Guesses the language of `text`. Texts without letters, and texts in a shared script when
// fastText is not available, give an empty code. Thread-safe.
LanguageGuess identifyLanguage(const QString &text);

// A language code as the user typed it ("EN", "zh-CN", "zh_TW") reduced to its ISO 639 part
// ("en", "zh"). Throws sl::Error for anything that is not 2 or 3 letters, optionally followed by a
// region.
QString normalizeLanguageCode(const QString &code);

}  // namespace sl::language
