#include "core/agreement/icc.h"

#include <cmath>
#include <limits>

namespace sl::agreement {

IccResult icc2(const RatingMatrix &ratings)
{
    constexpr double undefined = std::numeric_limits<double>::quiet_NaN();
    IccResult result;
    const std::vector<std::size_t> units = ratings.completeUnits();
    const std::size_t k = ratings.raters();
    const std::size_t n = units.size();
    result.units = n;
    result.raters = k;
    result.unitsDropped = ratings.units() - n;
    result.single = result.average = undefined;
    if (n < 2 || k < 2)
        return result;

    double grand = 0;
    std::vector<double> rowMean(n, 0.0), colMean(k, 0.0);
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < k; ++j) {
            const double x = ratings.at(units[i], j);
            rowMean[i] += x / double(k);
            colMean[j] += x / double(n);
            grand += x;
        }
    grand /= double(n * k);
    double ssRows = 0, ssCols = 0, ssTotal = 0;
    for (std::size_t i = 0; i < n; ++i)
        ssRows += double(k) * (rowMean[i] - grand) * (rowMean[i] - grand);
    for (std::size_t j = 0; j < k; ++j)
        ssCols += double(n) * (colMean[j] - grand) * (colMean[j] - grand);
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < k; ++j) {
            const double d = ratings.at(units[i], j) - grand;
            ssTotal += d * d;
        }
    const double ssError = ssTotal - ssRows - ssCols;
    result.bms = ssRows / double(n - 1);
    result.jms = ssCols / double(k - 1);
    result.ems = ssError / double((n - 1) * (k - 1));

    const double dn = double(n), dk = double(k);
    const double singleDenominator = result.bms + (dk - 1.0) * result.ems + dk * (result.jms - result.ems) / dn;
    const double averageDenominator = result.bms + (result.jms - result.ems) / dn;
    if (singleDenominator != 0)
        result.single = (result.bms - result.ems) / singleDenominator;
    if (averageDenominator != 0)
        result.average = (result.bms - result.ems) / averageDenominator;
    return result;
}

}  // namespace sl::agreement
