#pragma once
// One open project database: a named Qt SQL connection to an SQLite file (pragmas set) or to a
// PostgreSQL database named by a postgresql:// URL (see server_location.h), with the schema
// migrated to this build's version. A connection belongs to the thread that opened it.
#include "core/store/migrations.h"

#include <QSqlDatabase>
#include <QString>

namespace sl::store {

class ProjectDatabase {
public:
    // CreateNew also refuses a database that already holds a project (a server database exists
    // before its project does, so "missing" cannot be told from the file's absence there).
    enum class OpenMode { MustExist, CreateIfMissing, CreateNew };

    // Throws sl::Error naming the file for: a missing file (MustExist), a file that is not a
    // SentiLens project, a newer schema, a failed migration, a locked or unwritable file.
    // For a server URL: an unreachable server or refused login, a database that holds other
    // tables, no project yet (MustExist). The server database itself is made by its administrator.
    ProjectDatabase(const QString &location, OpenMode mode,
                    const QList<Migration> &migrations = builtinMigrations(),
                    int busyTimeoutMs = 5000);
    ~ProjectDatabase();
    ProjectDatabase(const ProjectDatabase &) = delete;
    ProjectDatabase &operator=(const ProjectDatabase &) = delete;

    QSqlDatabase db() const;
    // The file's absolute path, or the server URL without its password.
    QString filePath() const { return m_filePath; }
    bool isServer() const { return m_server; }
    int migrationsApplied() const { return m_migrationsApplied; }

private:
    void openSqlite(OpenMode mode, int busyTimeoutMs);
    void openServer(const QString &location, int busyTimeoutMs);
    void configure(OpenMode mode, const QList<Migration> &migrations);
    void configureSqlite(const QList<Migration> &migrations);
    void configureServer(OpenMode mode, const QList<Migration> &migrations);

    QString m_filePath;
    QString m_connectionName;
    int m_migrationsApplied = 0;
    bool m_server = false;
};

}  // namespace sl::store
