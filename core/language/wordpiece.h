#pragma once
// WordPiece, the sub-word tokeniser of BERT, driven by a BERT `vocab.txt` (one piece per line,
// the line number is the id; continuation pieces start with "##").
//
// A word is first split the way BERT's basic tokeniser does (every punctuation mark and CJK
// ideograph apart; lower-cased and accents stripped for uncased vocabularies), then each part is
// cut greedily into the longest pieces found in the vocabulary, left to right. A part that cannot
// be cut completely, or that is longer than maxCharsPerWord, becomes the unknown piece.
#include <QHash>
#include <QString>
#include <QStringList>
#include <vector>

namespace sl::language {

class WordPieceVocab {
public:
    // Throws sl::Error naming the file when it is missing, not UTF-8, or empty.
    static WordPieceVocab load(const QString &path);
    // The same from text in memory; `fileName` is used in errors.
    static WordPieceVocab parse(const QString &text, const QString &fileName);

    int size() const { return int(m_pieces.size()); }
    int id(const QString &piece) const { return m_ids.value(piece, -1); }  // -1 when absent
    bool contains(const QString &piece) const { return m_ids.contains(piece); }
    QString piece(int id) const { return m_pieces.value(id); }

private:
    QStringList m_pieces;
    QHash<QString, int> m_ids;
};

struct WordPieceOptions {
    bool lowerCase = true;  // uncased BERT vocabularies: lower-case and strip accents first
    int maxCharsPerWord = 100;
    QString unknown = QStringLiteral("[UNK]");
};

// Pieces of a whole text, with the word (in the caller's word list) each piece came from.
struct WordPieceEncoding {
    std::vector<int> ids;
    std::vector<int> wordIndex;  // same length as ids
};

class WordPieceTokenizer {
public:
    // Throws sl::Error when the vocabulary lacks the unknown piece.
    WordPieceTokenizer(WordPieceVocab vocab, WordPieceOptions options = {});

    const WordPieceVocab &vocab() const { return m_vocab; }
    int unknownId() const { return m_unknownId; }

    // Pieces of one word (which may still hold punctuation: it is split off first).
    QStringList pieces(const QString &word) const;
    // Ids of the pieces of every word, in order.
    WordPieceEncoding encode(const QStringList &words) const;

private:
    QString prepared(const QString &word) const;
    void appendPieces(const QString &part, QStringList &out) const;

    WordPieceVocab m_vocab;
    WordPieceOptions m_options;
    int m_unknownId = -1;
};

}  // namespace sl::language
