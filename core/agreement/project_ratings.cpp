#include "core/agreement/project_ratings.h"

#include "core/agreement/adjudication.h"
#include "core/common/error.h"
#include "core/store/project.h"

#include <QHash>
#include <QMap>
#include <QSet>

namespace sl::agreement {

QStringList defaultRaters(const store::Project &project)
{
    // An annotator without a single label yet (a name given in the window before labelling)
    // would leave every clip incomplete, and ICC, which needs complete cases, undefined.
    QSet<qint64> labelled;
    for (const store::Label &label : project.labels().all())
        labelled.insert(label.annotatorId);
    QStringList names;
    for (const store::Annotator &a : project.annotators().list())
        if (a.kind != QLatin1String("model") && a.kind != QLatin1String(store::kAdjudicatedKind) && labelled.contains(a.id))
            names << a.name;
    return names;
}

ScaleKind scaleKind(const LabelScale &scale)
{
    return scale.kind() == LabelScale::Kind::Sims ? ScaleKind::Sims : ScaleKind::Mosi;
}

ProjectRatings loadRatings(const store::Project &project, Target target, const QStringList &annotators)
{
    ProjectRatings result;
    QHash<qint64, int> column;  // annotator id -> column
    for (const QString &name : annotators) {
        const auto annotator = project.annotators().find(name);
        if (!annotator)
            throw Error(QStringLiteral("%1: no annotator named '%2' in this project").arg(project.databasePath(), name));
        if (column.contains(annotator->id))
            throw Error(QStringLiteral("%1: annotator '%2' is named twice").arg(project.databasePath(), name));
        column.insert(annotator->id, int(result.annotators.size()));
        result.annotators << annotator->name;
    }
    if (result.annotators.size() < 2)
        throw Error(QStringLiteral("%1: agreement needs at least two annotators; %2")
                        .arg(project.databasePath(),
                             result.annotators.isEmpty() ? QStringLiteral("none were given")
                                                         : QStringLiteral("only '%1' was given").arg(result.annotators.first())));

    QMap<qint64, QHash<int, double>> byClip;  // ordered by clip id, so rows are stable
    for (const store::Label &label : project.labels().all())
        if (label.target == target && column.contains(label.annotatorId))
            byClip[label.clipId].insert(column.value(label.annotatorId), label.value);

    result.matrix = RatingMatrix(std::size_t(byClip.size()), std::size_t(result.annotators.size()));
    const store::ClipRepository clips = project.clips();
    std::size_t row = 0;
    for (auto it = byClip.cbegin(); it != byClip.cend(); ++it, ++row) {
        result.clipIds << it.key();
        const auto clip = clips.find(it.key());
        result.clipKeys << (clip ? clip->key() : QString::number(it.key()));
        for (auto cell = it->cbegin(); cell != it->cend(); ++cell)
            result.matrix.set(row, std::size_t(cell.key()), cell.value());
    }
    return result;
}

}  // namespace sl::agreement
