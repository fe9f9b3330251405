#include "core/store/label_source.h"

#include "core/common/error.h"
#include "core/store/project.h"

#include <QDateTime>
#include <cmath>

namespace sl::store {

namespace {

// Means of values on a stepped scale are put back on the nearest step, so they stay valid labels.
double snapToScale(double value, const LabelScale &scale)
{
    if (scale.step() <= 0)
        return value;
    const double steps = std::nearbyint((value - scale.minimum()) / scale.step());
    return std::round((scale.minimum() + steps * scale.step()) * 10.0) / 10.0;
}

// The mean of every label per clip and target, leaving out one annotator (0: none).
QHash<qint64, TargetLabels> meanLabels(const QList<Label> &all, const LabelScale &scale, qint64 leftOut)
{
    QHash<qint64, QHash<Target, std::pair<double, int>>> sums;
    for (const Label &label : all) {
        if (label.annotatorId == leftOut)
            continue;
        auto &sum = sums[label.clipId][label.target];
        sum.first += label.value;
        sum.second += 1;
    }
    QHash<qint64, TargetLabels> result;
    for (auto clip = sums.cbegin(); clip != sums.cend(); ++clip)
        for (auto target = clip->cbegin(); target != clip->cend(); ++target)
            result[clip.key()][target.key()] = snapToScale(target->first / target->second, scale);
    return result;
}

}  // namespace

QString importAnnotator(const Project &project)
{
    return project.settings().value(QString::fromLatin1(SettingKey::ImportAnnotator), QStringLiteral("dataset"));
}

QString LabelSource::describe(const Project &project) const
{
    switch (aggregate) {
    case LabelAggregate::Mean:
        return QStringLiteral("mean");
    case LabelAggregate::Latest:
        return QStringLiteral("latest");
    case LabelAggregate::AdjudicatedElseMean:
        return QStringLiteral("adjudicated-else-mean");
    case LabelAggregate::None:
        break;
    }
    return QStringLiteral("annotator:%1").arg(annotator.isEmpty() ? importAnnotator(project) : annotator);
}

QHash<qint64, TargetLabels> labelValues(const Project &project, const LabelSource &source)
{
    QHash<qint64, TargetLabels> result;
    const QList<Label> all = project.labels().all();
    if (source.aggregate == LabelAggregate::None) {
        const QString name = source.annotator.isEmpty() ? importAnnotator(project) : source.annotator;
        const auto annotator = project.annotators().find(name);
        if (!annotator)
            throw Error(QStringLiteral("%1: no annotator named '%2' in this project").arg(project.databasePath(), name));
        for (const Label &label : all)
            if (label.annotatorId == annotator->id)
                result[label.clipId][label.target] = label.value;
        return result;
    }
    if (source.aggregate == LabelAggregate::Latest) {
        QHash<qint64, QHash<Target, QDateTime>> newest;
        for (const Label &label : all) {
            QDateTime &seen = newest[label.clipId][label.target];
            if (!seen.isValid() || label.updatedAt >= seen) {
                seen = label.updatedAt;
                result[label.clipId][label.target] = label.value;
            }
        }
        return result;
    }
    if (source.aggregate == LabelAggregate::Mean)
        return meanLabels(all, project.labelScale(), 0);
    // Adjudicated, else mean: the reviewer's decision where there is one, the others' mean elsewhere.
    const auto adjudicated = project.annotators().find(QString::fromLatin1(kAdjudicatedAnnotator));
    result = meanLabels(all, project.labelScale(), adjudicated ? adjudicated->id : 0);
    if (adjudicated)
        for (const Label &label : all)
            if (label.annotatorId == adjudicated->id)
                result[label.clipId][label.target] = label.value;
    return result;
}

}  // namespace sl::store
