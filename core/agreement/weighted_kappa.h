#pragma once
// Cohen's kappa with quadratic weights (Cohen 1968; Fleiss and Cohen 1973) for two raters on K
// ordered classes 0..K-1:
//   kappa_w = 1 - sum w_ij O_ij / sum w_ij E_ij,   w_ij = (i - j)^2,   E_ij = row_i col_j / N
// Missing ratings: pairwise complete, i.e. only the units both raters rated.
#include "core/agreement/rating_matrix.h"

namespace sl::agreement {

struct KappaResult {
    double kappa = 0;     // NaN when undefined (no common unit, or no expected disagreement)
    std::size_t units = 0;  // units both raters rated
};

// `ratings` holds class indices 0..classes-1; rater columns `a` and `b` are compared. Throws
// std::invalid_argument for a value that is not one of the classes.
KappaResult quadraticWeightedKappa(const RatingMatrix &ratings, std::size_t a, std::size_t b, int classes);

}  // namespace sl::agreement
