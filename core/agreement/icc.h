#pragma once
// Intraclass correlation of Shrout and Fleiss (1979), case 2: every target is rated by the same k
// raters, who are a random sample of raters (two-way random effects, absolute agreement).
//   ICC(2,1) = (BMS - EMS) / (BMS + (k-1) EMS + k (JMS - EMS) / n)   reliability of one rater
//   ICC(2,k) = (BMS - EMS) / (BMS + (JMS - EMS) / n)                 reliability of the k-rater mean
// The ANOVA needs a full table, so missing ratings are handled by complete cases: only the units
// that every rater rated enter; the others are left out (and counted in `unitsDropped`).
#include "core/agreement/rating_matrix.h"

namespace sl::agreement {

struct IccResult {
    double single = 0;    // ICC(2,1); NaN when undefined (n < 2, k < 2 or a zero denominator)
    double average = 0;   // ICC(2,k)
    double bms = 0, jms = 0, ems = 0;  // between-targets, between-judges and residual mean squares
    std::size_t units = 0;         // n, complete cases used
    std::size_t raters = 0;        // k
    std::size_t unitsDropped = 0;  // units left out because a rating was missing
};

IccResult icc2(const RatingMatrix &ratings);

}  // namespace sl::agreement
