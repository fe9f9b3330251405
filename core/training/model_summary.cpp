#include "core/training/model_summary.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace sl::training {

namespace {

QJsonObject objectOf(const QString &json) { return QJsonDocument::fromJson(json.toUtf8()).object(); }

void addMetrics(QList<MetricValue> &out, const QString &split, const QString &target, const QJsonObject &metrics)
{
    for (auto it = metrics.constBegin(); it != metrics.constEnd(); ++it)
        if (it->isDouble())
            out << MetricValue{split, target, it.key(), it->toDouble()};
}

}  // namespace

std::optional<double> ModelSummary::metric(const QString &split, const QString &target, const QString &name) const
{
    for (const MetricValue &m : metrics)
        if (m.split == split && m.target == target && m.metric == name)
            return m.value;
    return std::nullopt;
}

ModelSummary summarizeModel(const store::ModelRecord &record)
{
    ModelSummary summary;
    summary.record = record;

    const QJsonObject splits = objectOf(record.metricsJson);
    for (auto split = splits.constBegin(); split != splits.constEnd(); ++split) {
        const QJsonObject content = split->toObject();
        // Older rows keep {split: {metric: value}} for M only.
        const bool perTarget = !content.isEmpty() && content.constBegin()->isObject();
        if (!perTarget) {
            addMetrics(summary.metrics, split.key(), QStringLiteral("M"), content);
            continue;
        }
        for (auto target = content.constBegin(); target != content.constEnd(); ++target)
            addMetrics(summary.metrics, split.key(), target.key(), target->toObject());
    }

    const QJsonObject lineage = objectOf(record.lineageJson);
    const QJsonObject labels = lineage.value(QStringLiteral("labels")).toObject();
    ModelLineage &l = summary.lineage;
    l.labelSource = labels.value(QStringLiteral("source")).toString();
    l.labelHash = labels.value(QStringLiteral("hash")).toString();
    l.trainClips = labels.value(QStringLiteral("train_clips")).toInt();
    l.validClips = labels.value(QStringLiteral("valid_clips")).toInt();
    l.parentModelId = lineage.value(QStringLiteral("parent")).toInteger();
    for (const QJsonValue &target : lineage.value(QStringLiteral("targets")).toArray())
        l.targets << target.toString();
    for (const QJsonValue &value : lineage.value(QStringLiteral("features")).toArray()) {
        const QJsonObject set = value.toObject();
        l.featureSets << QStringLiteral("%1: %2 %3 (%4 dims, set %5)")
                             .arg(set.value(QStringLiteral("modality")).toString(), set.value(QStringLiteral("extractor")).toString(),
                                  set.value(QStringLiteral("version")).toString())
                             .arg(set.value(QStringLiteral("dims")).toInt())
                             .arg(set.value(QStringLiteral("set_id")).toInteger());
    }
    if (l.labelSource.isEmpty()) {
        // Imported or older models: the training record names the labels as "source:hash".
        const QString snapshot = objectOf(record.trainingJson).value(QStringLiteral("label_snapshot")).toString();
        const qsizetype colon = snapshot.lastIndexOf(QLatin1Char(':'));
        l.labelSource = colon < 0 ? snapshot : snapshot.left(colon);
        l.labelHash = colon < 0 ? QString() : snapshot.mid(colon + 1);
    }
    return summary;
}

}  // namespace sl::training
