#include "core/store/sql.h"

#include "core/common/error.h"
#include "core/store/write_error.h"

#include <QSqlError>

namespace sl::store {

QString describeSqlError(const QSqlDatabase &db, const QString &driverText)
{
    const QString file = db.databaseName();
    const QString lower = driverText.toLower();
    if (lower.contains(QLatin1String("database is locked")) || lower.contains(QLatin1String("database is busy")))
        return QStringLiteral("%1: the project is locked by another program (%2); close the other program and try again")
            .arg(file, driverText);
    if (lower.contains(QLatin1String("readonly")) || lower.contains(QLatin1String("read-only")))
        return QStringLiteral("%1: the project file is read-only (%2); nothing was changed")
            .arg(file, driverText);
    if (lower.contains(QLatin1String("disk is full")) || lower.contains(QLatin1String("disk i/o")))
        return QStringLiteral("%1: the disk is full or failing (%2); the change being written was not saved").arg(file, driverText);
    return QStringLiteral("%1: database error: %2").arg(file, driverText);
}

namespace {

// A locked, read-only, full or failing database is a project that cannot be written (exit code 3
// on the command line); anything else the driver says is a problem of the statement or data.
[[noreturn]] void throwSqlError(const QSqlDatabase &db, const QString &driverText)
{
    const QString lower = driverText.toLower();
    const QString message = describeSqlError(db, driverText);
    for (const char *cause : {"database is locked", "database is busy", "readonly", "read-only", "disk is full", "disk i/o"})
        if (lower.contains(QLatin1String(cause)))
            throw WriteError(message);
    throw Error(message);
}

}  // namespace

QSqlQuery prepare(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    if (!query.prepare(sql))
        throwSqlError(db, query.lastError().text());
    return query;
}

void exec(const QSqlDatabase &db, QSqlQuery &query, std::initializer_list<QVariant> values)
{
    int index = 0;
    for (const QVariant &value : values)
        query.bindValue(index++, value);
    if (!query.exec())
        throwSqlError(db, query.lastError().text());
}

QSqlQuery run(const QSqlDatabase &db, const QString &sql, std::initializer_list<QVariant> values)
{
    QSqlQuery query = prepare(db, sql);
    exec(db, query, values);
    return query;
}

void execDirect(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql))
        throwSqlError(db, query.lastError().text());
}

qint64 insertedId(const QSqlDatabase &db, QSqlQuery &query)
{
    if (!query.next())
        throw Error(QStringLiteral("%1: database error: the new row's id was not returned").arg(db.databaseName()));
    const qint64 id = query.value(0).toLongLong();
    query.finish();
    return id;
}

QVariant scalar(const QSqlDatabase &db, const QString &sql, std::initializer_list<QVariant> values)
{
    QSqlQuery query = run(db, sql, values);
    QVariant value = query.next() ? query.value(0) : QVariant();
    query.finish();
    return value;
}

}  // namespace sl::store
