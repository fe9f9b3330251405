#pragma once
// Cached feature sequences per clip and feature set. A feature set is one extractor (name and
// version) with one configuration (its hash); changing a setting makes a new set, so only what is
// stale gets extracted again. Matrices are stored as little-endian float32 blobs.
#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

namespace sl::store {

struct FeatureSet {
    qint64 id = 0;
    QString modality;          // T, A or V
    QString name;              // e.g. "acoustic-basic"
    QString extractor;         // code that made it
    QString extractorVersion;
    QString configHash;        // hash of the configuration (params_json)
    QString paramsJson;
    int dims = 0;
    QStringList dimNames;
};

struct ClipFeatures {
    int frames = 0;
    int dims = 0;
    std::vector<float> times;  // seconds, one per frame
    std::vector<float> data;   // frames x dims, row-major
};

struct ClipProblem {
    qint64 clipId = 0;
    QString stage;    // e.g. "acoustic", "visual", "transcript"
    QString message;  // names the file and the problem
};

class FeatureRepository {
public:
    explicit FeatureRepository(QSqlDatabase db) : m_db(std::move(db)) {}

    // Finds the set with this modality, extractor, version and configuration hash, or creates it,
    // and makes it its modality's current set (the one an extraction run fills).
    FeatureSet ensureSet(const FeatureSet &wanted);
    // The set of this modality ("T", "A", "V") the latest extraction run used; models train and
    // predict on it. Going back to an earlier configuration makes its older set current again.
    // Falls back to the newest set of the modality; nothing when it has none.
    std::optional<FeatureSet> currentSet(const QString &modality) const;
    QList<FeatureSet> sets() const;
    std::optional<FeatureSet> set(qint64 id) const;

    void store(qint64 setId, qint64 clipId, const ClipFeatures &features);
    std::optional<ClipFeatures> load(qint64 setId, qint64 clipId) const;
    // Clip ids (all clips of the project) that have no features in this set yet.
    QList<qint64> clipsWithout(qint64 setId) const;
    int clipCount(qint64 setId) const;
    // Stored frames per clip id of this set, without reading the feature data (an export sizes
    // its padded arrays from it before streaming them).
    QHash<qint64, int> frameCounts(qint64 setId) const;

    void recordProblem(const ClipProblem &problem);
    void clearProblem(qint64 clipId, const QString &stage);
    QList<ClipProblem> problems(qint64 clipId = 0) const;

private:
    void markCurrent(const FeatureSet &set);

    QSqlDatabase m_db;
};

}  // namespace sl::store
