#include "core/agreement/rating_matrix.h"

#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace sl::agreement {

namespace {
constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();
}

RatingMatrix::RatingMatrix(std::size_t units, std::size_t raters)
    : m_units(units), m_raters(raters), m_values(units * raters, kMissing)
{
}

std::size_t RatingMatrix::index(std::size_t unit, std::size_t rater) const
{
    if (unit >= m_units || rater >= m_raters)
        throw std::invalid_argument("rating matrix: cell (" + std::to_string(unit) + ", " + std::to_string(rater) +
                                    ") lies outside " + std::to_string(m_units) + " units x " +
                                    std::to_string(m_raters) + " raters");
    return unit * m_raters + rater;
}

void RatingMatrix::set(std::size_t unit, std::size_t rater, double value)
{
    if (!std::isfinite(value))
        throw std::invalid_argument("rating matrix: unit " + std::to_string(unit) + ", rater " +
                                    std::to_string(rater) + ": a rating must be a finite number");
    m_values[index(unit, rater)] = value;
}

void RatingMatrix::clear(std::size_t unit, std::size_t rater) { m_values[index(unit, rater)] = kMissing; }

bool RatingMatrix::has(std::size_t unit, std::size_t rater) const { return !std::isnan(m_values[index(unit, rater)]); }

double RatingMatrix::at(std::size_t unit, std::size_t rater) const { return m_values[index(unit, rater)]; }

std::vector<double> RatingMatrix::unitValues(std::size_t unit) const
{
    std::vector<double> values;
    for (std::size_t r = 0; r < m_raters; ++r)
        if (has(unit, r))
            values.push_back(at(unit, r));
    return values;
}

std::vector<std::size_t> RatingMatrix::completeUnits() const
{
    std::vector<std::size_t> units;
    for (std::size_t u = 0; u < m_units; ++u)
        if (unitValues(u).size() == m_raters)
            units.push_back(u);
    return units;
}

RatingMatrix RatingMatrix::mapped(const std::function<double(double)> &f) const
{
    RatingMatrix result(m_units, m_raters);
    for (std::size_t u = 0; u < m_units; ++u)
        for (std::size_t r = 0; r < m_raters; ++r)
            if (has(u, r))
                result.set(u, r, f(at(u, r)));
    return result;
}

RatingMatrix RatingMatrix::withRaters(const std::vector<std::size_t> &raters) const
{
    RatingMatrix result(m_units, raters.size());
    for (std::size_t u = 0; u < m_units; ++u)
        for (std::size_t i = 0; i < raters.size(); ++i)
            if (has(u, raters[i]))
                result.set(u, i, at(u, raters[i]));
    return result;
}

}  // namespace sl::agreement
