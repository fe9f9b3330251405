#include "core/store/project_database.h"

#include "core/common/error.h"
#include "core/store/server_connect_error.h"
#include "core/store/server_location.h"
#include "core/store/sql.h"
#include "core/store/sql_dialect.h"

#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <atomic>

namespace sl::store {

namespace {

std::atomic<quint64> g_connectionCounter{0};

// Reads the file's header through SQLite itself, so that a text file or an image gets a clear
// message instead of a driver error ("file is not a database"). Never through a file handle of our
// own: closing any descriptor of the database file drops every POSIX lock this process holds on it
// (SQLite's documented pitfall), and then another program that closes the project (a CLI run)
// believes it is the last user and deletes the -wal and -shm files under the window's open
// connections, whose next read fails with "disk I/O error" or "file is not a database" (issue 18,
// defect 4; reproduced by tests/ui/test_pending_labels and test_concurrent_project_access).
void checkLooksLikeSqlite(const QSqlDatabase &db, const QString &path)
{
    QSqlQuery query(db);
    if (query.exec(QStringLiteral("PRAGMA schema_version")))
        return;  // an empty file is a fresh database to SQLite
    const QString reason = query.lastError().text();
    if (reason.contains(QLatin1String("not a database")))
        throw Error(QStringLiteral("%1: is not a SentiLens project (not an SQLite database)").arg(path));
    throw Error(QStringLiteral("%1: cannot be read (%2)").arg(path, reason));
}

}  // namespace

ProjectDatabase::ProjectDatabase(const QString &location, OpenMode mode, const QList<Migration> &migrations,
                                 int busyTimeoutMs)
    : m_connectionName(QStringLiteral("sentilens-%1").arg(++g_connectionCounter)), m_server(isServerLocation(location))
{
    if (m_server)
        openServer(location, busyTimeoutMs);
    else {
        m_filePath = QFileInfo(location).absoluteFilePath();
        openSqlite(mode, busyTimeoutMs);
    }
    try {
        configure(mode, migrations);
    } catch (...) {
        {
            QSqlDatabase db = this->db();
            db.close();
        }
        QSqlDatabase::removeDatabase(m_connectionName);
        throw;
    }
}

void ProjectDatabase::openSqlite(OpenMode mode, int busyTimeoutMs)
{
    const QFileInfo info(m_filePath);
    if (!info.exists()) {
        if (mode == OpenMode::MustExist)
            throw Error(QStringLiteral("%1: no SentiLens project database here; create one with "
                                       "'sentilens-cli init'").arg(m_filePath));
        if (!QFileInfo(info.absolutePath()).isDir())
            throw Error(QStringLiteral("%1: the folder does not exist").arg(info.absolutePath()));
    } else {
        if (mode == OpenMode::CreateNew)
            throw Error(QStringLiteral("%1: a project already exists here").arg(m_filePath));
        if (!info.isWritable())
            throw Error(QStringLiteral("%1: the project file is read-only; SentiLens writes every label "
                                       "change at once, so it needs write access").arg(m_filePath));
    }

    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    db.setDatabaseName(m_filePath);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(busyTimeoutMs));
    if (!db.open()) {
        const QString reason = db.lastError().text();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
        throw Error(QStringLiteral("%1: cannot open the project database (%2)").arg(m_filePath, reason));
    }
}

void ProjectDatabase::openServer(const QString &location, int busyTimeoutMs)
{
    const ServerLocation server = parseServerLocation(location);
    m_filePath = server.display();
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
        throw Error(QStringLiteral("%1: this SentiLens has no PostgreSQL driver; install Qt's QPSQL plugin "
                                   "(Debian: libqt6sql6-psql)").arg(m_filePath));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_connectionName);
    db.setDatabaseName(server.database);
    if (!server.host.isEmpty())
        db.setHostName(server.host);
    if (server.port != 0)
        db.setPort(server.port);
    if (!server.user.isEmpty())
        db.setUserName(server.user);
    if (!server.password.isEmpty())
        db.setPassword(server.password);  // otherwise libpq reads PGPASSWORD or ~/.pgpass
    db.setConnectOptions(QStringLiteral("connect_timeout=10"));
    if (!db.open()) {
        const QString reason = db.lastError().text().simplified();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
        throw Error(describeConnectFailure(server, reason));
    }
    // Waiting for another client's write lock is bounded like SQLite's busy timeout; past it the
    // write fails as "locked" and the label stays unsaved (and is said to be).
    execDirect(db, QStringLiteral("SET lock_timeout = %1").arg(busyTimeoutMs));
    execDirect(db, QStringLiteral("SET client_min_messages = warning"));
}

void ProjectDatabase::configure(OpenMode mode, const QList<Migration> &migrations)
{
    if (m_server)
        configureServer(mode, migrations);
    else
        configureSqlite(migrations);
}

void ProjectDatabase::configureSqlite(const QList<Migration> &migrations)
{
    const QSqlDatabase db = this->db();
    checkLooksLikeSqlite(db, m_filePath);
    run(db, QStringLiteral("PRAGMA foreign_keys = ON"));

    const int applicationId = scalar(db, QStringLiteral("PRAGMA application_id")).toInt();
    const int version = scalar(db, QStringLiteral("PRAGMA user_version")).toInt();
    const int tableCount = scalar(db, QStringLiteral("SELECT count(*) FROM sqlite_master")).toInt();
    if (applicationId != kSentiLensApplicationId && (version != 0 || tableCount != 0))
        throw Error(QStringLiteral("%1: is an SQLite database, but not a SentiLens project").arg(m_filePath));

    // migrate() refuses a newer schema before anything is written.
    m_migrationsApplied = migrate(db, migrations);

    // WAL lets the GUI read while a background job writes; synchronous=FULL makes every committed
    // label survive a power cut, which matters more here than write speed.
    if (scalar(db, QStringLiteral("PRAGMA journal_mode = WAL")).toString().toLower() != QLatin1String("wal"))
        throw Error(QStringLiteral("%1: could not switch the database to WAL mode").arg(m_filePath));
    run(db, QStringLiteral("PRAGMA synchronous = FULL"));
}

void ProjectDatabase::configureServer(OpenMode mode, const QList<Migration> &migrations)
{
    const QSqlDatabase db = this->db();
    const int tableCount = scalar(db, QStringLiteral("SELECT count(*) FROM information_schema.tables "
                                                     "WHERE table_schema = current_schema()")).toInt();
    const bool isProject = schemaVersion(db) > 0;
    if (tableCount != 0 && !isProject)
        throw Error(QStringLiteral("%1: the database holds other tables and is not a SentiLens project; "
                                   "give SentiLens a database of its own").arg(m_filePath));
    if (isProject && mode == OpenMode::CreateNew)
        throw Error(QStringLiteral("%1: a project already exists in this database").arg(m_filePath));
    if (!isProject && mode == OpenMode::MustExist)
        throw Error(QStringLiteral("%1: no SentiLens project in this database yet; create one with "
                                   "'sentilens-cli init --server %1'").arg(m_filePath));
    if (!isProject) {
        // Text sorts byte by byte in SQLite; a server database that sorted by a language's rules
        // would list clips, exports and shards in another order than the same project in a file.
        const QString collation = scalar(db, QStringLiteral("SELECT datcollate FROM pg_database "
                                                            "WHERE datname = current_database()")).toString();
        const QStringList byteOrder{QStringLiteral("C"), QStringLiteral("POSIX"), QStringLiteral("C.UTF-8"),
                                    QStringLiteral("C.utf8")};
        if (!byteOrder.contains(collation))
            throw Error(QStringLiteral("%1: the database sorts text by the '%2' locale; SentiLens needs byte order, so "
                                       "create it with: CREATE DATABASE %3 TEMPLATE template0 LOCALE 'C'")
                            .arg(m_filePath, collation, db.databaseName()));
    }
    m_migrationsApplied = migrate(db, migrations);
}

ProjectDatabase::~ProjectDatabase()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

QSqlDatabase ProjectDatabase::db() const { return QSqlDatabase::database(m_connectionName, false); }

}  // namespace sl::store
