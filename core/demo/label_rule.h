#pragma once
// How the multimodal label M follows from the unimodal ones, and what counts as a conflict.
// Both are written to manifest.json, so a user can check every explanation against them.
#include <QString>

namespace sl::demo {

inline constexpr double kLabelMin = -3.0;  // the MOSI scale
inline constexpr double kLabelMax = 3.0;

// M = clamp(0.5*T + 0.25*A + 0.25*V, -3, 3), rounded to one decimal, halves away from zero.
// Words weigh as much as voice and face together, as in MOSI where the text carries most of the
// sentiment.
double multimodalLabel(double t, double a, double v);

// True when the words point one way and both voice and face the other way: T != 0 and
// sign(A) == sign(V) == -sign(T).
bool isConflicting(double t, double a, double v);

QString labelRuleText();
QString conflictRuleText();

}  // namespace sl::demo
