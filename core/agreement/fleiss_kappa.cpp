#include "core/agreement/fleiss_kappa.h"

#include <limits>
#include <stdexcept>
#include <string>

namespace sl::agreement {

FleissResult fleissKappa(const std::vector<std::vector<double>> &counts)
{
    FleissResult result;
    result.kappa = std::numeric_limits<double>::quiet_NaN();
    const std::size_t categories = counts.empty() ? 0 : counts.front().size();
    std::vector<double> categoryTotal(categories, 0.0);
    double ratingsTotal = 0, agreementSum = 0;
    for (std::size_t i = 0; i < counts.size(); ++i) {
        if (counts[i].size() != categories)
            throw std::invalid_argument("Fleiss' kappa: unit " + std::to_string(i) + " has " +
                                        std::to_string(counts[i].size()) + " category counts, the first unit " +
                                        std::to_string(categories));
        double n = 0, pairs = 0;
        for (double c : counts[i]) {
            n += c;
            pairs += c * (c - 1.0);
        }
        if (n < 2)
            continue;
        agreementSum += pairs / (n * (n - 1.0));
        for (std::size_t j = 0; j < categories; ++j)
            categoryTotal[j] += counts[i][j];
        ratingsTotal += n;
        ++result.units;
    }
    if (result.units == 0)
        return result;
    result.observed = agreementSum / double(result.units);
    for (double total : categoryTotal) {
        const double p = total / ratingsTotal;
        result.categoryShare.push_back(p);
        result.expected += p * p;
    }
    if (result.expected < 1.0)
        result.kappa = (result.observed - result.expected) / (1.0 - result.expected);
    return result;
}

FleissResult fleissKappa(const RatingMatrix &ratings, int categories, const std::function<int(double)> &category)
{
    std::vector<std::vector<double>> counts(ratings.units(), std::vector<double>(std::size_t(categories), 0.0));
    for (std::size_t u = 0; u < ratings.units(); ++u)
        for (double v : ratings.unitValues(u)) {
            const int c = category(v);
            if (c < 0 || c >= categories)
                throw std::invalid_argument("Fleiss' kappa: rating " + std::to_string(v) + " falls in no category");
            counts[u][std::size_t(c)] += 1;
        }
    return fleissKappa(counts);
}

}  // namespace sl::agreement
