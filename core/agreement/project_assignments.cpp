#include "core/agreement/project_assignments.h"

#include "core/agreement/batch_plan.h"
#include "core/common/error.h"
#include "core/store/label_source.h"
#include "core/store/project.h"
#include "core/store/savepoint.h"
#include "core/store/sql.h"

#include <QDateTime>
#include <QSqlQuery>

#include <stdexcept>

namespace sl::agreement {

using store::exec;
using store::prepare;
using store::run;

QList<BatchProgress> assignBatches(store::Project &project, const BatchRequest &request)
{
    const QString where = project.databasePath();
    if (request.annotators.isEmpty())
        throw Error(QStringLiteral("%1: name the annotators to give batches to").arg(where));
    if (!request.split.isEmpty() && !store::isValidSplit(request.split))
        throw Error(QStringLiteral("%1: unknown split '%2' (expected train, valid or test)").arg(where, request.split));
    QSet<QString> seen;
    for (const QString &name : request.annotators) {
        if (seen.contains(name))
            throw Error(QStringLiteral("%1: annotator '%2' is named twice").arg(where, name));
        seen.insert(name);
        const auto existing = project.annotators().find(name);
        if (name.compare(QLatin1String(store::kAdjudicatedAnnotator), Qt::CaseInsensitive) == 0
            || (existing && (existing->kind == QLatin1String("model") || existing->kind == QLatin1String(store::kAdjudicatedKind))))
            throw Error(QStringLiteral("%1: '%2' labels no batch (a model, or the adjudicated labels)").arg(where, name));
    }
    std::vector<std::int64_t> clips;
    for (const store::Clip &clip : project.clips().list(request.split))
        clips.push_back(clip.id);
    BatchPlan plan;
    try {
        plan = planBatches(clips, int(request.annotators.size()), request.overlap, request.seed);
    } catch (const std::invalid_argument &error) {
        throw Error(QStringLiteral("%1: %2").arg(where, QString::fromUtf8(error.what())));
    }
    const QSet<std::int64_t> overlap(plan.overlap.begin(), plan.overlap.end());
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    store::Savepoint savepoint(project.db());
    QSqlQuery insert = prepare(project.db(), QStringLiteral("INSERT INTO assignments(clip_id, annotator_id, overlap, assigned_at) "
                                                            "VALUES (?, ?, ?, ?)"));
    for (qsizetype a = 0; a < request.annotators.size(); ++a) {
        const qint64 annotator = project.annotators().ensure(request.annotators[a]).id;
        run(project.db(), QStringLiteral("DELETE FROM assignments WHERE annotator_id = ?"), {annotator});
        for (const std::int64_t clip : plan.batches[std::size_t(a)])
            exec(project.db(), insert, {qint64(clip), annotator, overlap.contains(clip) ? 1 : 0, now});
    }
    savepoint.commit();
    QList<BatchProgress> progress;
    for (const BatchProgress &row : batchProgress(project))
        if (seen.contains(row.annotator))
            progress << row;
    return progress;
}

QList<BatchProgress> batchProgress(const store::Project &project)
{
    // Labelled: the annotator's own M label on an assigned clip.
    QSqlQuery query = run(project.db(), QStringLiteral(
        "SELECT a.name, count(*), sum(CASE WHEN s.overlap = 1 THEN 1 ELSE 0 END), "
        "sum(CASE WHEN l.value IS NOT NULL THEN 1 ELSE 0 END) "
        "FROM assignments s JOIN annotators a ON a.id = s.annotator_id "
        "LEFT JOIN labels l ON l.clip_id = s.clip_id AND l.annotator_id = s.annotator_id AND l.target = 'M' "
        "GROUP BY a.name ORDER BY a.name"));
    QList<BatchProgress> rows;
    while (query.next())
        rows << BatchProgress{query.value(0).toString(), query.value(1).toInt(), query.value(2).toInt(), query.value(3).toInt()};
    return rows;
}

QSet<qint64> assignedClips(const store::Project &project, qint64 annotatorId)
{
    QSqlQuery query = run(project.db(), QStringLiteral("SELECT clip_id FROM assignments WHERE annotator_id = ?"), {annotatorId});
    QSet<qint64> clips;
    while (query.next())
        clips.insert(query.value(0).toLongLong());
    return clips;
}

}  // namespace sl::agreement
