#pragma once
// Numbered schema migrations, one list for both back ends. The schema version lives in SQLite's
// user_version (PostgreSQL: the highest row of schema_migrations); every pending migration is
// applied in one transaction, so a failure leaves the project exactly as it was.
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace sl::store {

// Stored in SQLite's application_id so that a foreign SQLite file is never mistaken for a project.
inline constexpr int kSentiLensApplicationId = 0x534C4E53;  // "SLNS"

struct Migration {
    Migration() = default;
    Migration(int version, QString name, QStringList statements)
        : version(version), name(std::move(name)), statements(std::move(statements))
    {
    }

    int version = 0;       // the schema version after this migration
    QString name;          // shown in errors and recorded in schema_migrations
    QStringList statements;  // SQLite's dialect; translated for PostgreSQL (see sql_dialect.h)
    // Where a step cannot be written once (changing a CHECK constraint: SQLite rebuilds the table,
    // PostgreSQL alters the constraint), PostgreSQL runs these instead of translating `statements`.
    QStringList postgresStatements;
    // The SQLite statements rebuild a table that other tables reference (SQLite's documented
    // procedure for schema changes ALTER TABLE cannot make). Dropping the old table with foreign
    // keys on would cascade or fail, and the foreign_keys pragma is a no-op inside a transaction,
    // so migrate() turns foreign keys off before its transaction, runs PRAGMA foreign_key_check
    // before committing (any dangling reference rolls everything back), and turns them on again.
    bool sqliteForeignKeysOff = false;
};

// The migrations this build knows, in order. The last one's version is the current schema.
const QList<Migration> &builtinMigrations();
int latestSchemaVersion(const QList<Migration> &migrations = builtinMigrations());

int schemaVersion(const QSqlDatabase &db);

// Applies the migrations newer than the file's version. Throws sl::Error naming the file when the
// file is newer than `migrations` knows (nothing is changed) or when a migration fails (rolled back).
// Returns the number of migrations applied.
int migrate(const QSqlDatabase &db, const QList<Migration> &migrations = builtinMigrations());

}  // namespace sl::store
