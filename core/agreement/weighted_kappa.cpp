#include "core/agreement/weighted_kappa.h"

#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace sl::agreement {

namespace {
std::size_t classIndex(double value, int classes)
{
    const double rounded = std::nearbyint(value);
    if (rounded != value || rounded < 0 || rounded >= classes)
        throw std::invalid_argument("weighted kappa: rating " + std::to_string(value) + " is not a class index 0.." +
                                    std::to_string(classes - 1));
    return std::size_t(rounded);
}
}  // namespace

KappaResult quadraticWeightedKappa(const RatingMatrix &ratings, std::size_t a, std::size_t b, int classes)
{
    KappaResult result;
    result.kappa = std::numeric_limits<double>::quiet_NaN();
    const std::size_t K = std::size_t(classes);
    std::vector<double> observed(K * K, 0.0), rowTotal(K, 0.0), colTotal(K, 0.0);
    for (std::size_t u = 0; u < ratings.units(); ++u) {
        if (!ratings.has(u, a) || !ratings.has(u, b))
            continue;
        const std::size_t i = classIndex(ratings.at(u, a), classes), j = classIndex(ratings.at(u, b), classes);
        observed[i * K + j] += 1;
        rowTotal[i] += 1;
        colTotal[j] += 1;
        ++result.units;
    }
    if (result.units == 0)
        return result;
    const double N = double(result.units);
    double weightedObserved = 0, weightedExpected = 0;
    for (std::size_t i = 0; i < K; ++i)
        for (std::size_t j = 0; j < K; ++j) {
            const double w = (double(i) - double(j)) * (double(i) - double(j));
            weightedObserved += w * observed[i * K + j];
            weightedExpected += w * rowTotal[i] * colTotal[j] / N;
        }
    if (weightedExpected > 0)
        result.kappa = 1.0 - weightedObserved / weightedExpected;
    return result;
}

}  // namespace sl::agreement
