#pragma once
// The two database back ends a project can live in: an SQLite file (one machine, or a few readers)
// and a PostgreSQL database (a team labelling at once). The repositories write SQL that both
// accept; what cannot be written once (the schema's DDL, the transaction that serialises writers,
// the schema version) is decided here, from the connection's driver.
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace sl::store {

enum class Backend { Sqlite, Postgres };

Backend backendOf(const QSqlDatabase &db);

// Rewrites one migration statement, written in SQLite's dialect, for PostgreSQL: INTEGER PRIMARY
// KEY becomes an identity column, REAL a double (PostgreSQL's REAL is 4 bytes and would round
// labels), BLOB bytea, and a "refuse this change" trigger a PL/pgSQL function with its trigger.
// SQLite's application_id pragma has no counterpart and yields nothing. Throws sl::Error naming
// the statement for SQLite-only syntax that has no rule here (INSERT OR REPLACE, other pragmas,
// other triggers), so that a new migration that would only work on one back end fails its tests.
QStringList toPostgres(const QString &sqliteStatement);

// The statements of a migration step as this connection's back end runs them.
QStringList forBackend(const QSqlDatabase &db, const QStringList &sqliteStatements);

// Starts the connection's outermost write transaction. On SQLite it is BEGIN IMMEDIATE (the write
// lock up front, so the busy timeout applies); on PostgreSQL it is BEGIN plus a transaction-scoped
// advisory lock on the project, which gives the same one-writer-at-a-time rule, so that a
// read-then-write unit (a label's old value and its history row) can never interleave with
// another client's. Readers are never blocked on either back end.
void beginWrite(const QSqlDatabase &db);
// Ends it: COMMIT when `commit`, ROLLBACK otherwise. Throws sl::Error if COMMIT fails.
void endWrite(const QSqlDatabase &db, bool commit);

// Whether the connection is inside a transaction.
bool inTransaction(const QSqlDatabase &db);

}  // namespace sl::store
