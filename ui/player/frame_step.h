#pragma once
// Where a frame step lands. Kept apart from the widget so the arithmetic is testable alone.
#include <QtGlobal>

namespace sl::ui {

// Used when the clip does not state its frame rate.
inline constexpr double kFallbackFrameRate = 25.0;

// Moves `frames` frames (negative = back) from the frame that contains `positionMs`, on the grid
// of frame starts, so repeated steps never drift. The result stays within the clip: from 0 to
// the start of its last frame (no upper bound while the duration is unknown, i.e. <= 0).
qint64 frameStepTarget(qint64 positionMs, int frames, double frameRate, qint64 durationMs);

}  // namespace sl::ui
