#include "core/agreement/krippendorff_alpha.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace sl::agreement {

namespace {

constexpr double kUndefined = std::numeric_limits<double>::quiet_NaN();

void finish(AlphaResult &result)
{
    result.alpha = (result.pairableValues < 2 || result.expected <= 0) ? kUndefined
                                                                        : 1.0 - result.observed / result.expected;
}

// Interval metric without a coincidence matrix: a unit's sum of squared differences over its
// ordered pairs is 2 m sum (v - mean)^2, and the expected disagreement is the same identity over
// all pairable values, so continuous labels with thousands of distinct values cost O(n).
AlphaResult intervalAlpha(const RatingMatrix &ratings)
{
    AlphaResult result;
    double observedSum = 0;
    double total = 0;
    double totalSquares = 0;
    for (std::size_t u = 0; u < ratings.units(); ++u) {
        const std::vector<double> values = ratings.unitValues(u);
        const double m = double(values.size());
        if (values.size() < 2)
            continue;
        double mean = 0;
        for (double v : values)
            mean += v;
        mean /= m;
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
            total += v;
            totalSquares += v * v;
        }
        observedSum += 2.0 * m * squares / (m - 1.0);
        result.pairableValues += m;
        ++result.units;
    }
    const double n = result.pairableValues;
    if (n >= 2) {
        result.observed = observedSum / n;
        // sum over all ordered pairs of values of (c - k)^2 = 2 n sum v^2 - 2 (sum v)^2
        result.expected = (2.0 * n * totalSquares - 2.0 * total * total) / (n * (n - 1.0));
    }
    finish(result);
    return result;
}

AlphaResult categoricalAlpha(const RatingMatrix &ratings, AlphaMetric metric)
{
    AlphaResult result;
    std::map<double, std::size_t> indexOf;
    for (std::size_t u = 0; u < ratings.units(); ++u) {
        const std::vector<double> values = ratings.unitValues(u);
        if (values.size() >= 2)
            for (double v : values)
                indexOf.emplace(v, 0);
    }
    std::size_t next = 0;
    for (auto &entry : indexOf)
        entry.second = next++;  // ascending value order, which the ordinal metric needs
    const std::size_t V = indexOf.size();

    // Coincidence matrix: every ordered pair of values within a unit, weighted 1 / (m_u - 1).
    std::vector<double> o(V * V, 0.0);
    for (std::size_t u = 0; u < ratings.units(); ++u) {
        const std::vector<double> values = ratings.unitValues(u);
        if (values.size() < 2)
            continue;
        const double weight = 1.0 / double(values.size() - 1);
        for (std::size_t i = 0; i < values.size(); ++i)
            for (std::size_t j = 0; j < values.size(); ++j)
                if (i != j)
                    o[indexOf[values[i]] * V + indexOf[values[j]]] += weight;
        ++result.units;
    }
    std::vector<double> marginal(V, 0.0);
    for (std::size_t c = 0; c < V; ++c)
        for (std::size_t k = 0; k < V; ++k)
            marginal[c] += o[c * V + k];
    double n = 0;
    for (double m : marginal)
        n += m;
    result.pairableValues = n;

    std::vector<double> cumulative(V + 1, 0.0);  // cumulative[i] = sum of marginals below i
    for (std::size_t g = 0; g < V; ++g)
        cumulative[g + 1] = cumulative[g] + marginal[g];
    auto delta = [&](std::size_t c, std::size_t k) {
        if (c == k)
            return 0.0;
        if (metric == AlphaMetric::Nominal)
            return 1.0;
        const std::size_t lo = std::min(c, k), hi = std::max(c, k);
        const double d = (cumulative[hi + 1] - cumulative[lo]) - (marginal[lo] + marginal[hi]) / 2.0;
        return d * d;
    };
    double observed = 0, expected = 0;
    for (std::size_t c = 0; c < V; ++c)
        for (std::size_t k = 0; k < V; ++k) {
            const double d = delta(c, k);
            observed += o[c * V + k] * d;
            expected += marginal[c] * marginal[k] * d;
        }
    if (n >= 2) {
        result.observed = observed / n;
        result.expected = expected / (n * (n - 1.0));
    }
    finish(result);
    return result;
}

}  // namespace

AlphaResult krippendorffAlpha(const RatingMatrix &ratings, AlphaMetric metric)
{
    return metric == AlphaMetric::Interval ? intervalAlpha(ratings) : categoricalAlpha(ratings, metric);
}

}  // namespace sl::agreement
