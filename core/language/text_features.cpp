#include "core/language/text_features.h"

#include "core/common/error.h"
#include "core/language/vader_rules.h"

#include <algorithm>

namespace sl::language {

std::vector<std::string> textFeatureNames(int embeddingDims)
{
    std::vector<std::string> names{"vader_valence", "is_negated", "is_booster", "is_upper",
                                   "token_length", "is_oov", "position", "glove_valence"};
    for (int d = 0; d < kWordVectorDims; ++d)
        names.push_back("glove_" + std::to_string(d));
    for (int d = 0; d < embeddingDims; ++d)
        names.push_back("emb_" + std::to_string(d));
    return names;
}

features::FeatureMatrix textFeatures(const QList<TimedToken> &tokens, const VaderAnalyzer &vader,
                                     const WordVectors &wordVectors, const ValenceAxis &axis,
                                     TokenEncoder *encoder)
{
    const int embeddingDims = encoder ? encoder->dims() : 0;
    features::FeatureMatrix matrix;
    matrix.names = textFeatureNames(embeddingDims);
    QList<Token> plain;
    QStringList texts;
    for (const TimedToken &timed : tokens) {
        plain << timed.token;
        texts << timed.token.text;
        matrix.times.push_back(timed.seconds);
    }
    const std::vector<TokenSentiment> sentiment = vader.analyse(plain);
    std::vector<float> embeddings;
    if (encoder && !texts.isEmpty()) {
        embeddings = encoder->encode(texts);
        if (embeddings.size() != size_t(texts.size()) * size_t(embeddingDims))
            throw Error(QStringLiteral("the text encoder returned %1 values for %2 tokens of %3 dimensions")
                            .arg(embeddings.size()).arg(texts.size()).arg(embeddingDims));
    }
    const double last = std::max<qsizetype>(1, texts.size() - 1);
    matrix.values.reserve(matrix.frames() * matrix.dims());
    if (wordVectors.dims() != kWordVectorDims)
        throw Error(QStringLiteral("word vectors of %1 dimensions, %2 expected").arg(wordVectors.dims()).arg(kWordVectorDims));
    if (axis.dims() != kWordVectorDims)
        throw Error(QStringLiteral("a valence axis of %1 dimensions, %2 expected").arg(axis.dims()).arg(kWordVectorDims));
    for (int i = 0; i < texts.size(); ++i) {
        const TokenSentiment &s = sentiment[size_t(i)];
        float row[kBaseTextDims] = {};
        const bool known = wordVectors.lookup(texts[i].toLower(), row + kTokenTextDims);
        // Negated as VADER negates a lexicon word, so "not brilliant" leans negative as "not good" does.
        const double induced = known ? axis.valence(row + kTokenTextDims) * (s.negated ? vader::kNegation : 1.0) : 0.0;
        const float tokenColumns[kTokenTextDims] = {float(s.valence),
                                                    s.negated ? 1.0f : 0.0f,
                                                    float(s.booster),
                                                    s.allCaps ? 1.0f : 0.0f,
                                                    float(texts[i].toUcs4().size()),
                                                    known ? 0.0f : 1.0f,
                                                    float(i / last),
                                                    float(induced)};
        std::copy(tokenColumns, tokenColumns + kTokenTextDims, row);
        matrix.values.insert(matrix.values.end(), row, row + kBaseTextDims);
        if (!embeddings.empty()) {
            const auto embedding = embeddings.begin() + std::ptrdiff_t(i) * embeddingDims;
            matrix.values.insert(matrix.values.end(), embedding, embedding + embeddingDims);
        }
    }
    return matrix;
}

}  // namespace sl::language
