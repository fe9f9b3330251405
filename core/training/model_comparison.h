#pragma once
// Two models side by side: their metrics on the same split and target, and the clips whose
// prediction changed most from one to the other. Free of LibTorch.
#include "core/training/model_summary.h"

#include <QList>
#include <optional>

namespace sl::training {

struct MetricComparison {
    QString split, target, metric;
    std::optional<double> first, second;  // empty where that model has no such number
};

// Every (split, target, metric) either model has, in the first model's order, then the second's extras.
QList<MetricComparison> compareMetrics(const ModelSummary &first, const ModelSummary &second);

struct PredictionChange {
    qint64 clipId = 0;
    double first = 0, second = 0;
    double change() const { return second - first; }
};

// Clips predicted by both models for `target`, largest absolute change first.
QList<PredictionChange> changedPredictions(const QList<store::PredictionRecord> &first,
                                           const QList<store::PredictionRecord> &second, Target target = Target::M);

}  // namespace sl::training
