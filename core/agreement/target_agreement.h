#pragma once
// Every agreement statistic for one target (M, T, A or V) over one set of raters. How each treats
// missing ratings:
//   Krippendorff's alpha   all pairable values (units with >= 2 ratings); nothing else needed
//   ICC(2,1), ICC(2,k)     complete cases: units rated by every rater
//   weighted kappa         pairwise complete: units both raters of the pair rated
//   Fleiss' kappa          units with >= 2 ratings, each with its own number of ratings
//   spread                 units with >= 2 ratings
#include "core/agreement/fleiss_kappa.h"
#include "core/agreement/icc.h"
#include "core/agreement/krippendorff_alpha.h"
#include "core/agreement/rating_matrix.h"
#include "core/agreement/sentiment_classes.h"
#include "core/agreement/unit_spread.h"
#include "core/agreement/weighted_kappa.h"

#include <vector>

namespace sl::agreement {

struct PairKappa {
    std::size_t raterA = 0, raterB = 0;
    KappaResult result;
};

struct TargetAgreement {
    std::size_t units = 0;           // units with at least one rating
    std::size_t ratings = 0;         // ratings in all
    AlphaResult alphaInterval;       // on the labels as given
    AlphaResult alphaOrdinal;        // on the scale's ordinal classes (7 or 5)
    IccResult icc;                   // on the labels as given
    std::vector<PairKappa> pairs;    // quadratic-weighted kappa on the ordinal classes, every rater pair
    FleissResult fleiss;             // on negative / neutral / positive
    std::vector<UnitSpread> spreads; // largest first
};

TargetAgreement computeAgreement(const RatingMatrix &ratings, ScaleKind scale);

}  // namespace sl::agreement
