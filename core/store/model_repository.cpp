#include "core/store/model_repository.h"

#include "core/store/savepoint.h"
#include "core/store/settings_repository.h"
#include "core/store/sql.h"

#include <QDateTime>

namespace sl::store {

namespace {
const QString kColumns = QStringLiteral("id, name, architecture, file_path, contract_json, training_json, metrics_json, created_at, lineage_json");
const QString kActiveKey = QStringLiteral("active_model_id");

ModelRecord fromRow(const QSqlQuery &q)
{
    return {q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
            q.value(4).toString(),   q.value(5).toString(), q.value(6).toString(), q.value(7).toString(),
            q.value(8).toString()};
}
}  // namespace

qint64 ModelRepository::add(const ModelRecord &model)
{
    QSqlQuery query = run(m_db, QStringLiteral("INSERT INTO models(name, architecture, file_path, contract_json, training_json, "
                                               "metrics_json, created_at, lineage_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                                               "RETURNING id"),
                          {model.name, model.architecture, model.filePath, text(model.contractJson), text(model.trainingJson),
                           text(model.metricsJson), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs),
                           text(model.lineageJson)});
    return insertedId(m_db, query);
}

QList<ModelRecord> ModelRepository::list() const
{
    QSqlQuery query = run(m_db, QStringLiteral("SELECT %1 FROM models ORDER BY id").arg(kColumns));
    QList<ModelRecord> models;
    while (query.next())
        models << fromRow(query);
    return models;
}

std::optional<ModelRecord> ModelRepository::find(qint64 id) const
{
    QSqlQuery query = run(m_db, QStringLiteral("SELECT %1 FROM models WHERE id = ?").arg(kColumns), {id});
    if (!query.next())
        return std::nullopt;
    return fromRow(query);
}

qint64 ModelRepository::activeModelId() const { return SettingsRepository(m_db).value(kActiveKey, QStringLiteral("0")).toLongLong(); }

void ModelRepository::setActive(qint64 id) { SettingsRepository(m_db).setValue(kActiveKey, QString::number(id)); }

void ModelRepository::storePredictions(qint64 modelId, const QList<PredictionRecord> &predictions, bool deterministic)
{
    Savepoint savepoint(m_db);
    run(m_db, QStringLiteral("DELETE FROM predictions WHERE model_id = ?"), {modelId});
    insertPredictions(modelId, predictions, deterministic);
    savepoint.commit();
}

void ModelRepository::storePredictionsOf(qint64 modelId, const QList<qint64> &clipIds, const QList<PredictionRecord> &predictions,
                                         bool deterministic)
{
    Savepoint savepoint(m_db);
    QSqlQuery remove = prepare(m_db, QStringLiteral("DELETE FROM predictions WHERE model_id = ? AND clip_id = ?"));
    for (qint64 clipId : clipIds)
        exec(m_db, remove, {modelId, clipId});
    insertPredictions(modelId, predictions, deterministic);
    savepoint.commit();
}

void ModelRepository::insertPredictions(qint64 modelId, const QList<PredictionRecord> &predictions, bool deterministic)
{
    QSqlQuery insert = prepare(m_db, QStringLiteral("INSERT INTO predictions(model_id, clip_id, target, value, deterministic, "
                                                    "created_at, raw_value, outside) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    for (const PredictionRecord &p : predictions)
        exec(m_db, insert, {modelId, p.clipId, targetName(p.target), p.value, deterministic ? 1 : 0, now,
                            nullable(p.rawValue), p.outside ? text(*p.outside) : QVariant()});
}

QList<PredictionRecord> ModelRepository::predictions(qint64 modelId) const
{
    QSqlQuery query = run(m_db, QStringLiteral("SELECT clip_id, target, value, raw_value, outside FROM predictions WHERE model_id = ? "
                                               "ORDER BY clip_id, ") + targetOrder(QStringLiteral("target")),
                          {modelId});
    QList<PredictionRecord> result;
    while (query.next()) {
        PredictionRecord p{query.value(0).toLongLong(), targetFromName(query.value(1).toString()).value_or(Target::M),
                           query.value(2).toDouble(), std::nullopt, std::nullopt};
        if (!query.value(3).isNull())
            p.rawValue = query.value(3).toDouble();
        if (!query.value(4).isNull())
            p.outside = query.value(4).toString();
        result << p;
    }
    return result;
}

}  // namespace sl::store
