#include "core/store/savepoint.h"

#include "core/store/sql.h"

#include <QSqlQuery>
#include <atomic>

namespace sl::store {

namespace {
std::atomic<quint64> g_savepointCounter{0};
}

Savepoint::Savepoint(const QSqlDatabase &db) : m_db(db)
{
    if (!inTransaction(m_db)) {
        beginWrite(m_db);
        return;
    }
    // Savepoint names are generated here, never taken from user input.
    m_name = QStringLiteral("sl_sp_%1").arg(++g_savepointCounter);
    execDirect(m_db, QStringLiteral("SAVEPOINT ") + m_name);
}

Savepoint::~Savepoint()
{
    if (m_done)
        return;
    QSqlQuery query(m_db);
    if (m_name.isEmpty()) {
        endWrite(m_db, false);
        return;
    }
    query.exec(QStringLiteral("ROLLBACK TO ") + m_name);
    query.exec(QStringLiteral("RELEASE ") + m_name);
}

void Savepoint::commit()
{
    if (m_name.isEmpty())
        endWrite(m_db, true);
    else
        execDirect(m_db, QStringLiteral("RELEASE ") + m_name);
    m_done = true;
}

}  // namespace sl::store
