#include "ui/present/contribution_animation.h"

#include <algorithm>

namespace sl::present {

double easeOut(double x)
{
    x = std::clamp(x, 0.0, 1.0);
    const double rest = 1.0 - x;
    return 1.0 - rest * rest * rest;
}

void ContributionAnimation::setTarget(const Contributions &target)
{
    m_target = target;
    m_progress = 0;
}

void ContributionAnimation::setProgress(double progress) { m_progress = std::clamp(progress, 0.0, 1.0); }

std::array<double, 3> ContributionAnimation::current() const
{
    const double share = easeOut(m_progress / kFullAt);
    std::array<double, 3> bars{};
    for (size_t i = 0; i < bars.size(); ++i)
        bars[i] = m_target.values[i] * share;
    return bars;
}

}  // namespace sl::present
