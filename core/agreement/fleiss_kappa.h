#pragma once
// Fleiss' kappa (Fleiss 1971) for many raters on nominal categories, from a table of counts:
// counts[i][j] = how many raters put unit i into category j.
//   P_i = sum_j n_ij (n_ij - 1) / (n_i (n_i - 1)),  P = mean of P_i,
//   p_j = sum_i n_ij / sum_i n_i,  P_e = sum_j p_j^2,  kappa = (P - P_e) / (1 - P_e).
// Fleiss defined it for a constant number of raters n per unit. With missing ratings we use each
// unit's own n_i in P_i and pool p_j over all ratings, and leave out units with fewer than two
// ratings (they hold no pair); with a constant n this is exactly Fleiss 1971.
#include "core/agreement/rating_matrix.h"

#include <functional>
#include <vector>

namespace sl::agreement {

struct FleissResult {
    double kappa = 0;        // NaN when undefined (no unit with two ratings, or P_e = 1)
    double observed = 0;     // P
    double expected = 0;     // P_e
    std::size_t units = 0;   // units with at least two ratings
    std::vector<double> categoryShare;  // p_j
};

FleissResult fleissKappa(const std::vector<std::vector<double>> &counts);
// Counts each unit's ratings with `category` (value -> 0..categories-1), then as above.
FleissResult fleissKappa(const RatingMatrix &ratings, int categories, const std::function<int(double)> &category);

}  // namespace sl::agreement
