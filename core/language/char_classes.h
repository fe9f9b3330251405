#pragma once
// How the tokenisers see a single Unicode code point. Kept in one place so the word tokeniser and
// WordPiece agree on what is a letter, a CJK ideograph or punctuation.

namespace sl::language {

// CJK Unified Ideographs (with extensions A-E) and the compatibility ideographs: the ranges that
// BERT's basic tokeniser gives one token each. Hiragana, Katakana and Hangul are not in them;
// those scripts write words with several characters.
bool isCjkIdeograph(char32_t c);

// Letters, digits and combining marks: what words are made of.
bool isWordCharacter(char32_t c);

// Anything visible that is not a word character: punctuation, symbols, emoji.
bool isPunctuationOrSymbol(char32_t c);

bool isSpaceCharacter(char32_t c);

}  // namespace sl::language
