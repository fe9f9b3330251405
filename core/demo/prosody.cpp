#include "core/demo/prosody.h"

#include "core/demo/label_rule.h"

#include <algorithm>
#include <cmath>

namespace sl::demo {

namespace {

// Linear around espeak-ng's defaults; the extremes stay intelligible (speed 130..200 wpm) and the
// slowest setting still speaks every bundled sentence in under 4.5 s.
int around(double centre, double swing, double a)
{
    return int(std::lround(centre + swing * a));
}

}  // namespace

QJsonObject Prosody::toJson() const
{
    return {{"pitch", pitch}, {"speedWpm", speedWpm}, {"amplitude", amplitude}, {"rangePercent", rangePercent}};
}

Prosody prosodyFor(double acousticLabel)
{
    const double a = std::clamp(acousticLabel / kLabelMax, -1.0, 1.0);
    Prosody p;
    p.pitch = around(50, 25, a);
    p.speedWpm = around(165, 35, a);
    p.amplitude = around(100, 60, a);
    p.rangePercent = around(100, 60, a);
    return p;
}

}  // namespace sl::demo
