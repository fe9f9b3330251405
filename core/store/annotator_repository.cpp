#include "core/store/annotator_repository.h"

#include "core/common/error.h"
#include "core/store/savepoint.h"
#include "core/store/sql.h"

#include <QDateTime>

namespace sl::store {

namespace {
Annotator fromRow(const QSqlQuery &query)
{
    return {query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toString()};
}
}  // namespace

Annotator AnnotatorRepository::ensure(const QString &name, const QString &kind)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        throw Error(QStringLiteral("an annotator needs a name"));
    const bool reservedName = trimmed.compare(QLatin1String(kAdjudicatedAnnotator), Qt::CaseInsensitive) == 0;
    const bool adjudicatedKind = kind == QLatin1String(kAdjudicatedKind);
    if (reservedName && !adjudicatedKind)
        throw Error(QStringLiteral("%1: the annotator name '%2' is reserved for the adjudicated labels; choose another "
                                   "name (adjudicated labels are set with 'sentilens-cli adjudicate' or the Agreement "
                                   "dock's Adjudicate tab)").arg(m_db.databaseName(), trimmed));
    if (adjudicatedKind && trimmed != QLatin1String(kAdjudicatedAnnotator))
        throw Error(QStringLiteral("%1: only the annotator '%2' has kind %3, not '%4'")
                        .arg(m_db.databaseName(), QLatin1String(kAdjudicatedAnnotator), kind, trimmed));
    if (auto existing = find(trimmed))
        return *existing;
    if (kind != QLatin1String("human") && kind != QLatin1String("dataset") && kind != QLatin1String("model")
        && !adjudicatedKind)
        throw Error(QStringLiteral("annotator %1: unknown kind '%2'").arg(trimmed, kind));
    // Two annotators' programs may add the same name at once: the second one's insert does
    // nothing and the row the first one made is returned. The write transaction takes the lock up
    // front; SQLite answers an autocommit insert whose snapshot another writer just outdated with
    // "database is locked" at once, without waiting out the busy timeout.
    Savepoint savepoint(m_db);
    run(m_db, QStringLiteral("INSERT INTO annotators(name, kind, created_at) VALUES (?, ?, ?) ON CONFLICT(name) DO NOTHING"),
        {trimmed, kind, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)});
    const auto made = find(trimmed);
    if (!made)
        throw Error(QStringLiteral("%1: annotator %2 could not be added").arg(m_db.databaseName(), trimmed));
    savepoint.commit();
    return *made;
}

std::optional<Annotator> AnnotatorRepository::find(const QString &name) const
{
    QSqlQuery query = run(m_db, QStringLiteral("SELECT id, name, kind FROM annotators WHERE name = ?"),
                          {name.trimmed()});
    if (!query.next())
        return std::nullopt;
    return fromRow(query);
}

std::optional<Annotator> AnnotatorRepository::find(qint64 id) const
{
    QSqlQuery query = run(m_db, QStringLiteral("SELECT id, name, kind FROM annotators WHERE id = ?"), {id});
    if (!query.next())
        return std::nullopt;
    return fromRow(query);
}

QList<Annotator> AnnotatorRepository::list() const
{
    QSqlQuery query = run(m_db, QStringLiteral("SELECT id, name, kind FROM annotators ORDER BY name"));
    QList<Annotator> annotators;
    while (query.next())
        annotators << fromRow(query);
    return annotators;
}

}  // namespace sl::store
