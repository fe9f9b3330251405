#include "core/training/model_comparison.h"

#include <QHash>
#include <algorithm>
#include <cmath>

namespace sl::training {

QList<MetricComparison> compareMetrics(const ModelSummary &first, const ModelSummary &second)
{
    QList<MetricComparison> rows;
    const auto find = [&rows](const MetricValue &m) {
        return std::find_if(rows.begin(), rows.end(), [&m](const MetricComparison &row) {
            return row.split == m.split && row.target == m.target && row.metric == m.metric;
        });
    };
    for (const MetricValue &m : first.metrics)
        rows << MetricComparison{m.split, m.target, m.metric, m.value, std::nullopt};
    for (const MetricValue &m : second.metrics) {
        if (auto it = find(m); it != rows.end())
            it->second = m.value;
        else
            rows << MetricComparison{m.split, m.target, m.metric, std::nullopt, m.value};
    }
    return rows;
}

QList<PredictionChange> changedPredictions(const QList<store::PredictionRecord> &first,
                                           const QList<store::PredictionRecord> &second, Target target)
{
    QHash<qint64, double> before;
    for (const store::PredictionRecord &p : first)
        if (p.target == target)
            before.insert(p.clipId, p.value);
    QList<PredictionChange> changes;
    for (const store::PredictionRecord &p : second)
        if (p.target == target && before.contains(p.clipId))
            changes << PredictionChange{p.clipId, before.value(p.clipId), p.value};
    // Stable, with the clip id as tie-breaker: the list does not reshuffle between refreshes.
    std::stable_sort(changes.begin(), changes.end(), [](const PredictionChange &a, const PredictionChange &b) {
        const double da = std::fabs(a.change()), db = std::fabs(b.change());
        return da != db ? da > db : a.clipId < b.clipId;
    });
    return changes;
}

}  // namespace sl::training
