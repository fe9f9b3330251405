#pragma once
// The three modality bars of the presentation build up while the clip plays: a visitor sees the
// evidence accumulate instead of a verdict that is there before anyone spoke. Widget-free: given
// each modality's contribution and how far the clip has played, it says how long each bar is now.
#include <array>
#include <optional>

namespace sl::present {

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

class ContributionAnimation {
public:
    void setTarget(const Contributions &target);
    const Contributions &target() const { return m_target; }

    // Progress through the clip in 0..1 (clamped). The bars reach their full length at
    // kFullAt of the clip, so that the last seconds show the complete picture.
    void setProgress(double progress);
    double progress() const { return m_progress; }

    // The bar lengths now: target times an ease-out of the progress.
    std::array<double, 3> current() const;

    static constexpr double kFullAt = 0.8;

private:
    Contributions m_target;
    double m_progress = 0;
};

// Ease-out cubic on 0..1: fast at first, settling gently.
double easeOut(double x);

}  // namespace sl::present
