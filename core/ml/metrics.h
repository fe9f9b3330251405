#pragma once
// Regression metric sets as the Python reference code computes them: MMSA's (thuiar/MMSA,
// utils/metricsTop.py) for the MOSI and CH-SIMS label scales, and the MAG-BERT-style evaluation of
// the MIB and KAN-MCP scripts, so that numbers can be compared with published tables.
// Plain vectors in, so callers need no LibTorch.
//
// As in the reference code, predictions and labels are first held as float32 (the tensors the
// Python scripts evaluate), so class boundaries and MMSA's float32 mean fall where NumPy puts them.
// An empty subset (e.g. Non0 when every label is 0) gives NaN where Python would fail or warn.
#include <string>
#include <utility>
#include <vector>

namespace sl::ml {

// (name, value) pairs in the order the reference code reports them.
using MetricList = std::vector<std::pair<std::string, double>>;

// Which label scale the numbers follow: MOSI/MOSEI (-3..3) or CH-SIMS (-1..1).
enum class MetricScale { Mosi, Sims };

// MMSA reports every metric after Python's round(x, 4) (for CH-SIMS too, since its 2022
// metricsTop.py); Exact keeps the unrounded value.
enum class MetricRounding { AsMmsa, Exact };

// MMSA, MOSI and MOSEI: Has0_acc_2, Has0_F1_score, Non0_acc_2, Non0_F1_score, Mult_acc_5,
// Mult_acc_7, MAE, Corr. Accuracies and F1 are fractions (MMSA's tables multiply by 100).
// Non0 values are NaN when every label is 0; Corr is NaN when either side is constant.
MetricList mmsaMosiMetrics(const std::vector<double> &predictions,
                           const std::vector<double> &labels,
                           MetricRounding rounding = MetricRounding::AsMmsa);

// MMSA, CH-SIMS and CH-SIMS v2: Mult_acc_2, Mult_acc_3, Mult_acc_5, F1_score, MAE, Corr, all on
// values clipped to [-1, 1], rounded to 4 decimals as MMSA's current metricsTop.py does.
MetricList mmsaSimsMetrics(const std::vector<double> &predictions,
                           const std::vector<double> &labels,
                           MetricRounding rounding = MetricRounding::AsMmsa);

// MMSA's set for the given scale.
MetricList mmsaMetrics(MetricScale scale, const std::vector<double> &predictions,
                       const std::vector<double> &labels);

// Which script's variant of the MAG-BERT-style evaluation: both drop zero labels for Acc2/F1,
// MIB also for MAE and Corr, KAN-MCP computes those on all samples.
enum class MagBertVariant { Mib, KanMcp };

// Acc7 (all samples), Acc2 and F1 (non-zero labels, classes p >= 0 vs y >= 0), MAE, Corr.
MetricList magBertMetrics(const std::vector<double> &predictions,
                          const std::vector<double> &labels, MagBertVariant variant);

// The value called `name`; throws std::out_of_range when the list has none.
double metricValue(const MetricList &metrics, const std::string &name);

}  // namespace sl::ml
