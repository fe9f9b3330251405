#pragma once
// The ordered classes that MMSA evaluates sentiment labels in, without Qt so the statistics can use
// them: MOSI/MOSEI style labels (-3..3) are clipped to -3..3 and rounded to 7 classes (numpy's
// round, half to even); CH-SIMS style labels (-1..1) fall into MMSA's 5 intervals
// [-1,-0.7], (-0.7,-0.1], (-0.1,0.1], (0.1,0.7], (0.7,1]. Polarity is negative / neutral (exactly
// 0, as `stats` counts it) / positive.
namespace sl::agreement {

enum class ScaleKind { Mosi, Sims };

int ordinalClassCount(ScaleKind scale);        // 7 or 5
int ordinalClass(ScaleKind scale, double value);  // 0..count-1, lowest sentiment first
int polarityClass(double value);               // 0 negative, 1 neutral, 2 positive
inline constexpr int kPolarityClasses = 3;

}  // namespace sl::agreement
