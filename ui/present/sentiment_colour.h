#pragma once
// One colour scale for everything the presentation paints: red for negative, grey at zero, green
// for positive, so a visitor learns it once.
#include <QColor>

namespace sl::present {

QColor sentimentColour(double value, double minimum, double maximum);

}  // namespace sl::present
