#include "core/store/label_repository.h"

#include "core/common/error.h"
#include "core/store/savepoint.h"
#include "core/store/sql.h"

namespace sl::store {

namespace {

QString now() { return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs); }

QDateTime parseTime(const QVariant &value) { return QDateTime::fromString(value.toString(), Qt::ISODateWithMs); }

std::optional<double> optionalDouble(const QVariant &value)
{
    if (value.isNull())
        return std::nullopt;
    return value.toDouble();
}

Target targetOf(const QVariant &value) { return targetFromName(value.toString()).value_or(Target::M); }

QList<Label> collectLabels(QSqlQuery &query)
{
    QList<Label> labels;
    while (query.next())
        labels << Label{query.value(0).toLongLong(), query.value(1).toLongLong(), targetOf(query.value(2)),
                        query.value(3).toDouble(), parseTime(query.value(4))};
    return labels;
}

const QString kLabelSelect = QStringLiteral("SELECT clip_id, annotator_id, target, value, updated_at FROM labels ");

}  // namespace

void LabelRepository::checkValue(qint64 clipId, Target target, std::optional<double> value) const
{
    if (!value)
        return;
    const QString problem = m_scale.checkValue(*value);
    if (!problem.isEmpty())
        throw Error(QStringLiteral("%1: %2 label of clip %3 refused: %4")
                        .arg(m_db.databaseName(), targetName(target))
                        .arg(clipId)
                        .arg(problem));
}

bool LabelRepository::set(qint64 clipId, qint64 annotatorId, Target target, std::optional<double> value,
                          const QString &note)
{
    checkValue(clipId, target, value);
    Savepoint savepoint(m_db);
    const std::optional<double> old = this->value(clipId, annotatorId, target);
    if (old == value)
        return false;
    const QString name = targetName(target);
    const QString stamp = now();
    if (value)
        run(m_db, QStringLiteral("INSERT INTO labels(clip_id, annotator_id, target, value, updated_at) "
                                 "VALUES (?, ?, ?, ?, ?) ON CONFLICT(clip_id, annotator_id, target) "
                                 "DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at"),
            {clipId, annotatorId, name, *value, stamp});
    else
        run(m_db, QStringLiteral("DELETE FROM labels WHERE clip_id = ? AND annotator_id = ? AND target = ?"),
            {clipId, annotatorId, name});
    run(m_db, QStringLiteral("INSERT INTO label_history(clip_id, annotator_id, target, old_value, new_value, "
                             "changed_at, note) VALUES (?, ?, ?, ?, ?, ?, ?)"),
        {clipId, annotatorId, name, nullable(old), nullable(value), stamp, text(note)});
    savepoint.commit();
    return true;
}

std::optional<double> LabelRepository::value(qint64 clipId, qint64 annotatorId, Target target) const
{
    QSqlQuery query = run(m_db, QStringLiteral("SELECT value FROM labels WHERE clip_id = ? AND annotator_id = ? "
                                               "AND target = ?"),
                          {clipId, annotatorId, targetName(target)});
    if (!query.next())
        return std::nullopt;
    return query.value(0).toDouble();
}

QList<Label> LabelRepository::forClip(qint64 clipId) const
{
    QSqlQuery query = run(m_db, kLabelSelect + QStringLiteral("WHERE clip_id = ? ORDER BY annotator_id, ") + targetOrder(QStringLiteral("target")),
                          {clipId});
    return collectLabels(query);
}

QList<Label> LabelRepository::forAnnotator(qint64 annotatorId) const
{
    QSqlQuery query = run(m_db, kLabelSelect + QStringLiteral("WHERE annotator_id = ? ORDER BY clip_id, target"),
                          {annotatorId});
    return collectLabels(query);
}

QList<Label> LabelRepository::all() const
{
    QSqlQuery query = run(m_db, kLabelSelect + QStringLiteral("ORDER BY clip_id, annotator_id, target"));
    return collectLabels(query);
}

QList<LabelChange> LabelRepository::history(qint64 clipId) const
{
    const QString select = QStringLiteral("SELECT id, clip_id, annotator_id, target, old_value, new_value, "
                                          "changed_at, note FROM label_history ");
    QSqlQuery query = clipId == 0 ? run(m_db, select + QStringLiteral("ORDER BY id"))
                                  : run(m_db, select + QStringLiteral("WHERE clip_id = ? ORDER BY id"), {clipId});
    QList<LabelChange> changes;
    while (query.next())
        changes << LabelChange{query.value(0).toLongLong(), query.value(1).toLongLong(),
                               query.value(2).toLongLong(),  targetOf(query.value(3)),
                               optionalDouble(query.value(4)), optionalDouble(query.value(5)),
                               parseTime(query.value(6)),    query.value(7).toString()};
    return changes;
}

}  // namespace sl::store
