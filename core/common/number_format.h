#pragma once
// Number <-> text conversions that match what MMSA's Python tooling writes and reads.
#include <QString>
#include <optional>

namespace sl {

// Shortest text that reads back to the same double, written the way Python's repr() does for
// floats ("-1.0", "0.2", "2.4000000953674316"), so that exported label.csv files match pandas.
QString formatLabelValue(double value);

// Parses a decimal number as Python's float() would for CSV cells (surrounding blanks allowed).
std::optional<double> parseNumber(const QString &text);

}  // namespace sl
