#pragma once
// Numbered schema migrations. The schema version lives in SQLite's user_version; every pending
// migration is applied in one transaction, so a failure leaves the file exactly as it was.
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace sl::store {

// Stored in SQLite's application_id so that a foreign SQLite file is never mistaken for a project.
inline constexpr int kSentiLensApplicationId = 0x534C4E53;  // "SLNS"

struct Migration {
    int version = 0;       // the schema version after this migration
    QString name;          // shown in errors and recorded in schema_migrations
    QStringList statements;
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
