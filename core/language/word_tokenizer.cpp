#include "core/language/word_tokenizer.h"

#include "core/language/char_classes.h"
#include "core/language/chinese_segmenter.h"

#include <vector>

namespace sl::language {

namespace {

using CodePoints = std::vector<char32_t>;

QString toQString(const CodePoints &points, std::size_t begin, std::size_t end)
{
    return QString::fromUcs4(points.data() + begin, qsizetype(end - begin));
}

bool isDigit(char32_t c) { return QChar::isDigit(c); }

// A mark inside a chunk that joins its neighbours into one word instead of splitting them.
bool joinsNeighbours(const CodePoints &chunk, std::size_t i)
{
    if (i == 0 || i + 1 >= chunk.size())
        return false;
    const char32_t before = chunk[i - 1], mark = chunk[i], after = chunk[i + 1];
    if (mark == U'\'' || mark == U'-' || mark == U'_')
        return isWordCharacter(before) && isWordCharacter(after);
    if (mark == U'.' || mark == U',')
        return isDigit(before) && isDigit(after);
    return false;
}

class Splitter {
public:
    explicit Splitter(const TokenizerOptions &options) : m_options(options) {}

    void chunk(const CodePoints &points)
    {
        bool anyWordCharacter = false;
        for (char32_t c : points)
            anyWordCharacter = anyWordCharacter || isWordCharacter(c);
        if (!anyWordCharacter && points.size() >= 2) {
            push(toQString(points, 0, points.size()), TokenKind::Symbols);
            return;
        }
        std::size_t wordStart = 0;
        bool inWord = false;
        for (std::size_t i = 0; i < points.size(); ++i) {
            const char32_t c = points[i];
            const bool ideograph = m_options.splitCjk && isCjkIdeograph(c);
            if (ideograph && m_options.segmenter) {
                if (inWord)
                    push(toQString(points, wordStart, i), TokenKind::Word);
                inWord = false;
                i = segmentRun(points, i) - 1;
                continue;
            }
            if (!ideograph && (isWordCharacter(c) || (inWord && joinsNeighbours(points, i)))) {
                if (!inWord)
                    wordStart = i;
                inWord = true;
                continue;
            }
            if (inWord)
                push(toQString(points, wordStart, i), TokenKind::Word);
            inWord = false;
            push(toQString(points, i, i + 1), ideograph ? TokenKind::Ideograph : TokenKind::Punctuation);
        }
        if (inWord)
            push(toQString(points, wordStart, points.size()), TokenKind::Word);
    }

    QList<Token> take() { return std::move(m_tokens); }

private:
    // Cuts the run of ideographs starting at `begin` into words; returns where the run ends.
    std::size_t segmentRun(const CodePoints &points, std::size_t begin)
    {
        std::size_t end = begin;
        while (end < points.size() && isCjkIdeograph(points[end]))
            ++end;
        for (QString &word : m_options.segmenter->cut(toQString(points, begin, end))) {
            const TokenKind kind = word.toUcs4().size() == 1 ? TokenKind::Ideograph : TokenKind::Word;
            push(std::move(word), kind);
        }
        return end;
    }

    void push(QString text, TokenKind kind)
    {
        m_tokens.append(Token{m_options.lowerCase ? text.toLower() : std::move(text), kind});
    }

    TokenizerOptions m_options;
    QList<Token> m_tokens;
};

// Typographic apostrophes count as the ASCII one, so "don’t" and "don't" are the same word.
char32_t normalised(char32_t c)
{
    return (c == U'\u2019' || c == U'\u2018' || c == U'\u02BC') ? U'\'' : c;
}

}  // namespace

QList<Token> tokenize(const QString &text, const TokenizerOptions &options)
{
    Splitter splitter(options);
    CodePoints chunk;
    for (char32_t c : text.toUcs4()) {
        if (isSpaceCharacter(c)) {
            if (!chunk.empty())
                splitter.chunk(chunk);
            chunk.clear();
        } else {
            chunk.push_back(normalised(c));
        }
    }
    if (!chunk.empty())
        splitter.chunk(chunk);
    return splitter.take();
}

QList<Token> tokenizeEnglish(const QString &text, bool lowerCase)
{
    return tokenize(text, TokenizerOptions{lowerCase, false});
}

QList<Token> tokenizeChinese(const QString &text, bool lowerCase)
{
    return tokenize(text, TokenizerOptions{lowerCase, true});
}

QStringList tokenTexts(const QList<Token> &tokens)
{
    QStringList texts;
    texts.reserve(tokens.size());
    for (const Token &token : tokens)
        texts << token.text;
    return texts;
}

}  // namespace sl::language
