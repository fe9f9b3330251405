#include "core/ml/metrics.h"

#include "core/ml/metric_math.h"

#include <stdexcept>

namespace sl::ml {

namespace {

// Both sides of every reference script are float32 tensors (labels included), so values are first
// rounded to float32: a label stored as 0.1 then compares with the bin edge 0.1 as NumPy does.
struct Float32Pair {
    std::vector<double> predictions;
    std::vector<double> labels;
};

Float32Pair asTensors(const std::vector<double> &predictions, const std::vector<double> &labels,
                      const char *what)
{
    requireSameSize(predictions.size(), labels.size(), what);
    return {asFloat32(predictions), asFloat32(labels)};
}

// Class index of each value under a boolean rule (for example "v >= 0").
template <typename Rule>
std::vector<int> classes(const std::vector<double> &values, Rule rule)
{
    std::vector<int> out(values.size());
    for (std::size_t i = 0; i < values.size(); ++i)
        out[i] = rule(values[i]) ? 1 : 0;
    return out;
}

// np.round of both sides after np.clip to [-limit, limit], then the share of equal integers.
double roundedClassAccuracy(const std::vector<double> &predictions,
                            const std::vector<double> &labels, double limit)
{
    const auto rounded = [limit](const std::vector<double> &values) {
        std::vector<int> out;
        for (double v : clipped(values, -limit, limit))
            out.push_back(static_cast<int>(roundHalfEven(v)));
        return out;
    };
    return accuracy(rounded(labels), rounded(predictions));
}

// MMSA's SIMS bins: value v gets class i when edges[i] < v <= edges[i + 1]. The comparison is
// made in float32, as NumPy compares a float32 array with a Python float.
std::vector<int> binned(const std::vector<double> &values, const std::vector<double> &edges)
{
    std::vector<int> out(values.size(), 0);
    for (std::size_t k = 0; k < values.size(); ++k) {
        const float v = static_cast<float>(values[k]);
        for (std::size_t i = 0; i + 1 < edges.size(); ++i)
            if (v > static_cast<float>(edges[i]) && v <= static_cast<float>(edges[i + 1]))
                out[k] = static_cast<int>(i);
    }
    return out;
}

std::vector<bool> nonZero(const std::vector<double> &labels)
{
    std::vector<bool> keep(labels.size());
    for (std::size_t i = 0; i < labels.size(); ++i)
        keep[i] = labels[i] != 0.0;
    return keep;
}

bool atLeastZero(double v) { return v >= 0.0; }

// MMSA's eval functions end with Python's round(value, 4) on every entry.
MetricList roundedAsAsked(MetricList metrics, MetricRounding rounding)
{
    if (rounding == MetricRounding::AsMmsa)
        for (auto &entry : metrics)
            entry.second = roundToDecimals(entry.second, 4);
    return metrics;
}
bool aboveZero(double v) { return v > 0.0; }

}  // namespace

MetricList mmsaMosiMetrics(const std::vector<double> &predictions,
                           const std::vector<double> &labels, MetricRounding rounding)
{
    const auto [p, y] = asTensors(predictions, labels, "mmsaMosiMetrics");

    const std::vector<int> has0Truth = classes(y, atLeastZero);
    const std::vector<int> has0Pred = classes(p, atLeastZero);
    const std::vector<bool> keep = nonZero(y);
    const std::vector<int> non0Truth = classes(selected(y, keep), aboveZero);
    const std::vector<int> non0Pred = classes(selected(p, keep), aboveZero);

    MetricList metrics{
        {"Has0_acc_2", accuracy(has0Truth, has0Pred)},
        {"Has0_F1_score", weightedF1(has0Truth, has0Pred)},
        {"Non0_acc_2", accuracy(non0Truth, non0Pred)},
        {"Non0_F1_score", weightedF1(non0Truth, non0Pred)},
        {"Mult_acc_5", roundedClassAccuracy(p, y, 2.0)},
        {"Mult_acc_7", roundedClassAccuracy(p, y, 3.0)},
        {"MAE", meanAbsoluteError(p, y, Precision::Float32)},
        {"Corr", pearson(p, y)},
    };
    return roundedAsAsked(std::move(metrics), rounding);
}

MetricList mmsaSimsMetrics(const std::vector<double> &predictions,
                           const std::vector<double> &labels, MetricRounding rounding)
{
    const auto tensors = asTensors(predictions, labels, "mmsaSimsMetrics");
    const std::vector<double> p = clipped(tensors.predictions, -1.0, 1.0);
    const std::vector<double> y = clipped(tensors.labels, -1.0, 1.0);

    const std::vector<double> edges2{-1.01, 0.0, 1.01};
    const std::vector<double> edges3{-1.01, -0.1, 0.1, 1.01};
    const std::vector<double> edges5{-1.01, -0.7, -0.1, 0.1, 0.7, 1.01};
    const std::vector<int> truth2 = binned(y, edges2);
    const std::vector<int> pred2 = binned(p, edges2);

    MetricList metrics{
        {"Mult_acc_2", accuracy(truth2, pred2)},
        {"Mult_acc_3", accuracy(binned(y, edges3), binned(p, edges3))},
        {"Mult_acc_5", accuracy(binned(y, edges5), binned(p, edges5))},
        {"F1_score", weightedF1(truth2, pred2)},
        {"MAE", meanAbsoluteError(p, y, Precision::Float32)},
        {"Corr", pearson(p, y)},
    };
    return roundedAsAsked(std::move(metrics), rounding);
}

MetricList mmsaMetrics(MetricScale scale, const std::vector<double> &predictions,
                       const std::vector<double> &labels)
{
    return scale == MetricScale::Sims ? mmsaSimsMetrics(predictions, labels)
                                      : mmsaMosiMetrics(predictions, labels);
}

MetricList magBertMetrics(const std::vector<double> &predictions,
                          const std::vector<double> &labels, MagBertVariant variant)
{
    // The scripts turn float32 outputs into Python floats, so from here on NumPy works in float64.
    const auto [p, y] = asTensors(predictions, labels, "magBertMetrics");
    const std::vector<bool> keep = nonZero(y);
    const std::vector<double> pNon0 = selected(p, keep);
    const std::vector<double> yNon0 = selected(y, keep);
    const std::vector<int> truth = classes(yNon0, atLeastZero);
    const std::vector<int> pred = classes(pNon0, atLeastZero);

    const bool allSamples = variant == MagBertVariant::KanMcp;
    const std::vector<double> &pError = allSamples ? p : pNon0;
    const std::vector<double> &yError = allSamples ? y : yNon0;
    return {
        {"Acc7", roundedClassAccuracy(p, y, 3.0)},
        {"Acc2", accuracy(truth, pred)},
        {"F1", weightedF1(truth, pred)},
        {"MAE", meanAbsoluteError(pError, yError, Precision::Float64)},
        {"Corr", pearson(pError, yError)},
    };
}

double metricValue(const MetricList &metrics, const std::string &name)
{
    for (const auto &[key, value] : metrics)
        if (key == name)
            return value;
    throw std::out_of_range("no metric named '" + name + "'");
}

}  // namespace sl::ml
