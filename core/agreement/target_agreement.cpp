#include "core/agreement/target_agreement.h"

namespace sl::agreement {

TargetAgreement computeAgreement(const RatingMatrix &ratings, ScaleKind scale)
{
    TargetAgreement result;
    for (std::size_t u = 0; u < ratings.units(); ++u) {
        const std::size_t n = ratings.unitValues(u).size();
        result.ratings += n;
        if (n > 0)
            ++result.units;
    }
    const RatingMatrix classes = ratings.mapped([scale](double v) { return double(ordinalClass(scale, v)); });
    result.alphaInterval = krippendorffAlpha(ratings, AlphaMetric::Interval);
    result.alphaOrdinal = krippendorffAlpha(classes, AlphaMetric::Ordinal);
    result.icc = icc2(ratings);
    for (std::size_t a = 0; a < ratings.raters(); ++a)
        for (std::size_t b = a + 1; b < ratings.raters(); ++b)
            result.pairs.push_back({a, b, quadraticWeightedKappa(classes, a, b, ordinalClassCount(scale))});
    result.fleiss = fleissKappa(ratings, kPolarityClasses, polarityClass);
    result.spreads = unitSpreads(ratings);
    return result;
}

}  // namespace sl::agreement
