#include "core/store/project_database.h"

#include "core/common/error.h"
#include "core/store/sql.h"

#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <atomic>

namespace sl::store {

namespace {

std::atomic<quint64> g_connectionCounter{0};

// Checks the first bytes so that a text file or an image gets a clear message instead of a
// driver error ("file is not a database").
void checkLooksLikeSqlite(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw Error(QStringLiteral("%1: cannot be read (%2)").arg(path, file.errorString()));
    if (file.size() == 0)
        return;  // an empty file is a fresh database to SQLite
    const QByteArray header = file.read(16);
    if (header != QByteArray("SQLite format 3\0", 16))
        throw Error(QStringLiteral("%1: is not a SentiLens project (not an SQLite database)").arg(path));
}

}  // namespace

ProjectDatabase::ProjectDatabase(const QString &filePath, OpenMode mode,
                                 const QList<Migration> &migrations, int busyTimeoutMs)
    : m_filePath(QFileInfo(filePath).absoluteFilePath()),
      m_connectionName(QStringLiteral("sentilens-%1").arg(++g_connectionCounter))
{
    const QFileInfo info(m_filePath);
    if (!info.exists()) {
        if (mode == OpenMode::MustExist)
            throw Error(QStringLiteral("%1: no SentiLens project database here; create one with "
                                       "'sentilens-cli init'").arg(m_filePath));
        if (!QFileInfo(info.absolutePath()).isDir())
            throw Error(QStringLiteral("%1: the folder does not exist").arg(info.absolutePath()));
    } else {
        checkLooksLikeSqlite(m_filePath);
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
    try {
        configure(migrations);
    } catch (...) {
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
        throw;
    }
}

void ProjectDatabase::configure(const QList<Migration> &migrations)
{
    const QSqlDatabase db = this->db();
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
