#pragma once
// What each of a clip's three modalities contributes to the model's prediction, in the form the
// presentation's bars show it. Plain data, computed in core (shapley_contributions.h for the
// playlist, take_analysis.h for a live take) and drawn by ui/present; header-only so that the
// widget-free presentation rules can use it without linking LibTorch.
#include <array>
#include <optional>

namespace sl::explain {

struct Contributions {
    // Language, acoustic, visual, in the units of the label scale (signed: negative pulls the
    // prediction down).
    std::array<double, 3> values{};
    // What the bars mean, for the legend: Shapley values of the modalities, or each modality's
    // own (unimodal) prediction when no exact attribution is stored.
    bool shapley = false;
    // For Shapley values: f(none), the model's output with every modality at its baseline, where
    // the bars start; the start plus the three values is the prediction.
    std::optional<double> start;
};

// The model's own view of a clip, shown on demand in place of the contributions: for KAN-based
// models how strongly each modality drives the KAN, for CaMIB the share of each modality in what
// the causal mask keeps (both 0..1 per modality).
struct ModelInsight {
    enum class Kind { Kan, CausalMask };
    Kind kind = Kind::Kan;
    std::array<double, 3> values{};
};

}  // namespace sl::explain
