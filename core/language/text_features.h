#pragma once
// The per-token text feature matrix of a clip: one row per token, at the time it starts.
//
// Columns (see core/language/README.md):
//   vader_valence  valence of the token after VADER's rules (about -4..4; 0 outside the lexicon)
//   is_negated     1 when a negator is among the three words before the token, else 0
//   is_booster     1 for a booster ("very"), -1 for a dampener ("slightly"), else 0
//   is_upper       1 when the token is written in capitals, else 0
//   token_length   characters (code points) in the token
//   is_oov         1 when the lower-cased token has no word vector (its glove_* are then 0), else 0
//   position       place of the token in the transcript, 0 for the first .. 1 for the last
//   glove_valence  the valence of the token's word vector on the lexicon's axis (valence_axis.h),
//                  times VADER's negation factor -0.74 when is_negated; 0 when is_oov
//   glove_0..glove_99  the token's GloVe vector (word_vectors.h), zeros when is_oov
//   emb_0..emb_{d-1}  only with a text encoder: its embedding of the token
#include "core/features/feature_matrix.h"
#include "core/language/timed_tokens.h"
#include "core/language/valence_axis.h"
#include "core/language/token_encoder.h"
#include "core/language/vader.h"
#include "core/language/word_vectors.h"

#include <string>
#include <vector>

namespace sl::language {

// The columns before the encoder's: eight per-token columns and the word vector.
inline constexpr int kTokenTextDims = 8;
inline constexpr int kBaseTextDims = kTokenTextDims + kWordVectorDims;

std::vector<std::string> textFeatureNames(int embeddingDims = 0);

// Word vectors are looked up with lower-cased tokens; `axis` was fitted on the same word vectors.
// `encoder` may be null; when given, its dims() embedding columns follow the base columns. Throws
// sl::Error when the encoder fails.
features::FeatureMatrix textFeatures(const QList<TimedToken> &tokens, const VaderAnalyzer &vader,
                                     const WordVectors &wordVectors, const ValenceAxis &axis,
                                     TokenEncoder *encoder = nullptr);

}  // namespace sl::language
