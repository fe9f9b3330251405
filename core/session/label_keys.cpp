#include "core/session/label_keys.h"

#include <algorithm>
#include <cmath>

namespace sl::session {

double labelUnit(const LabelScale &scale) { return scale.step() > 0 ? scale.step() : 1.0; }

double labelFineStep(const LabelScale &scale) { return scale.step() > 0 ? scale.step() : 0.1; }

double snapLabelValue(const LabelScale &scale, double value)
{
    const double fine = labelFineStep(scale);
    const double snapped = std::nearbyint(value / fine) * fine;
    const double clamped = std::clamp(snapped, scale.minimum(), scale.maximum());
    // Round to 10 decimals so 3 * 0.2 prints as 0.6, not 0.6000000000000001.
    const double rounded = std::round(clamped * 1e10) / 1e10;
    return rounded == 0.0 ? 0.0 : rounded;  // no "-0"
}


namespace {
// The value the key asks for, before clamping and rounding; empty for Clear and for Negate on an
// empty label.
std::optional<double> requestedValue(const LabelScale &scale, std::optional<double> current, LabelKeyAction action,
                                     int digit)
{
    const double value = current.value_or(0.0);
    switch (action) {
    case LabelKeyAction::Digit: {
        const double magnitude = std::max(0, digit) * labelUnit(scale);
        return std::signbit(value) && value != 0.0 ? -magnitude : magnitude;
    }
    case LabelKeyAction::StepUp: return value + labelUnit(scale);
    case LabelKeyAction::StepDown: return value - labelUnit(scale);
    case LabelKeyAction::FineUp: return value + labelFineStep(scale);
    case LabelKeyAction::FineDown: return value - labelFineStep(scale);
    case LabelKeyAction::Negate: return current ? std::optional<double>(-*current) : std::nullopt;
    case LabelKeyAction::Clear: return std::nullopt;
    }
    return current;
}
}  // namespace

std::optional<double> applyLabelKey(const LabelScale &scale, std::optional<double> current, LabelKeyAction action,
                                    int digit)
{
    const auto requested = requestedValue(scale, current, action, digit);
    return requested ? std::optional<double>(snapLabelValue(scale, *requested)) : std::nullopt;
}

bool labelKeyLeavesScale(const LabelScale &scale, std::optional<double> current, LabelKeyAction action, int digit)
{
    const auto requested = requestedValue(scale, current, action, digit);
    // Half a fine step of slack, so that rounding residue at the ends never counts as leaving.
    const double slack = labelFineStep(scale) / 2;
    return requested && (*requested > scale.maximum() + slack || *requested < scale.minimum() - slack);
}

}  // namespace sl::session
