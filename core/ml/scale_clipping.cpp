#include "core/ml/scale_clipping.h"

#include <cmath>

namespace sl::ml {

double scaleLimit(MetricScale scale) { return scale == MetricScale::Sims ? 1.0 : 3.0; }

double clipToScale(MetricScale scale, double raw)
{
    const double limit = scaleLimit(scale);
    if (std::isnan(raw))
        return raw;
    return raw < -limit ? -limit : raw > limit ? limit : raw;
}

}  // namespace sl::ml
