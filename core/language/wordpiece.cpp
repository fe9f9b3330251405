#include "core/language/wordpiece.h"

#include "core/common/error.h"
#include "core/language/char_classes.h"
#include "core/language/file_bytes.h"

#include <string>

namespace sl::language {

WordPieceVocab WordPieceVocab::load(const QString &path)
{
    return parse(readUtf8File(path, QStringLiteral("the WordPiece vocabulary")), path);
}

WordPieceVocab WordPieceVocab::parse(const QString &text, const QString &fileName)
{
    WordPieceVocab vocab;
    QStringList lines = text.split(QLatin1Char('\n'));
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();  // the newline that ends the last line
    for (QString &line : lines) {
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        // Ids are line numbers, so every line counts; a repeated piece keeps its first id.
        if (!vocab.m_ids.contains(line))
            vocab.m_ids.insert(line, int(vocab.m_pieces.size()));
        vocab.m_pieces << line;
    }
    if (vocab.m_pieces.isEmpty())
        throw Error(QStringLiteral("%1: the WordPiece vocabulary is empty").arg(fileName));
    return vocab;
}

WordPieceTokenizer::WordPieceTokenizer(WordPieceVocab vocab, WordPieceOptions options)
    : m_vocab(std::move(vocab)), m_options(std::move(options)), m_unknownId(m_vocab.id(m_options.unknown))
{
    if (m_unknownId < 0)
        throw Error(QStringLiteral("the WordPiece vocabulary has no unknown piece %1").arg(m_options.unknown));
}

QString WordPieceTokenizer::prepared(const QString &word) const
{
    if (!m_options.lowerCase)
        return word;
    // Uncased BERT was trained on text without accents: decompose, then drop the marks.
    const QString decomposed = word.toLower().normalized(QString::NormalizationForm_D);
    QString out;
    out.reserve(decomposed.size());
    for (QChar c : decomposed)
        if (c.category() != QChar::Mark_NonSpacing)
            out += c;
    return out;
}

void WordPieceTokenizer::appendPieces(const QString &part, QStringList &out) const
{
    std::u32string points;
    for (uint c : part.toUcs4())
        points.push_back(char32_t(c));
    if (qsizetype(points.size()) > m_options.maxCharsPerWord) {
        out << m_options.unknown;
        return;
    }
    QStringList found;
    std::size_t start = 0;
    while (start < points.size()) {
        // Longest match first: shrink the candidate from the right until the vocabulary has it.
        std::size_t end = points.size();
        QString match;
        for (; end > start; --end) {
            QString candidate = QString::fromUcs4(points.data() + start, qsizetype(end - start));
            if (start > 0)
                candidate.prepend(QStringLiteral("##"));
            if (m_vocab.contains(candidate)) {
                match = candidate;
                break;
            }
        }
        if (match.isEmpty()) {
            out << m_options.unknown;  // one unknown for the whole part, as BERT does
            return;
        }
        found << match;
        start = end;
    }
    out << found;
}

QStringList WordPieceTokenizer::pieces(const QString &word) const
{
    QStringList out;
    QString part;
    const auto flush = [&] {
        if (!part.isEmpty())
            appendPieces(part, out);
        part.clear();
    };
    for (char32_t c : prepared(word).toUcs4()) {
        if (isSpaceCharacter(c)) {
            flush();
        } else if (isPunctuationOrSymbol(c) || isCjkIdeograph(c)) {
            flush();
            appendPieces(QString::fromUcs4(&c, 1), out);
        } else {
            part += QString::fromUcs4(&c, 1);
        }
    }
    flush();
    return out;
}

WordPieceEncoding WordPieceTokenizer::encode(const QStringList &words) const
{
    WordPieceEncoding encoding;
    for (int w = 0; w < words.size(); ++w) {
        for (const QString &piece : pieces(words[w])) {
            const int id = m_vocab.id(piece);
            encoding.ids.push_back(id < 0 ? m_unknownId : id);
            encoding.wordIndex.push_back(w);
        }
    }
    return encoding;
}

}  // namespace sl::language
