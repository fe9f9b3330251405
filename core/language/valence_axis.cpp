#include "core/language/valence_axis.h"

#include "core/common/error.h"

#include <QStringList>

#include <algorithm>
#include <cmath>
#include <mutex>

namespace sl::language {

namespace {

// Solves A x = b in place for a symmetric positive definite A (dims x dims, row-major) by
// Cholesky, A = L L'. Returns false when a pivot is not positive beyond rounding (relative to its
// diagonal entry), i.e. when A is singular or nearly so.
bool choleskySolve(std::vector<double> &a, std::vector<double> &b, int dims)
{
    for (int j = 0; j < dims; ++j) {
        const double entry = a[size_t(j * dims + j)];
        double pivot = entry;
        for (int k = 0; k < j; ++k)
            pivot -= a[size_t(j * dims + k)] * a[size_t(j * dims + k)];
        if (!(pivot > 1e-12 * entry))
            return false;
        const double diagonal = std::sqrt(pivot);
        a[size_t(j * dims + j)] = diagonal;
        for (int i = j + 1; i < dims; ++i) {
            double sum = a[size_t(i * dims + j)];
            for (int k = 0; k < j; ++k)
                sum -= a[size_t(i * dims + k)] * a[size_t(j * dims + k)];
            a[size_t(i * dims + j)] = sum / diagonal;
        }
    }
    for (int i = 0; i < dims; ++i) {  // L y = b
        for (int k = 0; k < i; ++k)
            b[size_t(i)] -= a[size_t(i * dims + k)] * b[size_t(k)];
        b[size_t(i)] /= a[size_t(i * dims + i)];
    }
    for (int i = dims - 1; i >= 0; --i) {  // L' x = y
        for (int k = i + 1; k < dims; ++k)
            b[size_t(i)] -= a[size_t(k * dims + i)] * b[size_t(k)];
        b[size_t(i)] /= a[size_t(i * dims + i)];
    }
    return true;
}

}  // namespace

LinearFit ridgeFit(const std::vector<double> &rows, int dims, const std::vector<double> &targets, double lambda)
{
    const size_t n = targets.size();
    if (dims <= 0 || n == 0 || rows.size() != n * size_t(dims))
        throw Error(QStringLiteral("ridge regression: %1 values for %2 targets of %3 dimensions")
                        .arg(rows.size()).arg(n).arg(dims));
    // Centring removes the intercept from the penalised system; it is recovered from the means.
    std::vector<double> meanX(size_t(dims), 0.0);
    double meanY = 0;
    for (size_t i = 0; i < n; ++i) {
        for (int d = 0; d < dims; ++d)
            meanX[size_t(d)] += rows[i * size_t(dims) + size_t(d)] / double(n);
        meanY += targets[i] / double(n);
    }
    std::vector<double> gram(size_t(dims) * size_t(dims), 0.0), rhs(size_t(dims), 0.0);
    std::vector<double> centred(size_t(dims), 0.0);
    for (size_t i = 0; i < n; ++i) {
        for (int d = 0; d < dims; ++d)
            centred[size_t(d)] = rows[i * size_t(dims) + size_t(d)] - meanX[size_t(d)];
        for (int r = 0; r < dims; ++r) {
            rhs[size_t(r)] += centred[size_t(r)] * (targets[i] - meanY);
            for (int c = 0; c <= r; ++c)
                gram[size_t(r * dims + c)] += centred[size_t(r)] * centred[size_t(c)];
        }
    }
    for (int r = 0; r < dims; ++r) {
        gram[size_t(r * dims + r)] += lambda;
        for (int c = 0; c < r; ++c)
            gram[size_t(c * dims + r)] = gram[size_t(r * dims + c)];
    }
    if (!choleskySolve(gram, rhs, dims))
        throw Error(QStringLiteral("ridge regression: the system is singular (%1 samples, %2 dimensions, lambda %3)")
                        .arg(n).arg(dims).arg(lambda));
    LinearFit fit;
    fit.weights = rhs;
    fit.intercept = meanY;
    for (int d = 0; d < dims; ++d)
        fit.intercept -= fit.weights[size_t(d)] * meanX[size_t(d)];
    return fit;
}

ValenceAxis ValenceAxis::fit(const WordVectors &vectors, const VaderLexicon &lexicon, double lambda)
{
    const int dims = vectors.dims();
    std::vector<double> rows, targets;
    std::vector<float> vector(size_t(std::max(dims, 0)));
    // In sorted order: QHash's order changes from process to process, and so would the sums'
    // rounding, and with it the features' last bits.
    QStringList words = lexicon.entries().keys();
    words.sort();
    for (const QString &word : words) {
        if (!vectors.lookup(word, vector.data()))
            continue;
        rows.insert(rows.end(), vector.begin(), vector.end());
        targets.push_back(lexicon.entries().value(word));
    }
    if (int(targets.size()) <= dims)
        throw Error(QStringLiteral("valence axis: only %1 lexicon words have a word vector of %2 dimensions")
                        .arg(targets.size()).arg(dims));
    ValenceAxis axis;
    axis.m_fit = ridgeFit(rows, dims, targets, lambda);
    axis.m_words = int(targets.size());
    return axis;
}

std::shared_ptr<const ValenceAxis> ValenceAxis::standard()
{
    static std::mutex mutex;
    static std::shared_ptr<const ValenceAxis> fitted;
    const std::lock_guard lock(mutex);
    if (!fitted)
        fitted = std::make_shared<const ValenceAxis>(fit(*WordVectors::standard(), VaderLexicon::bundled()));
    return fitted;
}

double ValenceAxis::valence(const float *vector) const
{
    double sum = m_fit.intercept;
    for (size_t d = 0; d < m_fit.weights.size(); ++d)
        sum += m_fit.weights[d] * double(vector[d]);
    return sum;
}

}  // namespace sl::language
