#include "core/store/explanation_repository.h"

#include "core/store/sql.h"

#include <QDateTime>

namespace sl::store {

namespace {
const QString kColumns = QStringLiteral("model_id, clip_id, kind, inputs_hash, payload, created_at");

ExplanationRecord fromRow(const QSqlQuery &q)
{
    return {q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(),
            q.value(3).toString(),   q.value(4).toByteArray(), q.value(5).toString()};
}
}  // namespace

void ExplanationRepository::store(const ExplanationRecord &record)
{
    run(m_db, QStringLiteral("INSERT INTO explanations(model_id, clip_id, kind, inputs_hash, payload, created_at) "
                             "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(model_id, clip_id, kind) DO UPDATE SET "
                             "inputs_hash = excluded.inputs_hash, payload = excluded.payload, created_at = excluded.created_at"),
        {record.modelId, record.clipId, record.kind, text(record.inputsHash), record.payload,
         QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)});
}

std::optional<ExplanationRecord> ExplanationRepository::find(qint64 modelId, qint64 clipId, const QString &kind) const
{
    QSqlQuery query = run(m_db, QStringLiteral("SELECT %1 FROM explanations WHERE model_id = ? AND clip_id = ? AND kind = ?").arg(kColumns),
                          {modelId, clipId, kind});
    if (!query.next())
        return std::nullopt;
    return fromRow(query);
}

QList<ExplanationRecord> ExplanationRepository::list(qint64 modelId, const QString &kind) const
{
    QSqlQuery query = run(m_db, QStringLiteral("SELECT %1 FROM explanations WHERE model_id = ? AND kind = ? ORDER BY clip_id").arg(kColumns),
                          {modelId, kind});
    QList<ExplanationRecord> records;
    while (query.next())
        records << fromRow(query);
    return records;
}

void ExplanationRepository::removeForModel(qint64 modelId)
{
    run(m_db, QStringLiteral("DELETE FROM explanations WHERE model_id = ?"), {modelId});
}

}  // namespace sl::store
