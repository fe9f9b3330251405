#pragma once
// A sentiment direction in word-vector space, so that every word with a vector gets a valence,
// not only the 7,500 words of VADER's lexicon.
//
// Fitted once per process by ridge regression from the GloVe vector of every lexicon word that has
// one to its mean human rating (-4..4): valence(v) = w . v + b, with the intercept b not penalised
// and the ridge weight lambda = 1 (not tuned; the fit has about 7,000 words for 101 numbers, so
// lambda barely matters). Lexicon induction of this kind is Amir et al. 2015 ("Inducing lexicons
// for sentiment from word embeddings"): words near "wonderful" in the vector space get positive
// valence, so a review's "masterpiece" or "dull" counts even where VADER has no entry.
#include "core/language/vader_lexicon.h"
#include "core/language/word_vectors.h"

#include <memory>
#include <vector>

namespace sl::language {

// Ridge regression with an unpenalised intercept: minimises
//     sum_i (y_i - b - w . x_i)^2 + lambda |w|^2
// over `rows` (n x d, row-major). Solved on centred data by a Cholesky factorisation of
// X'X + lambda I. Throws sl::Error when the sizes disagree, n is 0, or the system is singular
// (lambda = 0 with collinear columns).
struct LinearFit {
    std::vector<double> weights;
    double intercept = 0;
};
LinearFit ridgeFit(const std::vector<double> &rows, int dims, const std::vector<double> &targets, double lambda);

class ValenceAxis {
public:
    // Throws sl::Error when fewer lexicon words than dims + 1 have a vector.
    static ValenceAxis fit(const WordVectors &vectors, const VaderLexicon &lexicon, double lambda = 1.0);
    // The build's word vectors and the bundled lexicon, fitted once per process and shared.
    static std::shared_ptr<const ValenceAxis> standard();

    // The valence of a word vector of vectors.dims() values.
    double valence(const float *vector) const;
    int fittedWords() const { return m_words; }
    int dims() const { return int(m_fit.weights.size()); }

private:
    LinearFit m_fit;
    int m_words = 0;
};

}  // namespace sl::language
