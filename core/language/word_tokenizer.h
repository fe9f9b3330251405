#pragma once
// Splitting text into word tokens, for English and for Chinese (mixed text included).
//
// English: whitespace separates chunks; punctuation at the edges of a chunk becomes tokens of its
// own, while apostrophes and hyphens between letters stay inside the word ("don't", "it's",
// "well-known") because VADER's negation rules and the lexicon need contractions whole. Commas and
// points between digits stay too ("3.5", "1,000"). A chunk made only of punctuation, two or more
// characters long (":)", "!!!", "..."), is kept as one token so emoticons survive.
//
// Chinese: every CJK ideograph is a token of its own, as BERT's basic tokeniser does; the runs in
// between (Latin words, digits, punctuation) are tokenised as English. With a ChineseSegmenter
// (cppjieba) in the options, runs of ideographs are cut into words instead (我来到北京清华大学 ->
// 我/来到/北京/清华大学); a one-character word is still an Ideograph token, longer ones are Words.
#include <QList>
#include <QString>
#include <QStringList>

namespace sl::language {

class ChineseSegmenter;

enum class TokenKind {
    Word,         // letters and digits, possibly with inner apostrophes, hyphens, points
    Ideograph,    // one CJK character
    Punctuation,  // a single punctuation mark or symbol
    Symbols,      // a run of punctuation kept whole (emoticon, "!!!", "...")
};

struct Token {
    QString text;
    TokenKind kind = TokenKind::Word;

    bool isWordLike() const { return kind == TokenKind::Word || kind == TokenKind::Ideograph; }
};

struct TokenizerOptions {
    bool lowerCase = false;
    bool splitCjk = true;  // one token per CJK ideograph; off: CJK runs are words like any other
    // With splitCjk: cut runs of ideographs into words with it (null: one token per ideograph).
    const ChineseSegmenter *segmenter = nullptr;
};

QList<Token> tokenize(const QString &text, const TokenizerOptions &options = {});

// The two tokenisers the app offers, as named presets of the above.
QList<Token> tokenizeEnglish(const QString &text, bool lowerCase = false);
QList<Token> tokenizeChinese(const QString &text, bool lowerCase = false);

QStringList tokenTexts(const QList<Token> &tokens);

}  // namespace sl::language
