#include "ui/player/unit_range.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace sl::ui {

QVector<double> toUnitRange(const QVector<double> &values)
{
    double low = std::numeric_limits<double>::infinity();
    double high = -low;
    for (double v : values) {
        if (std::isfinite(v)) {
            low = std::min(low, v);
            high = std::max(high, v);
        }
    }
    const double span = high - low;
    QVector<double> scaled;
    scaled.reserve(values.size());
    for (double v : values) {
        if (!std::isfinite(v))
            scaled.append(std::numeric_limits<double>::quiet_NaN());
        else
            scaled.append(span > 0 ? (v - low) / span : 0.5);
    }
    return scaled;
}

}  // namespace sl::ui
