#include "ui/player/frame_step.h"

#include <algorithm>
#include <cmath>

namespace sl::ui {

qint64 frameStepTarget(qint64 positionMs, int frames, double frameRate, qint64 durationMs)
{
    const double rate = frameRate > 0 ? frameRate : kFallbackFrameRate;
    const double frameMs = 1000.0 / rate;
    // Positions are whole milliseconds, so a frame start such as 33.37 ms reads back as 33: round
    // to the nearest frame rather than truncating, or a step could land on the same frame.
    const double frame = std::round(static_cast<double>(positionMs) / frameMs) + frames;
    const auto target = static_cast<qint64>(std::llround(std::max(0.0, frame) * frameMs));
    if (durationMs <= 0)
        return target;
    const auto lastFrameStart = static_cast<qint64>(std::floor((std::ceil(durationMs / frameMs) - 1) * frameMs));
    return std::clamp<qint64>(target, 0, std::max<qint64>(0, lastFrameStart));
}

}  // namespace sl::ui
