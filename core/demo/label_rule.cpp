#include "core/demo/label_rule.h"

#include <algorithm>
#include <cmath>

namespace sl::demo {

namespace {

int sign(double x)
{
    return (x > 0) - (x < 0);
}

}  // namespace

double multimodalLabel(double t, double a, double v)
{
    const double m = std::clamp(0.5 * t + 0.25 * a + 0.25 * v, kLabelMin, kLabelMax);
    // std::round rounds halves away from zero on every platform, unlike printf-style rounding.
    return std::round(m * 10.0) / 10.0;
}

bool isConflicting(double t, double a, double v)
{
    const int s = sign(t);
    return s != 0 && sign(a) == -s && sign(v) == -s;
}

QString labelRuleText()
{
    return QStringLiteral("M = clamp(0.5*T + 0.25*A + 0.25*V, -3, 3), rounded to 0.1 (halves away from zero)");
}

QString conflictRuleText()
{
    return QStringLiteral("conflicting: T != 0 and sign(A) == sign(V) == -sign(T)");
}

}  // namespace sl::demo
