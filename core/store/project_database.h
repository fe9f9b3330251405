#pragma once
// One open project database file: a named Qt SQL connection with the project's pragmas set and
// the schema migrated to this build's version. A connection belongs to the thread that opened it.
#include "core/store/migrations.h"

#include <QSqlDatabase>
#include <QString>

namespace sl::store {

class ProjectDatabase {
public:
    enum class OpenMode { MustExist, CreateIfMissing };

    // Throws sl::Error naming the file for: a missing file (MustExist), a file that is not a
    // SentiLens project, a newer schema, a failed migration, a locked or unwritable file.
    ProjectDatabase(const QString &filePath, OpenMode mode,
                    const QList<Migration> &migrations = builtinMigrations(),
                    int busyTimeoutMs = 5000);
    ~ProjectDatabase();
    ProjectDatabase(const ProjectDatabase &) = delete;
    ProjectDatabase &operator=(const ProjectDatabase &) = delete;

    QSqlDatabase db() const;
    QString filePath() const { return m_filePath; }
    int migrationsApplied() const { return m_migrationsApplied; }

private:
    void configure(const QList<Migration> &migrations);

    QString m_filePath;
    QString m_connectionName;
    int m_migrationsApplied = 0;
};

}  // namespace sl::store
