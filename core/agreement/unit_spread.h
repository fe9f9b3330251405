#pragma once
// How far apart one unit's ratings lie: the basis of the "disagree most" list and of the
// adjudication queue. Units with fewer than two ratings have no spread and are left out.
#include "core/agreement/rating_matrix.h"

#include <vector>

namespace sl::agreement {

struct UnitSpread {
    std::size_t unit = 0;
    std::size_t ratings = 0;
    double mean = 0;
    double range = 0;  // max - min
    double sd = 0;     // sample standard deviation (n - 1)
};

// Largest range first; ties by larger SD, then by unit index, so the order is stable.
std::vector<UnitSpread> unitSpreads(const RatingMatrix &ratings);

}  // namespace sl::agreement
