#include "core/store/savepoint.h"

#include "core/store/sql.h"

#include <QSqlDriver>
#include <QSqlQuery>
#include <QVariant>
#include <atomic>
#include <sqlite3.h>

namespace sl::store {

namespace {
std::atomic<quint64> g_savepointCounter{0};
}

bool inTransaction(const QSqlDatabase &db)
{
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return false;
    sqlite3 *connection = *static_cast<sqlite3 *const *>(handle.data());
    return connection && sqlite3_get_autocommit(connection) == 0;
}

Savepoint::Savepoint(const QSqlDatabase &db) : m_db(db)
{
    if (!inTransaction(m_db)) {
        run(m_db, QStringLiteral("BEGIN IMMEDIATE"));
        return;
    }
    // Savepoint names are generated here, never taken from user input.
    m_name = QStringLiteral("sl_sp_%1").arg(++g_savepointCounter);
    run(m_db, QStringLiteral("SAVEPOINT ") + m_name);
}

Savepoint::~Savepoint()
{
    if (m_done)
        return;
    QSqlQuery query(m_db);
    if (m_name.isEmpty()) {
        query.exec(QStringLiteral("ROLLBACK"));
        return;
    }
    query.exec(QStringLiteral("ROLLBACK TO ") + m_name);
    query.exec(QStringLiteral("RELEASE ") + m_name);
}

void Savepoint::commit()
{
    run(m_db, m_name.isEmpty() ? QStringLiteral("COMMIT") : QStringLiteral("RELEASE ") + m_name);
    m_done = true;
}

}  // namespace sl::store
