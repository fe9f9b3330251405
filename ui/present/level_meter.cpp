#include "ui/present/level_meter.h"

#include <algorithm>
#include <cmath>

namespace sl::present {

double rmsDb(std::span<const float> samples)
{
    if (samples.empty())
        return LevelMeter::kFloorDb;
    double sum = 0;
    for (float s : samples)
        sum += double(s) * double(s);
    const double rms = std::sqrt(sum / double(samples.size()));
    return rms > 0 ? std::max(LevelMeter::kFloorDb, 20.0 * std::log10(rms)) : LevelMeter::kFloorDb;
}

double LevelMeter::feed(std::span<const float> samples)
{
    m_level = std::clamp(1.0 - rmsDb(samples) / kFloorDb, 0.0, 1.0);
    m_peak = std::max(m_level, m_peak - kPeakFall);
    return m_level;
}

}  // namespace sl::present
