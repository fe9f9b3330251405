#pragma once
// What the labelling keys do to a value, for both label scales. Kept apart from the widgets so the
// rules can be tested and listed in the help overlay.
#include "core/common/label_scale.h"

#include <optional>

namespace sl::session {

enum class LabelKeyAction {
    Digit,     // set the magnitude to digit x unit, keeping the current sign (so "-" then "2" gives -2)
    StepUp,    // + one unit
    StepDown,  // - one unit
    FineUp,    // + one fine step (0.1 on the continuous MOSI scale; one unit on CH-SIMS)
    FineDown,
    Negate,    // flip the sign
    Clear,     // remove the label
};

// Unit of the coarse keys: 1 on the 7-point MOSI scale, 0.2 on CH-SIMS.
double labelUnit(const LabelScale &scale);
double labelFineStep(const LabelScale &scale);

// Clamps to the scale and rounds to the fine step (exactly, without floating-point residue).
double snapLabelValue(const LabelScale &scale, double value);

// The value after the key; empty for Clear. Results are clamped to the scale and rounded to the
// fine step so that repeated steps never drift (0.1 + 0.2 must stay 0.3). Negate leaves an empty
// label empty: flipping "nothing" must not invent a 0.
std::optional<double> applyLabelKey(const LabelScale &scale, std::optional<double> current, LabelKeyAction action,
                                    int digit = 0);

// True when the key asked for a value beyond the scale, so applyLabelKey clamped it (digit 7 on
// the -3..3 scale, "+" at 3): the window says so instead of clamping silently.
bool labelKeyLeavesScale(const LabelScale &scale, std::optional<double> current, LabelKeyAction action, int digit = 0);

}  // namespace sl::session
