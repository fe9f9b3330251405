#pragma once
// The microphone level a presenter watches during a take: RMS of the last block in dBFS, mapped to
// 0..1 over a 60 dB range, with a peak that falls back slowly so that a word stays visible.
// Widget-free; fed with float samples (from the microphone, or the file of a file-backed take).
#include <span>

namespace sl::present {

class LevelMeter {
public:
    // Feeds one block; returns the new level (0..1).
    double feed(std::span<const float> samples);
    double level() const { return m_level; }
    double peak() const { return m_peak; }
    void reset() { m_level = m_peak = 0; }

    static constexpr double kFloorDb = -60.0;
    // The peak falls by this much of the range per block (about 20 blocks a second: ~1 s to empty).
    static constexpr double kPeakFall = 0.05;

private:
    double m_level = 0;
    double m_peak = 0;
};

// RMS of the samples in dBFS (full scale = 1.0); kFloorDb for silence or an empty block.
double rmsDb(std::span<const float> samples);

}  // namespace sl::present
