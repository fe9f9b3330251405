#pragma once
// What a failed connection to a project's PostgreSQL server means for the user. libpq's reasons
// ("Connection refused ... Is the server running", "role \"x\" does not exist", "database \"x\"
// does not exist") are exact but say nothing about what to do; this names the cause (the server
// does not answer, it refused the user, the database is missing) and the remedy, keeping libpq's
// own words at the end. The CLI and the window's New/Open project dialogs show the same text.
#include "core/store/server_location.h"

#include <QString>

namespace sl::store {

enum class ConnectFailure { Unreachable, Authentication, NoDatabase, Other };

ConnectFailure classifyConnectFailure(const QString &libpqReason);

// "<display>: cannot connect to the project database: <cause and remedy> (<libpq reason>)".
QString describeConnectFailure(const ServerLocation &server, const QString &libpqReason);

}  // namespace sl::store
