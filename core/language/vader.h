#pragma once
// VADER sentiment (Hutto & Gilbert 2014), re-implemented from its published rules: each word of
// the lexicon contributes its valence, changed by the words before it (negators flip it, boosters
// and dampeners push it by about 0.3, a word in capitals among lower-case ones is emphasised), a
// "but" shifts weight to what follows it, and the sum is squashed into a compound score in [-1, 1].
//
// Differences from the reference implementations: tokens come from tokenizeEnglish (so words and
// punctuation are split by the same rules as the features), idioms are recognised wherever they
// cover the word rather than only after three preceding words, and all comparisons ignore case.
#include "core/language/vader_lexicon.h"
#include "core/language/word_tokenizer.h"

#include <vector>

namespace sl::language {

struct TokenSentiment {
    double valence = 0;     // after all rules; 0 for words outside the lexicon and punctuation
    bool negated = false;   // a negator is among the kWindow words before this one
    double booster = 0;     // +1 booster, -1 dampener, 0 otherwise (the word itself)
    bool allCaps = false;   // written in capitals
};

struct SentimentScores {
    double compound = 0;  // normalised sum, -1..1; >= 0.05 is usually read as positive
    double positive = 0;  // shares of the text, summing to 1 (0 for empty text)
    double negative = 0;
    double neutral = 0;
};

class VaderAnalyzer {
public:
    explicit VaderAnalyzer(const VaderLexicon &lexicon = VaderLexicon::bundled()) : m_lexicon(&lexicon) {}

    // One entry per token. Tokens keep their case (capitals matter). As in VADER, punctuation and
    // one-letter words take no part in the rules; CJK ideographs do (with valence 0).
    std::vector<TokenSentiment> analyse(const QList<Token> &tokens) const;

    SentimentScores scores(const QList<Token> &tokens) const;
    SentimentScores scores(const QString &text) const { return scores(tokenizeEnglish(text)); }

private:
    const VaderLexicon *m_lexicon;
};

}  // namespace sl::language
