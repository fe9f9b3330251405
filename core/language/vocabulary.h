#pragma once
// The project's own vocabulary: every token of its transcripts, most frequent first, for models
// that learn their own embeddings. Id 0 is padding and id 1 stands for tokens the vocabulary
// does not hold (rare ones cut off by minCount / maxSize, or words of clips added later).
#include <QHash>
#include <QString>
#include <QStringList>

namespace sl::language {

class Vocabulary {
public:
    static constexpr int kPad = 0;
    static constexpr int kUnknown = 1;

    // An empty vocabulary: only [PAD] and [UNK].
    Vocabulary();

    // Builds from tokenised texts (tokens as they will be looked up, e.g. lower-cased). Tokens seen
    // fewer than minCount times are left out; maxSize > 0 caps the size, special tokens included.
    // Ties in frequency are ordered alphabetically so the same texts always give the same ids.
    static Vocabulary build(const QList<QStringList> &texts, int minCount = 1, int maxSize = 0);

    int id(const QString &token) const { return m_ids.value(token, kUnknown); }
    QString token(int id) const { return m_tokens.value(id); }
    int size() const { return int(m_tokens.size()); }
    const QStringList &tokens() const { return m_tokens; }

    // Short hash of the token list: two vocabularies with the same fingerprint give the same ids.
    QString fingerprint() const;

private:
    explicit Vocabulary(QStringList tokens);

    QStringList m_tokens;
    QHash<QString, int> m_ids;
};

}  // namespace sl::language
