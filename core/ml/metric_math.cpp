#include "core/ml/metric_math.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <limits>
#include <set>
#include <stdexcept>
#include <string>

namespace sl::ml {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}

double roundHalfEven(double x)
{
    // nearbyint follows the current rounding mode, which is round-to-nearest-even unless someone
    // changed it; std::round would send halves away from zero and disagree with NumPy.
    return std::nearbyint(x);
}

double roundToDecimals(double x, int decimals)
{
    if (!std::isfinite(x))
        return x;
    // to_chars with a precision prints the correctly rounded decimal, as Python's round does, and
    // unlike printf/strtod it ignores the C locale (which a Qt application sets from the user's).
    std::array<char, 400> buffer{};
    const auto printed = std::to_chars(buffer.data(), buffer.data() + buffer.size(), x,
                                       std::chars_format::fixed, decimals);
    if (printed.ec != std::errc())
        return x;
    double result = x;
    std::from_chars(buffer.data(), printed.ptr, result);
    return result;
}

std::vector<double> clipped(const std::vector<double> &values, double low, double high)
{
    std::vector<double> out(values.size());
    std::transform(values.begin(), values.end(), out.begin(),
                   [&](double v) { return std::clamp(v, low, high); });
    return out;
}

std::vector<double> selected(const std::vector<double> &values, const std::vector<bool> &keep)
{
    requireSameSize(values.size(), keep.size(), "selected");
    std::vector<double> out;
    for (std::size_t i = 0; i < values.size(); ++i)
        if (keep[i])
            out.push_back(values[i]);
    return out;
}

double accuracy(const std::vector<int> &truth, const std::vector<int> &predicted)
{
    requireSameSize(truth.size(), predicted.size(), "accuracy");
    if (truth.empty())
        return kNaN;
    std::size_t equal = 0;
    for (std::size_t i = 0; i < truth.size(); ++i)
        equal += truth[i] == predicted[i] ? 1 : 0;
    return static_cast<double>(equal) / static_cast<double>(truth.size());
}

double weightedF1(const std::vector<int> &truth, const std::vector<int> &predicted)
{
    requireSameSize(truth.size(), predicted.size(), "weightedF1");
    if (truth.empty())
        return kNaN;
    std::set<int> classes(truth.begin(), truth.end());
    classes.insert(predicted.begin(), predicted.end());

    double weightedSum = 0.0;
    double totalSupport = 0.0;
    for (int c : classes) {
        double tp = 0, fp = 0, fn = 0;
        for (std::size_t i = 0; i < truth.size(); ++i) {
            const bool isTrue = truth[i] == c;
            const bool isPredicted = predicted[i] == c;
            tp += isTrue && isPredicted ? 1 : 0;
            fp += !isTrue && isPredicted ? 1 : 0;
            fn += isTrue && !isPredicted ? 1 : 0;
        }
        const double precision = tp + fp > 0 ? tp / (tp + fp) : 0.0;
        const double recall = tp + fn > 0 ? tp / (tp + fn) : 0.0;
        // Same operation order as sklearn (2 * p * r / (p + r)), so results agree to the last bit.
        const double denominator = precision + recall;
        const double f1 = denominator > 0 ? 2 * precision * recall / denominator : 0.0;
        const double support = tp + fn;
        weightedSum += f1 * support;
        totalSupport += support;
    }
    return weightedSum / totalSupport;
}

std::vector<double> asFloat32(const std::vector<double> &values)
{
    std::vector<double> out(values.size());
    std::transform(values.begin(), values.end(), out.begin(),
                   [](double v) { return static_cast<double>(static_cast<float>(v)); });
    return out;
}

namespace {

// NumPy's pairwise summation (add.reduce on a contiguous array): short runs are added in order,
// runs up to 128 use eight interleaved accumulators, longer ones split in two at a multiple of 8.
template <typename T>
T pairwiseSum(const T *a, std::size_t n)
{
    if (n < 8) {
        T sum = 0;
        for (std::size_t i = 0; i < n; ++i)
            sum += a[i];
        return sum;
    }
    if (n <= 128) {
        T r[8];
        std::copy(a, a + 8, r);
        std::size_t i = 8;
        for (; i < n - n % 8; i += 8)
            for (std::size_t j = 0; j < 8; ++j)
                r[j] += a[i + j];
        T sum = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
        for (; i < n; ++i)
            sum += a[i];
        return sum;
    }
    std::size_t half = n / 2;
    half -= half % 8;
    return pairwiseSum(a, half) + pairwiseSum(a + half, n - half);
}

template <typename T>
double typedMean(const std::vector<double> &values)
{
    const std::vector<T> typed(values.begin(), values.end());
    const T sum = pairwiseSum(typed.data(), typed.size());
    return static_cast<double>(static_cast<T>(sum / static_cast<T>(typed.size())));
}

}  // namespace

double numpyMean(const std::vector<double> &values, Precision precision)
{
    if (values.empty())
        return kNaN;
    return precision == Precision::Float32 ? typedMean<float>(values) : typedMean<double>(values);
}

double meanAbsoluteError(const std::vector<double> &a, const std::vector<double> &b,
                         Precision precision)
{
    requireSameSize(a.size(), b.size(), "meanAbsoluteError");
    std::vector<double> distances(a.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        distances[i] = precision == Precision::Float32
                           ? std::abs(static_cast<float>(a[i]) - static_cast<float>(b[i]))
                           : std::abs(a[i] - b[i]);
    }
    return numpyMean(distances, precision);
}

double pearson(const std::vector<double> &a, const std::vector<double> &b)
{
    requireSameSize(a.size(), b.size(), "pearson");
    const auto constant = [](const std::vector<double> &v) {
        return std::all_of(v.begin(), v.end(), [&](double x) { return x == v.front(); });
    };
    // NumPy divides by zero here and returns NaN (with a warning); say so explicitly instead of
    // relying on a mean that may not reproduce the constant exactly.
    if (a.size() < 2 || constant(a) || constant(b))
        return kNaN;
    const double meanA = numpyMean(a, Precision::Float64);
    const double meanB = numpyMean(b, Precision::Float64);
    double sab = 0.0, saa = 0.0, sbb = 0.0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const double da = a[i] - meanA;
        const double db = b[i] - meanB;
        sab += da * db;
        saa += da * da;
        sbb += db * db;
    }
    // np.cov multiplies by 1 / (n - 1); corrcoef then divides by each standard deviation in turn.
    // (NumPy's dot product goes through BLAS, whose summation order is not reproduced here.)
    const double scale = 1.0 / static_cast<double>(a.size() - 1);
    const double r = (sab * scale) / std::sqrt(saa * scale) / std::sqrt(sbb * scale);
    return std::clamp(r, -1.0, 1.0);
}

void requireSameSize(std::size_t a, std::size_t b, const char *what)
{
    if (a != b)
        throw std::invalid_argument(std::string(what) + ": the two inputs differ in length (" +
                                    std::to_string(a) + " and " + std::to_string(b) + ")");
}

}  // namespace sl::ml
