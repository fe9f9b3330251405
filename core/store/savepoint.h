#pragma once
// RAII unit of work. Uses SQLite savepoints, which nest, so a repository call that protects its own
// writes can also run inside a larger import without either knowing about the other.
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
    QString m_name;
    bool m_done = false;
};

}  // namespace sl::store
