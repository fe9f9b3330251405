#include "core/store/sql.h"

#include "core/common/error.h"

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
        return QStringLiteral("%1: the disk is full or failing (%2); nothing was changed").arg(file, driverText);
    return QStringLiteral("%1: database error: %2").arg(file, driverText);
}

QSqlQuery prepare(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    if (!query.prepare(sql))
        throw Error(describeSqlError(db, query.lastError().text()));
    return query;
}

void exec(const QSqlDatabase &db, QSqlQuery &query, std::initializer_list<QVariant> values)
{
    int index = 0;
    for (const QVariant &value : values)
        query.bindValue(index++, value);
    if (!query.exec())
        throw Error(describeSqlError(db, query.lastError().text()));
}

QSqlQuery run(const QSqlDatabase &db, const QString &sql, std::initializer_list<QVariant> values)
{
    QSqlQuery query = prepare(db, sql);
    exec(db, query, values);
    return query;
}

QVariant scalar(const QSqlDatabase &db, const QString &sql, std::initializer_list<QVariant> values)
{
    QSqlQuery query = run(db, sql, values);
    QVariant value = query.next() ? query.value(0) : QVariant();
    query.finish();
    return value;
}

}  // namespace sl::store
