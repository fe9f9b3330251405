#pragma once
// A second connection that holds a SQLite project's write lock, for the session tests that type
// while another program writes (the label queue, undo under a lock).
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QtTest>

namespace sl::test {

// A second connection that takes the write lock as `sentilens-cli import` does for its whole run.
class LockHolder {
public:
    explicit LockHolder(const QString &databaseFile)
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), kName);
        db.setDatabaseName(databaseFile);
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("BEGIN EXCLUSIVE")));
        // A write inside, as an import makes: the lock is a writer's, not only a reservation.
        QVERIFY(query.exec(QStringLiteral("INSERT INTO project_settings(key, value) VALUES ('lock_test', '1') "
                                          "ON CONFLICT(key) DO UPDATE SET value = excluded.value")));
    }
    ~LockHolder() { release(); }
    void release()
    {
        if (!QSqlDatabase::contains(kName))
            return;
        {
            QSqlDatabase db = QSqlDatabase::database(kName);
            QSqlQuery(db).exec(QStringLiteral("COMMIT"));
            db.close();
        }
        QSqlDatabase::removeDatabase(kName);
    }

private:
    static inline const QString kName = QStringLiteral("lock-holder");
};

}  // namespace sl::test
