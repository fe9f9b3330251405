#include "ui/present/sentiment_colour.h"

#include <algorithm>

namespace sl::present {

QColor sentimentColour(double value, double minimum, double maximum)
{
    const QColor negative(214, 69, 65), neutral(150, 150, 150), positive(46, 160, 67);
    const double half = std::max(1e-9, (maximum - minimum) / 2.0);
    const double share = std::clamp(value / half, -1.0, 1.0);
    const QColor &end = share < 0 ? negative : positive;
    const double t = std::abs(share);
    return QColor::fromRgbF(float(neutral.redF() + (end.redF() - neutral.redF()) * t),
                            float(neutral.greenF() + (end.greenF() - neutral.greenF()) * t),
                            float(neutral.blueF() + (end.blueF() - neutral.blueF()) * t));
}

}  // namespace sl::present
