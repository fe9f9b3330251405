#include "core/store/server_connect_error.h"

namespace sl::store {

ConnectFailure classifyConnectFailure(const QString &libpqReason)
{
    const QString reason = libpqReason.toLower();
    const auto has = [&reason](const char *text) { return reason.contains(QLatin1String(text)); };
    // A missing database is reported after the user was let in, so it is checked first.
    if (has("database \"") && has("does not exist"))
        return ConnectFailure::NoDatabase;
    if (has("authentication failed") || has("no password supplied") || has("role \"") || has("pg_hba.conf")
        || has("password") || has("permission denied"))
        return ConnectFailure::Authentication;
    if (has("connection refused") || has("could not translate host name") || has("no such file or directory")
        || has("timeout expired") || has("could not connect") || has("is the server running") || has("no route to host")
        || has("network is unreachable"))
        return ConnectFailure::Unreachable;
    return ConnectFailure::Other;
}

QString describeConnectFailure(const ServerLocation &server, const QString &libpqReason)
{
    const QString where = server.host.isEmpty() ? QStringLiteral("the local socket")
                          : server.port != 0    ? QStringLiteral("%1 port %2").arg(server.host).arg(server.port)
                                                : server.host;
    QString cause;
    switch (classifyConnectFailure(libpqReason)) {
    case ConnectFailure::Unreachable:
        cause = QStringLiteral("the server does not answer at %1; check that PostgreSQL runs there and that the "
                               "host and port in the address are right").arg(where);
        break;
    case ConnectFailure::Authentication:
        cause = QStringLiteral("the server refused user '%1'; check the user name and password (give the password as "
                               "postgresql://user:password@host/db or in ~/.pgpass) and that the server lets this "
                               "user in (pg_hba.conf)").arg(server.user.isEmpty() ? QStringLiteral("(default)") : server.user);
        break;
    case ConnectFailure::NoDatabase:
        cause = QStringLiteral("the server has no database '%1'; create it first, empty and in byte order: "
                               "CREATE DATABASE %1 TEMPLATE template0 LOCALE 'C'").arg(server.database);
        break;
    case ConnectFailure::Other:
        cause = QStringLiteral("the server refused the connection");
        break;
    }
    return QStringLiteral("%1: cannot connect to the project database: %2 (%3)").arg(server.display(), cause, libpqReason);
}

}  // namespace sl::store
