#include "core/language/vader.h"

#include "core/language/vader_rules.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace sl::language {

using namespace vader;

namespace {

// A token that VADER reasons about, with its lower-case form and its index among all tokens.
struct Item {
    QString word;
    QString lower;
    int token = 0;
};

std::vector<Item> itemsOf(const QList<Token> &tokens)
{
    std::vector<Item> items;
    for (int t = 0; t < tokens.size(); ++t) {
        const Token &token = tokens[t];
        // VADER drops single characters ("I", "a") and bare punctuation before applying its rules,
        // which keeps them out of the three-word window.
        if (token.kind == TokenKind::Punctuation || (token.kind == TokenKind::Word && token.text.toUcs4().size() < 2))
            continue;
        items.push_back(Item{token.text, token.text.toLower(), t});
    }
    return items;
}

double signOf(double value) { return value < 0 ? -1.0 : 1.0; }

bool isSoOrThis(const QString &word) { return word == u"so" || word == u"this"; }

// Applies the rules to every item of one text.
class RuleEngine {
public:
    RuleEngine(const VaderLexicon &lexicon, const std::vector<Item> &items) : m_lexicon(lexicon), m_items(items)
    {
        const auto caps = std::count_if(items.begin(), items.end(), [](const Item &item) { return isAllCaps(item.word); });
        // Capitals only emphasise when they stand out: some words are in capitals, not all.
        m_capsStandOut = caps > 0 && caps < std::ptrdiff_t(items.size());
    }

    double valence(int i) const
    {
        if (boosterScalar(m_items[i].lower) != 0 || startsDampenerPhrase(i))
            return 0;  // modifiers carry no valence of their own
        const std::optional<double> base = m_lexicon.valence(m_items[i].lower);
        if (!base)
            return 0;
        double v = *base;
        if (m_capsStandOut && isAllCaps(m_items[i].word))
            v += signOf(v) * kCapsEmphasis;
        // Farther modifiers count a little less.
        static constexpr std::array<double, kWindow> distanceWeight{1.0, 0.95, 0.9};
        for (int d = 1; d <= kWindow && d <= i; ++d) {
            if (m_lexicon.contains(m_items[i - d].lower))
                continue;  // a sentiment word before this one is not a modifier of it
            v += boosterEffect(i - d, v) * distanceWeight[d - 1];
            v = negationRule(i, d, v);
        }
        v = phraseRule(i, v);
        return leastRule(i, v);
    }

    bool negated(int i) const
    {
        for (int d = 1; d <= kWindow && d <= i; ++d)
            if (isNegator(m_items[i - d].lower))
                return true;
        return false;
    }

    double boosterSign(int i) const
    {
        if (startsDampenerPhrase(i))
            return -1;
        const double scalar = boosterScalar(m_items[i].lower);
        return scalar > 0 ? 1 : (scalar < 0 ? -1 : 0);
    }

private:
    QString lowerAt(int i) const { return i >= 0 && i < int(m_items.size()) ? m_items[i].lower : QString(); }

    bool startsDampenerPhrase(int i) const
    {
        return isDampenerPhrase(lowerAt(i) + QLatin1Char(' ') + lowerAt(i + 1));
    }

    // A booster pushes the valence away from zero, a dampener towards it; in capitals, more so.
    double boosterEffect(int j, double v) const
    {
        double scalar = boosterScalar(m_items[j].lower);
        if (scalar == 0)
            return 0;
        scalar *= signOf(v);
        if (m_capsStandOut && isAllCaps(m_items[j].word))
            scalar += signOf(v) * kCapsEmphasis;
        return scalar;
    }

    // A negator d words back flips the valence, except that "never so/this ..." emphasises.
    double negationRule(int i, int d, double v) const
    {
        const bool neverSo = d >= 2 && lowerAt(i - d) == u"never" && isSoOrThis(lowerAt(i - d + 1));
        const bool neverSoFar = d == 3 && lowerAt(i - 3) == u"never" && isSoOrThis(lowerAt(i - 1));
        if (d == 2 && neverSo)
            return v * 1.5;
        if (d == 3 && (neverSo || neverSoFar))
            return v * 1.25;
        return isNegator(lowerAt(i - d)) ? v * kNegation : v;
    }

    // Idioms that cover this word replace its valence; "kind of" right before it softens it.
    double phraseRule(int i, double v) const
    {
        for (int length = 2; length <= 3; ++length) {
            for (int start = i - length + 1; start <= i; ++start) {
                if (start < 0 || start + length > int(m_items.size()))
                    continue;
                QStringList words;
                for (int k = start; k < start + length; ++k)
                    words << m_items[k].lower;
                if (const std::optional<double> idiom = idiomValence(words.join(QLatin1Char(' '))))
                    v = *idiom;
            }
        }
        if (i >= 2 && startsDampenerPhrase(i - 2))
            v -= signOf(v) * kBoost;
        return v;
    }

    // "least good" negates, "at least good" and "very least good" do not.
    double leastRule(int i, double v) const
    {
        if (lowerAt(i - 1) != u"least")
            return v;
        const QString before = lowerAt(i - 2);
        return (before == u"at" || before == u"very") ? v : v * kNegation;
    }

    const VaderLexicon &m_lexicon;
    const std::vector<Item> &m_items;
    bool m_capsStandOut = false;
};

// "!" (up to four) and "?" (two or more) make a text more intense in the direction it leans.
double punctuationEmphasis(const QList<Token> &tokens)
{
    int exclamations = 0, questions = 0;
    for (const Token &token : tokens) {
        if (token.isWordLike())
            continue;
        exclamations += int(token.text.count(QLatin1Char('!')));
        questions += int(token.text.count(QLatin1Char('?')));
    }
    const double fromExclamations = std::min(exclamations, 4) * 0.292;
    const double fromQuestions = questions <= 1 ? 0.0 : (questions <= 3 ? questions * 0.18 : 0.96);
    return fromExclamations + fromQuestions;
}

}  // namespace

std::vector<TokenSentiment> VaderAnalyzer::analyse(const QList<Token> &tokens) const
{
    std::vector<TokenSentiment> out(size_t(tokens.size()));
    const std::vector<Item> items = itemsOf(tokens);
    const RuleEngine engine(*m_lexicon, items);
    int butAt = -1;
    for (int i = 0; i < int(items.size()) && butAt < 0; ++i)
        if (items[i].lower == u"but")
            butAt = i;
    for (int i = 0; i < int(items.size()); ++i) {
        TokenSentiment &sentiment = out[size_t(items[i].token)];
        sentiment.valence = engine.valence(i);
        // Contrast: what follows "but" outweighs what comes before it.
        if (butAt >= 0 && i != butAt)
            sentiment.valence *= i < butAt ? 0.5 : 1.5;
        sentiment.negated = engine.negated(i);
        sentiment.booster = engine.boosterSign(i);
    }
    for (int t = 0; t < tokens.size(); ++t)
        out[size_t(t)].allCaps = isAllCaps(tokens[t].text);
    return out;
}

SentimentScores VaderAnalyzer::scores(const QList<Token> &tokens) const
{
    const std::vector<TokenSentiment> sentiments = analyse(tokens);
    double sum = 0, positive = 0, negative = 0;
    int neutral = 0;
    for (const TokenSentiment &s : sentiments)
        sum += s.valence;
    // Shares count only the items VADER scores; punctuation and one-letter words are not items.
    for (const Item &item : itemsOf(tokens)) {
        const double v = sentiments[size_t(item.token)].valence;
        // The +1/-1 keeps a weak sentiment word weighing more than a neutral word.
        if (v > 0)
            positive += v + 1;
        else if (v < 0)
            negative += v - 1;
        else
            ++neutral;
    }
    SentimentScores result;
    if (positive == 0 && negative == 0 && neutral == 0)
        return result;
    const double emphasis = punctuationEmphasis(tokens);
    if (sum != 0)
        sum += signOf(sum) * emphasis;
    result.compound = std::clamp(sum / std::sqrt(sum * sum + kNormalisationAlpha), -1.0, 1.0);
    if (positive > -negative)
        positive += emphasis;
    else if (positive < -negative)
        negative -= emphasis;
    const double total = positive - negative + neutral;
    result.positive = positive / total;
    result.negative = -negative / total;
    result.neutral = neutral / total;
    return result;
}

}  // namespace sl::language
