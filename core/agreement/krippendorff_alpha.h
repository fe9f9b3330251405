#pragma once
// Krippendorff's alpha (Krippendorff, "Computing Krippendorff's Alpha-Reliability", 2011):
//   alpha = 1 - D_o / D_e
// over the pairable values, i.e. the values of units that at least two raters rated. Missing
// ratings are simply absent: a unit with one rating contributes nothing, a unit with m ratings
// contributes its m(m-1) ordered pairs with weight 1/(m-1). No unit has to be complete.
#include "core/agreement/rating_matrix.h"

namespace sl::agreement {

enum class AlphaMetric {
    Nominal,   // delta = 0 for equal values, 1 otherwise
    Ordinal,   // delta = (sum of the marginals from c to k - (n_c + n_k) / 2)^2, ranks by value
    Interval,  // delta = (c - k)^2
};

struct AlphaResult {
    double alpha = 0;            // NaN when undefined (fewer than two pairable values, or no variation)
    double observed = 0;         // D_o
    double expected = 0;         // D_e
    double pairableValues = 0;   // n, the number of pairable values
    std::size_t units = 0;       // units with at least two ratings
};

// Nominal and ordinal build the coincidence matrix over the distinct values, so they are meant for
// categorical data (a few dozen distinct values); the interval metric uses closed forms and takes
// any number of distinct values.
AlphaResult krippendorffAlpha(const RatingMatrix &ratings, AlphaMetric metric);

}  // namespace sl::agreement
