#pragma once
// Reliability data in their canonical form: units (clips) x raters (annotators), each cell one
// value or missing. Plain C++ (no Qt), so that the statistics can be checked in isolation.
#include <cstddef>
#include <functional>
#include <vector>

namespace sl::agreement {

class RatingMatrix {
public:
    RatingMatrix(std::size_t units, std::size_t raters);

    std::size_t units() const { return m_units; }
    std::size_t raters() const { return m_raters; }

    // Throws std::invalid_argument for a cell outside the matrix or a value that is not finite
    // (missing is expressed by not setting a cell, never by NaN).
    void set(std::size_t unit, std::size_t rater, double value);
    void clear(std::size_t unit, std::size_t rater);
    bool has(std::size_t unit, std::size_t rater) const;
    double at(std::size_t unit, std::size_t rater) const;  // NaN when missing

    // The values present in one unit, in rater order.
    std::vector<double> unitValues(std::size_t unit) const;
    // The units every rater rated (the complete cases).
    std::vector<std::size_t> completeUnits() const;
    // The same matrix with every present value passed through `f` (e.g. to ordinal classes).
    RatingMatrix mapped(const std::function<double(double)> &f) const;
    // The matrix restricted to the given raters, in that order.
    RatingMatrix withRaters(const std::vector<std::size_t> &raters) const;

private:
    std::size_t index(std::size_t unit, std::size_t rater) const;

    std::size_t m_units = 0;
    std::size_t m_raters = 0;
    std::vector<double> m_values;  // row-major; NaN = missing
};

}  // namespace sl::agreement
