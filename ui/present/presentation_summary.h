#pragma once
// What the presentation says about the values it shows, decided without widgets so that it can be
// tested: whether the three bars pull the same way (the headline follows the bars on screen, not
// the playlist's choice, which came from other numbers), and the sum that ties the bars to the
// gauge: the prediction starts at f(none), the model with every modality at its baseline, and the
// three Shapley values carry it to f(all), the needle.
#include "ui/present/contribution_animation.h"

#include <QString>
#include <optional>

namespace sl::present {

// The gauge prints one decimal of the label scale. Bars whose largest is under a tenth of a point
// hardly move the model; a bar under half a tenth rounds to 0.0 there and pulls neither way.
inline constexpr double kSlightPull = 0.1;
inline constexpr double kRoundsToZero = 0.05;
// Nor does a bar under this share of the largest one: a sliver beside it, on which a headline
// must not rest.
inline constexpr double kVisibleShare = 0.1;

enum class BarAgreement {
    None,      // no values shown
    Slight,    // the largest bar below kSlightPull: the modalities hardly move the model
    Agree,     // no two bars pull opposite ways (see kRoundsToZero and kVisibleShare for bars that pull neither way)
    WordsDisagree,   // the words (T) pull one way, the voice (A) or the face (V) the other
    OthersDisagree,  // the words pull neither way; voice and face pull apart
};

BarAgreement barAgreement(const std::optional<Contributions> &shown);

// "f(none) 0.12 + T 0.50 + A −0.20 + V 0.10 = 0.52": each number rounded to two decimals, and the
// total is the rounded start plus the rounded bars, so that the line adds up as printed; empty
// unless the values are Shapley values with their start known. `end` gets the exact total
// (start + the three values), which is f(all) by the efficiency of Shapley values.
QString barSumLine(const Contributions &contributions, double *end = nullptr);

}  // namespace sl::present
