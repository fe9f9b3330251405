#pragma once
// RAII unit of work. The outermost one on a connection is a write transaction (beginWrite: SQLite's
// `BEGIN IMMEDIATE`, or PostgreSQL's BEGIN with the project's write lock); inner ones are
// savepoints, which nest on both back ends, so a repository call that protects its own writes can
// also run inside a larger import without either knowing about the other.
//
// Why IMMEDIATE: a deferred transaction that reads first and writes later has to upgrade its lock,
// and SQLite answers "database is locked" at once (without the busy timeout) when another
// connection is writing at that moment. Taking the write lock up front lets the busy timeout do
// its job, so a label typed while an extraction job writes features waits instead of failing.
#include "core/store/sql_dialect.h"  // inTransaction

#include <QSqlDatabase>
#include <QString>

namespace sl::store {

class Savepoint {
public:
    explicit Savepoint(const QSqlDatabase &db);
    ~Savepoint();  // rolls back unless commit() was called
    Savepoint(const Savepoint &) = delete;
    Savepoint &operator=(const Savepoint &) = delete;

    void commit();

private:
    QSqlDatabase m_db;
    QString m_name;  // empty for the outermost unit (a plain transaction)
    bool m_done = false;
};

}  // namespace sl::store
