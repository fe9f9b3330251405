#pragma once
// Where a shared project lives on a PostgreSQL server, parsed from
// postgresql://[user[:password]@][host][:port]/database[?host=/socket/folder]
// A host that is a folder (percent-encoded in the authority, or given as ?host=) is libpq's unix
// socket folder, which is how the tests reach their throwaway cluster.
#include <QString>
#include <optional>

namespace sl::store {

struct ServerLocation {
    QString user;
    QString password;  // kept out of display() and of the per-machine settings key
    QString host;      // empty: libpq's default (local socket)
    int port = 0;      // 0: libpq's default (5432)
    QString database;

    // The URL without the password: what messages, the project's "path" and settings keys show.
    QString display() const;
};

// Whether `location` names a server project rather than a folder or file.
bool isServerLocation(const QString &location);

// Parses a postgresql:// (or postgres://) URL. Throws sl::Error naming the URL and what is wrong.
ServerLocation parseServerLocation(const QString &location);

}  // namespace sl::store
