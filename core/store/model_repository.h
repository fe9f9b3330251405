#pragma once
// Trained or imported models of a project (the file lives in the project folder) and their
// predictions per clip and target. One model is the active one: its predictions are shown.
#include "core/common/label_scale.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <optional>

namespace sl::store {

struct ModelRecord {
    qint64 id = 0;
    QString name;
    QString architecture;
    QString filePath;  // relative to the project folder
    QString contractJson;
    QString trainingJson;
    QString metricsJson;  // {split: {target: {metric: value}}}
    QString createdAt;
    QString lineageJson;  // see core/training/model_summary.h
};

struct PredictionRecord {
    qint64 clipId = 0;
    Target target = Target::M;
    double value = 0;  // on the label scale (clipped as MMSA clips it)
    std::optional<double> rawValue;  // as the model gave it; empty for predictions stored before schema 6
    // The modalities in which the clip lay outside the model's training data ("A, V"; "" when
    // inside); empty when the model has no input envelope.
    std::optional<QString> outside;
};

class ModelRepository {
public:
    explicit ModelRepository(QSqlDatabase db) : m_db(std::move(db)) {}

    qint64 add(const ModelRecord &model);
    QList<ModelRecord> list() const;
    std::optional<ModelRecord> find(qint64 id) const;
    qint64 activeModelId() const;  // 0 when none
    void setActive(qint64 id);

    // Replaces the model's predictions with these, in one transaction.
    void storePredictions(qint64 modelId, const QList<PredictionRecord> &predictions, bool deterministic);
    // Replaces the model's predictions of the clips `clipIds` only (one shard of a cluster run),
    // in one transaction; the other clips' predictions stay.
    void storePredictionsOf(qint64 modelId, const QList<qint64> &clipIds, const QList<PredictionRecord> &predictions,
                            bool deterministic);
    QList<PredictionRecord> predictions(qint64 modelId) const;

private:
    void insertPredictions(qint64 modelId, const QList<PredictionRecord> &predictions, bool deterministic);

    QSqlDatabase m_db;
};

}  // namespace sl::store
