#include "core/agreement/unit_spread.h"

#include <algorithm>
#include <cmath>

namespace sl::agreement {

std::vector<UnitSpread> unitSpreads(const RatingMatrix &ratings)
{
    std::vector<UnitSpread> spreads;
    for (std::size_t u = 0; u < ratings.units(); ++u) {
        const std::vector<double> values = ratings.unitValues(u);
        if (values.size() < 2)
            continue;
        UnitSpread s;
        s.unit = u;
        s.ratings = values.size();
        for (double v : values)
            s.mean += v / double(values.size());
        double squares = 0;
        for (double v : values)
            squares += (v - s.mean) * (v - s.mean);
        s.sd = std::sqrt(squares / double(values.size() - 1));
        const auto [lo, hi] = std::minmax_element(values.begin(), values.end());
        s.range = *hi - *lo;
        spreads.push_back(s);
    }
    std::sort(spreads.begin(), spreads.end(), [](const UnitSpread &a, const UnitSpread &b) {
        if (a.range != b.range)
            return a.range > b.range;
        if (a.sd != b.sd)
            return a.sd > b.sd;
        return a.unit < b.unit;
    });
    return spreads;
}

}  // namespace sl::agreement
