#pragma once
// Thin helpers over Qt SQL that turn every failure into an sl::Error naming the database file.
// All statements take user data through bound parameters only.
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>
#include <initializer_list>
#include <optional>

namespace sl::store {

// Prepares `sql` on `db`; throws sl::Error when the statement does not compile.
QSqlQuery prepare(const QSqlDatabase &db, const QString &sql);

// Binds positional values and executes; throws sl::Error with a message a user can act on
// (locked database, read-only file, full disk, constraint failures).
void exec(const QSqlDatabase &db, QSqlQuery &query, std::initializer_list<QVariant> values = {});

// prepare + exec in one call, for statements whose result is read afterwards (or not at all).
QSqlQuery run(const QSqlDatabase &db, const QString &sql, std::initializer_list<QVariant> values = {});

// Executes a statement without preparing it: for transaction control (BEGIN, COMMIT, SAVEPOINT,
// RELEASE) and SET, which PostgreSQL cannot prepare. Takes no parameters, so never user data.
void execDirect(const QSqlDatabase &db, const QString &sql);

// Runs a query that yields one value and returns it (an invalid QVariant when there is no row).
// The statement is finished before returning, so it holds no lock and no open transaction.
QVariant scalar(const QSqlDatabase &db, const QString &sql, std::initializer_list<QVariant> values = {});

// The id of the row an INSERT ... RETURNING id made (both back ends; PostgreSQL's driver has no
// lastInsertId for identity columns). Throws sl::Error when the statement returned no row.
qint64 insertedId(const QSqlDatabase &db, QSqlQuery &query);

// An ORDER BY term that puts targets in M, T, A, V order, in SQL both back ends accept.
inline QString targetOrder(const QString &column)
{
    return QStringLiteral("CASE %1 WHEN 'M' THEN 0 WHEN 'T' THEN 1 WHEN 'A' THEN 2 ELSE 3 END").arg(column);
}

// Turns a driver error into a sentence that names the file and says what to do.
QString describeSqlError(const QSqlDatabase &db, const QString &driverText);

// Qt binds a null QString as SQL NULL; text columns that are NOT NULL want '' instead.
inline QVariant text(const QString &value) { return value.isNull() ? QVariant(QStringLiteral("")) : QVariant(value); }

// NULL for an empty optional, the value otherwise.
template <typename T>
QVariant nullable(const std::optional<T> &value)
{
    return value ? QVariant::fromValue(*value) : QVariant();
}

}  // namespace sl::store
