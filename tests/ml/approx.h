#pragma once
// Tolerance comparison shared by the core/ml tests (QCOMPARE's fuzzy compare is relative and far
// tighter than float32 arithmetic allows).
#include <cmath>

inline bool near(double actual, double expected, double tolerance = 1e-9)
{
    return std::abs(actual - expected) <= tolerance;
}
