#include "ui/plots/plot_data.h"

#include "ui/plots/split_name.h"

#include <QMap>

namespace sl::plots {

QString modalityCode(int modality)
{
    static const char *codes[] = {"T", "A", "V"};
    return modality >= 0 && modality < kModalities ? QString::fromLatin1(codes[modality]) : QString();
}

QString modelCaption(qint64 modelId, const QString &modelName)
{
    if (modelId == 0)
        return modelName;
    return modelName.isEmpty() ? QStringLiteral("model %1").arg(modelId) : QStringLiteral("model %1 (%2)").arg(modelId).arg(modelName);
}

QString splitCounts(const DatasetPlots &data)
{
    QMap<QString, int> counts;
    for (const DatasetPoint &point : data.points)
        ++counts[point.split.isEmpty() ? QStringLiteral("no split") : point.split];
    QStringList parts;
    for (const QString &split : {QStringLiteral("train"), QStringLiteral("valid"), QStringLiteral("test")})
        if (counts.contains(split))
            parts << QStringLiteral("%1 %2").arg(splitName(split)).arg(counts.take(split));
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        parts << QStringLiteral("%1 %2").arg(it.key()).arg(it.value());
    return parts.join(QStringLiteral(", "));
}

bool outsideGrid(const KanEdgeData &edge, double x)
{
    return edge.supportLow && edge.supportHigh && (x < *edge.supportLow || x > *edge.supportHigh);
}

}  // namespace sl::plots
