#include "core/store/feature_repository.h"

#include "core/common/error.h"
#include "core/store/savepoint.h"
#include "core/store/settings_repository.h"
#include "core/store/sql.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QtEndian>
#include <cstring>

namespace sl::store {

namespace {

QString now() { return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs); }

// float32, little-endian whatever the machine, so a project file moves between machines.
QByteArray toBlob(const std::vector<float> &values)
{
    QByteArray blob(qsizetype(values.size() * sizeof(float)), Qt::Uninitialized);
    for (size_t i = 0; i < values.size(); ++i) {
        quint32 bits;
        std::memcpy(&bits, &values[i], sizeof bits);
        qToLittleEndian(bits, blob.data() + i * sizeof(float));
    }
    return blob;
}

std::vector<float> fromBlob(const QByteArray &blob)
{
    std::vector<float> values(size_t(blob.size()) / sizeof(float));
    for (size_t i = 0; i < values.size(); ++i) {
        const quint32 bits = qFromLittleEndian<quint32>(blob.constData() + i * sizeof(float));
        std::memcpy(&values[i], &bits, sizeof bits);
    }
    return values;
}

const QString kSetColumns = QStringLiteral(
    "id, modality, name, extractor, extractor_version, config_hash, params_json, dims, dim_names_json");

FeatureSet setFromRow(const QSqlQuery &query)
{
    FeatureSet set;
    set.id = query.value(0).toLongLong();
    set.modality = query.value(1).toString();
    set.name = query.value(2).toString();
    set.extractor = query.value(3).toString();
    set.extractorVersion = query.value(4).toString();
    set.configHash = query.value(5).toString();
    set.paramsJson = query.value(6).toString();
    set.dims = query.value(7).toInt();
    for (const QJsonValue &name : QJsonDocument::fromJson(query.value(8).toString().toUtf8()).array())
        set.dimNames << name.toString();
    return set;
}

}  // namespace

FeatureSet FeatureRepository::ensureSet(const FeatureSet &wanted)
{
    if (wanted.dims <= 0 || (!wanted.dimNames.isEmpty() && wanted.dimNames.size() != wanted.dims))
        throw Error(QStringLiteral("feature set %1: %2 dimensions but %3 names")
                        .arg(wanted.name).arg(wanted.dims).arg(wanted.dimNames.size()));
    QSqlQuery existing = run(m_db, QStringLiteral("SELECT %1 FROM feature_sets WHERE modality = ? AND extractor = ? "
                                                  "AND extractor_version = ? AND config_hash = ?").arg(kSetColumns),
                             {wanted.modality, wanted.extractor, wanted.extractorVersion, text(wanted.configHash)});
    if (existing.next()) {
        const FeatureSet found = setFromRow(existing);
        existing.finish();
        markCurrent(found);
        return found;
    }
    existing.finish();
    QSqlQuery insert = run(m_db, QStringLiteral("INSERT INTO feature_sets(modality, name, extractor, extractor_version, "
                                                "config_hash, params_json, dims, dim_names_json, created_at) "
                                                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
                           {wanted.modality, text(wanted.name), wanted.extractor, wanted.extractorVersion,
                            text(wanted.configHash), wanted.paramsJson.isEmpty() ? QStringLiteral("{}") : wanted.paramsJson,
                            wanted.dims,
                            QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(wanted.dimNames)).toJson(QJsonDocument::Compact)),
                            now()});
    FeatureSet created = wanted;
    created.id = insertedId(m_db, insert);
    markCurrent(created);
    return created;
}

// Kept in the settings table: one row per modality, no schema change needed.
void FeatureRepository::markCurrent(const FeatureSet &set)
{
    SettingsRepository(m_db).setValue(QStringLiteral("features.current.") + set.modality, QString::number(set.id));
}

std::optional<FeatureSet> FeatureRepository::currentSet(const QString &modality) const
{
    const std::optional<QString> id = SettingsRepository(m_db).value(QStringLiteral("features.current.") + modality);
    if (id) {
        if (std::optional<FeatureSet> marked = set(id->toLongLong()))
            return marked;
    }
    std::optional<FeatureSet> newest;
    for (const FeatureSet &candidate : sets())
        if (candidate.modality == modality)
            newest = candidate;
    return newest;
}

QList<FeatureSet> FeatureRepository::sets() const
{
    QSqlQuery query = run(m_db, QStringLiteral("SELECT %1 FROM feature_sets ORDER BY id").arg(kSetColumns));
    QList<FeatureSet> result;
    while (query.next())
        result << setFromRow(query);
    return result;
}

std::optional<FeatureSet> FeatureRepository::set(qint64 id) const
{
    QSqlQuery query = run(m_db, QStringLiteral("SELECT %1 FROM feature_sets WHERE id = ?").arg(kSetColumns), {id});
    if (!query.next())
        return std::nullopt;
    return setFromRow(query);
}

void FeatureRepository::store(qint64 setId, qint64 clipId, const ClipFeatures &features)
{
    if (features.times.size() != size_t(features.frames) ||
        features.data.size() != size_t(features.frames) * size_t(features.dims))
        throw Error(QStringLiteral("features of clip %1: %2 frames x %3 dims do not match %4 values and %5 times")
                        .arg(clipId).arg(features.frames).arg(features.dims).arg(features.data.size()).arg(features.times.size()));
    Savepoint savepoint(m_db);
    run(m_db, QStringLiteral("INSERT INTO clip_features(feature_set_id, clip_id, frames, times, data, computed_at) "
                             "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(feature_set_id, clip_id) DO UPDATE SET "
                             "frames = excluded.frames, times = excluded.times, data = excluded.data, "
                             "computed_at = excluded.computed_at"),
        {setId, clipId, features.frames, toBlob(features.times), toBlob(features.data), now()});
    savepoint.commit();
}

std::optional<ClipFeatures> FeatureRepository::load(qint64 setId, qint64 clipId) const
{
    QSqlQuery query = run(m_db, QStringLiteral("SELECT f.frames, f.times, f.data, s.dims FROM clip_features f "
                                               "JOIN feature_sets s ON s.id = f.feature_set_id "
                                               "WHERE f.feature_set_id = ? AND f.clip_id = ?"),
                          {setId, clipId});
    if (!query.next())
        return std::nullopt;
    ClipFeatures features;
    features.frames = query.value(0).toInt();
    features.times = fromBlob(query.value(1).toByteArray());
    features.data = fromBlob(query.value(2).toByteArray());
    features.dims = query.value(3).toInt();
    if (features.times.size() != size_t(features.frames) || features.data.size() != size_t(features.frames) * size_t(features.dims))
        throw Error(QStringLiteral("%1: stored features of clip %2 are damaged (size mismatch)").arg(m_db.databaseName()).arg(clipId));
    return features;
}

QList<qint64> FeatureRepository::clipsWithout(qint64 setId) const
{
    QSqlQuery query = run(m_db, QStringLiteral("SELECT c.id FROM clips c WHERE NOT EXISTS (SELECT 1 FROM clip_features f "
                                               "WHERE f.clip_id = c.id AND f.feature_set_id = ?) ORDER BY c.video_id, c.clip_id"),
                          {setId});
    QList<qint64> ids;
    while (query.next())
        ids << query.value(0).toLongLong();
    return ids;
}

int FeatureRepository::clipCount(qint64 setId) const
{
    return scalar(m_db, QStringLiteral("SELECT count(*) FROM clip_features WHERE feature_set_id = ?"), {setId}).toInt();
}

QHash<qint64, int> FeatureRepository::frameCounts(qint64 setId) const
{
    QSqlQuery query = run(m_db, QStringLiteral("SELECT clip_id, frames FROM clip_features WHERE feature_set_id = ?"), {setId});
    QHash<qint64, int> frames;
    while (query.next())
        frames.insert(query.value(0).toLongLong(), query.value(1).toInt());
    return frames;
}

void FeatureRepository::recordProblem(const ClipProblem &problem)
{
    run(m_db, QStringLiteral("INSERT INTO clip_problems(clip_id, stage, message, recorded_at) VALUES (?, ?, ?, ?) "
                             "ON CONFLICT(clip_id, stage) DO UPDATE SET message = excluded.message, "
                             "recorded_at = excluded.recorded_at"),
        {problem.clipId, problem.stage, problem.message, now()});
}

void FeatureRepository::clearProblem(qint64 clipId, const QString &stage)
{
    run(m_db, QStringLiteral("DELETE FROM clip_problems WHERE clip_id = ? AND stage = ?"), {clipId, stage});
}

QList<ClipProblem> FeatureRepository::problems(qint64 clipId) const
{
    const QString select = QStringLiteral("SELECT clip_id, stage, message FROM clip_problems ");
    QSqlQuery query = clipId == 0 ? run(m_db, select + QStringLiteral("ORDER BY clip_id, stage"))
                                  : run(m_db, select + QStringLiteral("WHERE clip_id = ? ORDER BY stage"), {clipId});
    QList<ClipProblem> result;
    while (query.next())
        result << ClipProblem{query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toString()};
    return result;
}

}  // namespace sl::store
