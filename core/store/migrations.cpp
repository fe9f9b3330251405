#include "core/store/migrations.h"

#include "core/common/error.h"
#include "core/store/sql.h"
#include "core/store/sql_dialect.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>

namespace sl::store {

namespace {

// Version 1: the project, its clips, annotators and labels with their append-only history.
Migration coreSchema()
{
    return {1, QStringLiteral("core tables: settings, clips, annotators, labels, label history"), {
        QStringLiteral("PRAGMA application_id = %1").arg(kSentiLensApplicationId),
        QStringLiteral(R"(CREATE TABLE schema_migrations (
            version INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            applied_at TEXT NOT NULL))"),
        QStringLiteral(R"(CREATE TABLE project_settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL))"),
        QStringLiteral(R"(CREATE TABLE clips (
            id INTEGER PRIMARY KEY,
            video_id TEXT NOT NULL,
            clip_id TEXT NOT NULL,
            media_path TEXT NOT NULL,
            audio_path TEXT,
            duration_s REAL CHECK (duration_s IS NULL OR duration_s >= 0),
            split TEXT NOT NULL CHECK (split IN ('train', 'valid', 'test')),
            transcript TEXT NOT NULL DEFAULT '',
            transcript_source TEXT NOT NULL DEFAULT 'none',
            annotation TEXT NOT NULL DEFAULT '',
            extra_json TEXT NOT NULL DEFAULT '{}',
            added_at TEXT NOT NULL,
            UNIQUE (video_id, clip_id)))"),
        QStringLiteral("CREATE INDEX clips_split ON clips(split)"),
        QStringLiteral(R"(CREATE TABLE annotators (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL DEFAULT 'human' CHECK (kind IN ('human', 'dataset', 'model')),
            created_at TEXT NOT NULL))"),
        QStringLiteral(R"(CREATE TABLE labels (
            clip_id INTEGER NOT NULL REFERENCES clips(id) ON DELETE CASCADE,
            annotator_id INTEGER NOT NULL REFERENCES annotators(id),
            target TEXT NOT NULL CHECK (target IN ('M', 'T', 'A', 'V')),
            value REAL NOT NULL,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (clip_id, annotator_id, target)))"),
        QStringLiteral("CREATE INDEX labels_annotator ON labels(annotator_id, target)"),
        QStringLiteral(R"(CREATE TABLE label_history (
            id INTEGER PRIMARY KEY,
            clip_id INTEGER NOT NULL REFERENCES clips(id),
            annotator_id INTEGER NOT NULL REFERENCES annotators(id),
            target TEXT NOT NULL CHECK (target IN ('M', 'T', 'A', 'V')),
            old_value REAL,
            new_value REAL,
            changed_at TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT ''))"),
        QStringLiteral("CREATE INDEX label_history_clip ON label_history(clip_id, target)"),
        // The history is a record of what people did: the database itself refuses to rewrite it.
        QStringLiteral(R"(CREATE TRIGGER label_history_no_update BEFORE UPDATE ON label_history
            BEGIN SELECT RAISE(ABORT, 'label history is append-only'); END)"),
        QStringLiteral(R"(CREATE TRIGGER label_history_no_delete BEFORE DELETE ON label_history
            BEGIN SELECT RAISE(ABORT, 'label history is append-only'); END)"),
    }};
}

// Version 2: what the feature, model and explanation layers store per clip.
Migration analysisSchema()
{
    return {2, QStringLiteral("analysis tables: transcript cues, feature sets, models, predictions"), {
        QStringLiteral(R"(CREATE TABLE transcript_cues (
            clip_id INTEGER NOT NULL REFERENCES clips(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            start_s REAL NOT NULL,
            end_s REAL NOT NULL,
            text TEXT NOT NULL,
            PRIMARY KEY (clip_id, position)))"),
        QStringLiteral(R"(CREATE TABLE feature_sets (
            id INTEGER PRIMARY KEY,
            modality TEXT NOT NULL CHECK (modality IN ('T', 'A', 'V')),
            name TEXT NOT NULL DEFAULT '',
            extractor TEXT NOT NULL,
            extractor_version TEXT NOT NULL,
            config_hash TEXT NOT NULL DEFAULT '',
            dims INTEGER NOT NULL CHECK (dims > 0),
            dim_names_json TEXT NOT NULL DEFAULT '[]',
            params_json TEXT NOT NULL DEFAULT '{}',
            created_at TEXT NOT NULL,
            UNIQUE (modality, extractor, extractor_version, config_hash)))"),
        QStringLiteral(R"(CREATE TABLE clip_features (
            feature_set_id INTEGER NOT NULL REFERENCES feature_sets(id) ON DELETE CASCADE,
            clip_id INTEGER NOT NULL REFERENCES clips(id) ON DELETE CASCADE,
            frames INTEGER NOT NULL CHECK (frames >= 0),
            times BLOB NOT NULL,
            data BLOB NOT NULL,
            computed_at TEXT NOT NULL,
            PRIMARY KEY (feature_set_id, clip_id)))"),
        QStringLiteral(R"(CREATE TABLE models (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            architecture TEXT NOT NULL,
            file_path TEXT NOT NULL,
            contract_json TEXT NOT NULL DEFAULT '{}',
            training_json TEXT NOT NULL DEFAULT '{}',
            metrics_json TEXT NOT NULL DEFAULT '{}',
            created_at TEXT NOT NULL))"),
        QStringLiteral(R"(CREATE TABLE predictions (
            model_id INTEGER NOT NULL REFERENCES models(id) ON DELETE CASCADE,
            clip_id INTEGER NOT NULL REFERENCES clips(id) ON DELETE CASCADE,
            target TEXT NOT NULL CHECK (target IN ('M', 'T', 'A', 'V')),
            value REAL NOT NULL,
            deterministic INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL,
            PRIMARY KEY (model_id, clip_id, target)))"),
        QStringLiteral(R"(CREATE TABLE explanations (
            model_id INTEGER NOT NULL REFERENCES models(id) ON DELETE CASCADE,
            clip_id INTEGER NOT NULL REFERENCES clips(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            inputs_hash TEXT NOT NULL,
            payload BLOB NOT NULL,
            created_at TEXT NOT NULL,
            PRIMARY KEY (model_id, clip_id, kind)))"),
    }};
}

// Version 3: per-clip problems found by extraction and other jobs, so the list can show them while
// the other clips go on.
Migration clipProblemsSchema()
{
    return {3, QStringLiteral("clip problems"), {
        QStringLiteral(R"(CREATE TABLE clip_problems (
            clip_id INTEGER NOT NULL REFERENCES clips(id) ON DELETE CASCADE,
            stage TEXT NOT NULL,
            message TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            PRIMARY KEY (clip_id, stage)))"),
    }};
}

// Version 4: where a model came from (label snapshot, parent model, feature sets, targets), as JSON,
// so that the registry can show lineage for every model, trained or imported.
Migration modelLineageSchema()
{
    return {4, QStringLiteral("model lineage"), {
        QStringLiteral("ALTER TABLE models ADD COLUMN lineage_json TEXT NOT NULL DEFAULT '{}'"),
    }};
}

// Version 5: the language of each clip ('' while unknown) and how sure the speech recogniser was of
// its transcript, so that a clip is never recognised with another language's model unnoticed and
// a doubtful machine transcript can be shown and counted as such.
Migration clipLanguageSchema()
{
    return {5, QStringLiteral("clip language and transcript confidence"), {
        QStringLiteral("ALTER TABLE clips ADD COLUMN language TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("ALTER TABLE clips ADD COLUMN transcript_confidence REAL"),
        QStringLiteral("ALTER TABLE clips ADD COLUMN transcript_low_confidence INTEGER NOT NULL DEFAULT 0 "
                       "CHECK (transcript_low_confidence IN (0, 1))"),
    }};
}

// Version 6: each prediction as the model gave it (raw_value; the value column holds it clipped to
// the label scale as MMSA clips it) and the modalities in which the clip lay outside the model's
// training data ('A, V'; '' inside; NULL when the model has no input envelope or the prediction
// predates this schema). See core/ml/input_envelope.h.
Migration predictionEnvelopeSchema()
{
    return {6, QStringLiteral("raw predictions and out-of-distribution flags"), {
        QStringLiteral("ALTER TABLE predictions ADD COLUMN raw_value REAL"),
        QStringLiteral("ALTER TABLE predictions ADD COLUMN outside TEXT"),
    }};
}

// Version 7: which annotator is to label which clip (a lead's batches, with an overlap that every
// annotator labels so that agreement can be measured). Only a plan: labels stay where they were.
Migration assignmentSchema()
{
    return {7, QStringLiteral("clip assignments"), {
        QStringLiteral(R"(CREATE TABLE assignments (
            clip_id INTEGER NOT NULL REFERENCES clips(id) ON DELETE CASCADE,
            annotator_id INTEGER NOT NULL REFERENCES annotators(id) ON DELETE CASCADE,
            overlap INTEGER NOT NULL DEFAULT 0 CHECK (overlap IN (0, 1)),
            assigned_at TEXT NOT NULL,
            PRIMARY KEY (clip_id, annotator_id)))"),
        QStringLiteral("CREATE INDEX assignments_by_annotator ON assignments(annotator_id)"),
    }};
}

// Version 8: a kind of its own for the annotator whose labels settle disagreements
// ("adjudicated", see core/agreement/adjudication.h), which until now was a human annotator told
// apart only by its reserved name. SQLite cannot change a CHECK constraint in place, so the table is
// rebuilt by SQLite's procedure (new table, copy every row with its id, drop, rename) with foreign
// keys off; labels, history and assignments keep pointing at the same ids. PostgreSQL swaps the
// constraint (the name it gave the column's CHECK in version 1).
Migration adjudicatedKindSchema()
{
    const QString kinds = QStringLiteral("('human', 'dataset', 'model', 'adjudicated')");
    const QString reserved = QStringLiteral("UPDATE annotators SET kind = 'adjudicated' WHERE name = 'adjudicated'");
    Migration migration{8, QStringLiteral("adjudicated annotator kind"), {
        QStringLiteral(R"(CREATE TABLE annotators_v8 (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL DEFAULT 'human' CHECK (kind IN %1),
            created_at TEXT NOT NULL))").arg(kinds),
        QStringLiteral("INSERT INTO annotators_v8(id, name, kind, created_at) SELECT id, name, kind, created_at FROM annotators"),
        QStringLiteral("DROP TABLE annotators"),
        QStringLiteral("ALTER TABLE annotators_v8 RENAME TO annotators"),
        reserved,
    }};
    migration.postgresStatements = {
        QStringLiteral("ALTER TABLE annotators DROP CONSTRAINT annotators_kind_check"),
        QStringLiteral("ALTER TABLE annotators ADD CONSTRAINT annotators_kind_check CHECK (kind IN %1)").arg(kinds),
        reserved,
    };
    migration.sqliteForeignKeysOff = true;
    return migration;
}

// Turns SQLite's foreign keys off for a table rebuild and back to what they were when it goes.
// The pragma does nothing inside a transaction, so it must be set before migrate() begins one.
class ForeignKeysOff {
public:
    ForeignKeysOff(const QSqlDatabase &db, bool needed) : m_db(db)
    {
        if (!needed)
            return;
        m_wasOn = scalar(db, QStringLiteral("PRAGMA foreign_keys")).toInt() == 1;
        run(db, QStringLiteral("PRAGMA foreign_keys = OFF"));
        if (scalar(db, QStringLiteral("PRAGMA foreign_keys")).toInt() != 0)
            throw Error(QStringLiteral("%1: could not turn foreign keys off to migrate (a transaction is open); "
                                       "the file was not changed").arg(db.databaseName()));
    }
    ~ForeignKeysOff()
    {
        if (m_wasOn)
            QSqlQuery(m_db).exec(QStringLiteral("PRAGMA foreign_keys = ON"));
    }
    ForeignKeysOff(const ForeignKeysOff &) = delete;
    ForeignKeysOff &operator=(const ForeignKeysOff &) = delete;

private:
    QSqlDatabase m_db;
    bool m_wasOn = false;
};

// Every reference that points nowhere ("row 3 of labels refers to a missing row of annotators").
// Compared before and after a rebuild, so that a reference broken long ago (a file written with
// foreign keys off by another program) does not block the migration, but one the rebuild broke does.
QStringList danglingReferences(const QSqlDatabase &db)
{
    QStringList dangling;
    QSqlQuery check = run(db, QStringLiteral("PRAGMA foreign_key_check"));
    while (check.next())
        dangling << QStringLiteral("row %1 of %2 refers to a missing row of %3")
                        .arg(check.value(1).toString(), check.value(0).toString(), check.value(2).toString());
    return dangling;
}

}  // namespace

const QList<Migration> &builtinMigrations()
{
    static const QList<Migration> migrations{coreSchema(), analysisSchema(), clipProblemsSchema(), modelLineageSchema(),
                                             clipLanguageSchema(), predictionEnvelopeSchema(), assignmentSchema(),
                                             adjudicatedKindSchema()};
    return migrations;
}

int latestSchemaVersion(const QList<Migration> &migrations)
{
    return migrations.isEmpty() ? 0 : migrations.last().version;
}

int schemaVersion(const QSqlDatabase &db)
{
    if (backendOf(db) == Backend::Sqlite)
        return scalar(db, QStringLiteral("PRAGMA user_version")).toInt();
    // PostgreSQL has no user_version: the highest recorded migration is the version.
    if (!scalar(db, QStringLiteral("SELECT to_regclass('schema_migrations') IS NOT NULL")).toBool())
        return 0;
    return scalar(db, QStringLiteral("SELECT coalesce(max(version), 0) FROM schema_migrations")).toInt();
}

int migrate(const QSqlDatabase &db, const QList<Migration> &migrations)
{
    int current = schemaVersion(db);
    const int latest = latestSchemaVersion(migrations);
    if (current > latest)
        throw Error(QStringLiteral("%1: this project was written by a newer SentiLens (schema version %2; "
                                   "this build knows up to %3). Open it with a newer SentiLens; "
                                   "the file was not changed.")
                        .arg(db.databaseName())
                        .arg(current)
                        .arg(latest));
    if (current == latest)
        return 0;

    const bool sqlite = backendOf(db) == Backend::Sqlite;
    bool rebuildsTables = false;
    for (const Migration &migration : migrations)
        rebuildsTables |= sqlite && migration.version > current && migration.sqliteForeignKeysOff;
    const ForeignKeysOff keysOff(db, rebuildsTables);

    // One exclusive transaction for every pending step: either all apply or the file is untouched.
    // The version is read again under the write lock: another client may have just migrated.
    beginWrite(db);
    current = schemaVersion(db);
    int applied = 0;
    for (const Migration &migration : migrations) {
        if (migration.version <= current)
            continue;
        const bool checkReferences = sqlite && migration.sqliteForeignKeysOff;
        QStringList statements;
        QStringList danglingBefore;
        try {
            if (checkReferences)
                danglingBefore = danglingReferences(db);
            statements = !sqlite && !migration.postgresStatements.isEmpty() ? migration.postgresStatements
                                                                             : forBackend(db, migration.statements);
        } catch (...) {
            endWrite(db, false);
            throw;
        }
        for (const QString &statement : statements) {
            QSqlQuery query(db);
            if (!query.exec(statement)) {
                const QString reason = query.lastError().text();
                endWrite(db, false);
                throw Error(QStringLiteral("%1: migration to schema version %2 (%3) failed: %4. "
                                           "The file was left as it was (schema version %5).")
                                .arg(db.databaseName())
                                .arg(migration.version)
                                .arg(migration.name, describeSqlError(db, reason))
                                .arg(current));
            }
        }
        if (checkReferences) {
            QStringList broken;
            try {
                broken = danglingReferences(db);
            } catch (...) {
                endWrite(db, false);
                throw;
            }
            for (const QString &old : std::as_const(danglingBefore))
                broken.removeOne(old);
            if (!broken.isEmpty()) {
                endWrite(db, false);
                throw Error(QStringLiteral("%1: migration to schema version %2 (%3) would leave a broken reference: %4. "
                                           "The file was left as it was (schema version %5).")
                                .arg(db.databaseName())
                                .arg(migration.version)
                                .arg(migration.name, broken.first())
                                .arg(current));
            }
        }
        QSqlQuery record = prepare(db, QStringLiteral(
            "INSERT INTO schema_migrations(version, name, applied_at) VALUES (?, ?, ?)"));
        record.bindValue(0, migration.version);
        record.bindValue(1, migration.name);
        record.bindValue(2, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
        const bool recorded = record.exec()
            && (backendOf(db) == Backend::Postgres
                || QSqlQuery(db).exec(QStringLiteral("PRAGMA user_version = %1").arg(migration.version)));
        if (!recorded) {
            endWrite(db, false);
            throw Error(QStringLiteral("%1: could not record schema version %2: %3")
                            .arg(db.databaseName())
                            .arg(migration.version)
                            .arg(record.lastError().text()));
        }
        ++applied;
    }
    try {
        endWrite(db, true);
    } catch (...) {
        endWrite(db, false);
        throw;
    }
    return applied;
}

}  // namespace sl::store
