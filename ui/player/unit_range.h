#pragma once
// Rescales a curve into [0, 1] so that curves with unrelated units (Hz, dB, a probability) can
// share one timeline, each in its own row.
#include <QVector>

namespace sl::ui {

// Maps the finite minimum to 0 and the finite maximum to 1. Non-finite values stay NaN (a gap in
// the plot); a flat curve lands in the middle of its row.
QVector<double> toUnitRange(const QVector<double> &values);

}  // namespace sl::ui
