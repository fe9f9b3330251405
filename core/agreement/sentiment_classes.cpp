#include "core/agreement/sentiment_classes.h"

#include <algorithm>
#include <cmath>

namespace sl::agreement {

int ordinalClassCount(ScaleKind scale) { return scale == ScaleKind::Mosi ? 7 : 5; }

int ordinalClass(ScaleKind scale, double value)
{
    if (scale == ScaleKind::Mosi)
        return int(std::nearbyint(std::clamp(value, -3.0, 3.0))) + 3;  // nearbyint: half to even, like numpy
    // MMSA's upper-inclusive bins; the outer edges (-1.01, 1.01) take the scale's ends.
    constexpr double upper[] = {-0.7, -0.1, 0.1, 0.7};
    int c = 0;
    while (c < 4 && value > upper[c])
        ++c;
    return c;
}

int polarityClass(double value) { return value < 0 ? 0 : (value > 0 ? 2 : 1); }

}  // namespace sl::agreement
