#pragma once
// A throwaway PostgreSQL cluster for tests: initdb in a temporary folder, started with pg_ctl on a
// unix socket in that folder (no TCP port, so parallel tests never collide), stopped and deleted
// when the object goes. PostgreSQL refuses to run as root, so as root the server runs as the
// unprivileged user 'nobody' (through runuser) and owns only the temporary folder.
#include <QString>
#include <QTemporaryDir>
#include <memory>

namespace sl::test {

class PostgresCluster {
public:
    // The folder with initdb and pg_ctl: $SENTILENS_PG_BIN, else the newest
    // /usr/lib/postgresql/N/bin, else the folder of initdb on PATH. Empty when PostgreSQL's
    // server programs are not installed.
    static QString binDir();

    // Starts a cluster. `durable` keeps fsync on (for timings that mean something); otherwise it is
    // off, which makes CREATE DATABASE and commits fast for functional tests. On failure
    // isRunning() is false and error() says why (with the server log's end).
    explicit PostgresCluster(bool durable = false);
    ~PostgresCluster();
    PostgresCluster(const PostgresCluster &) = delete;
    PostgresCluster &operator=(const PostgresCluster &) = delete;

    bool isRunning() const { return m_running; }
    QString error() const { return m_error; }
    QString socketFolder() const { return m_dir.path(); }

    // Creates an empty database with byte-order text (LOCALE C) and returns its postgresql:// URL.
    // Throws sl::Error when the server refuses.
    QString createDatabase();

private:
    bool runProgram(const QString &program, const QStringList &arguments, int timeoutMs);
    void startWatchdog(const QString &data);

    QTemporaryDir m_dir;
    QString m_bin;
    bool m_running = false;
    QString m_error;
    int m_databases = 0;
};

}  // namespace sl::test
