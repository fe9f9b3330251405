#include "tests/support/store_location.h"

#include "core/store/media_root.h"
#include "core/store/server_location.h"
#include "tests/support/postgres_cluster.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <memory>

namespace sl::test {

namespace {

std::unique_ptr<PostgresCluster> &sharedCluster()
{
    static std::unique_ptr<PostgresCluster> cluster;
    return cluster;
}

void stopSharedCluster() { sharedCluster().reset(); }

PostgresCluster *cluster()
{
    auto &shared = sharedCluster();
    if (!shared) {
        shared = std::make_unique<PostgresCluster>();
        // Media roots are per-machine settings; the tests' go into the cluster's folder, never
        // into the user's own configuration.
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(QDir(shared->socketFolder()).filePath(QStringLiteral("config"))));
        qAddPostRoutine(stopSharedCluster);
    }
    return shared.get();
}

}  // namespace

bool serverStoreRequested() { return qEnvironmentVariable("SENTILENS_TEST_STORE") == QLatin1String("postgresql"); }

bool serverProgramsMissing() { return PostgresCluster::binDir().isEmpty(); }

QString serverStoreUnavailable()
{
    if (!serverStoreRequested())
        return {};
    if (serverProgramsMissing())
        return QStringLiteral("PostgreSQL back end not tested: its server programs (initdb, pg_ctl) are not installed "
                              "(Debian: postgresql-15)");
    PostgresCluster *server = cluster();
    return server->isRunning() ? QString() : QStringLiteral("PostgreSQL test cluster did not start: ") + server->error();
}

QString newProjectLocation(const QTemporaryDir &dir, const QString &subfolder)
{
    const QString folder = subfolder.isEmpty() ? dir.path() : dir.filePath(subfolder);
    if (!serverStoreRequested())
        return folder;
    if (!serverStoreUnavailable().isEmpty())
        return {};
    const QString url = cluster()->createDatabase();
    QDir().mkpath(folder);
    store::setMediaRootFor(store::parseServerLocation(url).display(), folder);
    return url;
}

}  // namespace sl::test
