#pragma once
// Stored explanations of a model for a clip (table `explanations`, schema v2): one row per
// (model, clip, kind) with a JSON payload and the hash of what it was computed from, so callers can
// tell a stale row (the model file or the clip's features changed) from a valid one.
#include <QByteArray>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <optional>

namespace sl::store {

struct ExplanationRecord {
    qint64 modelId = 0;
    qint64 clipId = 0;
    QString kind;        // e.g. "clip" (core/training/project_explanations.h)
    QString inputsHash;  // identifies the model and feature inputs it was computed from
    QByteArray payload;  // JSON
    QString createdAt;   // ISO 8601, UTC, milliseconds
};

class ExplanationRepository {
public:
    explicit ExplanationRepository(QSqlDatabase db) : m_db(std::move(db)) {}

    // Inserts or replaces the row of (modelId, clipId, kind); created_at is set to now.
    void store(const ExplanationRecord &record);
    std::optional<ExplanationRecord> find(qint64 modelId, qint64 clipId, const QString &kind) const;
    QList<ExplanationRecord> list(qint64 modelId, const QString &kind) const;
    void removeForModel(qint64 modelId);

private:
    QSqlDatabase m_db;
};

}  // namespace sl::store
