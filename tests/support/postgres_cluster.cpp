#include "tests/support/postgres_cluster.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUrl>
#include <algorithm>
#include <pwd.h>
#include <stdexcept>
#include <unistd.h>

namespace sl::test {

namespace {

constexpr int kPort = 5432;  // only names the socket file; the socket folder is unique
const char *kSuperuser = "sentilens";
const char *kUnprivileged = "nobody";

bool runningAsRoot() { return ::geteuid() == 0; }

}  // namespace

QString PostgresCluster::binDir()
{
    const QString forced = qEnvironmentVariable("SENTILENS_PG_BIN");
    if (!forced.isEmpty())
        return QFile::exists(QDir(forced).filePath(QStringLiteral("initdb"))) ? forced : QString();
    QDir versions(QStringLiteral("/usr/lib/postgresql"));
    QStringList found = versions.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    std::sort(found.begin(), found.end(), [](const QString &a, const QString &b) { return a.toInt() > b.toInt(); });
    for (const QString &version : found) {
        const QString bin = versions.filePath(version + QStringLiteral("/bin"));
        if (QFile::exists(bin + QStringLiteral("/initdb")) && QFile::exists(bin + QStringLiteral("/pg_ctl")))
            return bin;
    }
    const QString onPath = QStandardPaths::findExecutable(QStringLiteral("initdb"));
    return onPath.isEmpty() ? QString() : QFileInfo(onPath).absolutePath();
}

bool PostgresCluster::runProgram(const QString &program, const QStringList &arguments, int timeoutMs)
{
    QProcess process;
    process.setWorkingDirectory(m_dir.path());
    process.setProcessChannelMode(QProcess::MergedChannels);
    const QString path = QDir(m_bin).filePath(program);
    if (runningAsRoot())
        process.start(QStringLiteral("runuser"), QStringList{QStringLiteral("-u"), QString::fromLatin1(kUnprivileged),
                                                            QStringLiteral("--"), path} + arguments);
    else
        process.start(path, arguments);
    if (!process.waitForFinished(timeoutMs) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        if (process.state() != QProcess::NotRunning) {
            process.kill();
            process.waitForFinished(2000);
        }
        const QString how = process.error() == QProcess::UnknownError
            ? QStringLiteral("exit code %1").arg(process.exitCode())
            : process.errorString();
        m_error = QStringLiteral("%1 failed (%2): %3").arg(program, how, QString::fromLocal8Bit(process.readAll()).right(2000));
        return false;
    }
    return true;
}

PostgresCluster::PostgresCluster(bool durable) : m_bin(binDir())
{
    if (m_bin.isEmpty()) {
        m_error = QStringLiteral("PostgreSQL's server programs (initdb, pg_ctl) are not installed; install Debian's "
                                 "postgresql-15 or set SENTILENS_PG_BIN");
        return;
    }
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("cannot make a temporary folder for the cluster");
        return;
    }
    if (runningAsRoot()) {
        const passwd *user = ::getpwnam(kUnprivileged);
        if (!user || ::chown(QFile::encodeName(m_dir.path()).constData(), user->pw_uid, user->pw_gid) != 0) {
            m_error = QStringLiteral("%1: cannot hand the cluster folder to user '%2'").arg(m_dir.path(), QString::fromLatin1(kUnprivileged));
            return;
        }
    }
    const QString data = m_dir.filePath(QStringLiteral("data"));
    if (!runProgram(QStringLiteral("initdb"),
                    {QStringLiteral("-D"), data, QStringLiteral("-U"), QString::fromLatin1(kSuperuser),
                     QStringLiteral("--auth=trust"), QStringLiteral("--no-locale"), QStringLiteral("-E"),
                     QStringLiteral("UTF8"), QStringLiteral("--no-sync")},
                    120000))
        return;
    const QString options = QStringLiteral("-k %1 -p %2 -c listen_addresses='' -c fsync=%3 -c max_connections=60")
                                .arg(m_dir.path())
                                .arg(kPort)
                                .arg(durable ? QStringLiteral("on") : QStringLiteral("off"));
    if (!runProgram(QStringLiteral("pg_ctl"),
                    {QStringLiteral("-D"), data, QStringLiteral("-l"), m_dir.filePath(QStringLiteral("server.log")),
                     QStringLiteral("-o"), options, QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("60"),
                     QStringLiteral("start")},
                    90000)) {
        QFile log(m_dir.filePath(QStringLiteral("server.log")));
        if (log.open(QIODevice::ReadOnly))
            m_error += QStringLiteral("\nserver log: ") + QString::fromLocal8Bit(log.readAll()).right(2000);
        return;
    }
    m_running = true;
    startWatchdog(data);
}

// A test that crashes never runs its destructors; a small shell loop, started detached, stops the
// server once this process is gone, so that a failing CI run leaves no postgres behind. It looks
// at /proc rather than using kill -0, which an unprivileged user cannot aim at a root process.
void PostgresCluster::startWatchdog(const QString &data)
{
    const QString script = QStringLiteral("while [ -d /proc/%1 ]; do sleep 1; done; '%2' -D '%3' -m immediate stop >/dev/null 2>&1")
                               .arg(QCoreApplication::applicationPid())
                               .arg(QDir(m_bin).filePath(QStringLiteral("pg_ctl")), data);
    const QStringList shell{QStringLiteral("/bin/sh"), QStringLiteral("-c"), script};
    if (runningAsRoot())
        QProcess::startDetached(QStringLiteral("runuser"), QStringList{QStringLiteral("-u"), QString::fromLatin1(kUnprivileged),
                                                                      QStringLiteral("--")} + shell);
    else
        QProcess::startDetached(shell.first(), shell.mid(1));
}

PostgresCluster::~PostgresCluster()
{
    if (m_running)
        runProgram(QStringLiteral("pg_ctl"), {QStringLiteral("-D"), m_dir.filePath(QStringLiteral("data")),
                                              QStringLiteral("-m"), QStringLiteral("immediate"), QStringLiteral("-w"),
                                              QStringLiteral("stop")},
                   60000);
}

QString PostgresCluster::createDatabase()
{
    if (!m_running)
        throw std::runtime_error(m_error.toStdString());
    const QString name = QStringLiteral("project%1").arg(++m_databases);
    const QString connection = QStringLiteral("sentilens-test-admin-%1").arg(m_databases);
    QString failure;
    {
        QSqlDatabase admin = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
        admin.setHostName(m_dir.path());
        admin.setPort(kPort);
        admin.setUserName(QString::fromLatin1(kSuperuser));
        admin.setDatabaseName(QStringLiteral("postgres"));
        if (!admin.open())
            failure = admin.lastError().text();
        else {
            QSqlQuery create(admin);
            if (!create.exec(QStringLiteral("CREATE DATABASE %1 TEMPLATE template0 LOCALE 'C'").arg(name)))
                failure = create.lastError().text();
            admin.close();
        }
    }
    QSqlDatabase::removeDatabase(connection);
    if (!failure.isEmpty())
        throw std::runtime_error(QStringLiteral("cannot create database %1: %2").arg(name, failure).toStdString());
    // Concatenated, not arg()'d: the percent-encoded socket folder is full of "%2F".
    return QStringLiteral("postgresql://") + QString::fromLatin1(kSuperuser) + QLatin1Char('@')
        + QString::fromLatin1(QUrl::toPercentEncoding(m_dir.path())) + QStringLiteral(":%1/").arg(kPort) + name;
}

}  // namespace sl::test
