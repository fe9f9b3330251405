#pragma once
// The three modality bars of the presentation build up while the clip plays: a visitor sees the
// evidence accumulate instead of a verdict that is there before anyone spoke. Widget-free: given
// each modality's contribution and how far the clip has played, it says how long each bar is now.
#include "core/explain/modality_contributions.h"

#include <array>

namespace sl::present {

// The data (values, whether they are Shapley values, their start; the model's own view) is
// core's: the bars only animate it.
using explain::Contributions;
using explain::ModelInsight;

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
