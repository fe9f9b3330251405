#include "core/store/settings_repository.h"

#include "core/store/sql.h"

namespace sl::store {

std::optional<QString> SettingsRepository::value(const QString &key) const
{
    QSqlQuery query = run(m_db, QStringLiteral("SELECT value FROM project_settings WHERE key = ?"), {key});
    if (!query.next())
        return std::nullopt;
    return query.value(0).toString();
}

QString SettingsRepository::value(const QString &key, const QString &fallback) const
{
    return value(key).value_or(fallback);
}

void SettingsRepository::setValue(const QString &key, const QString &value)
{
    run(m_db, QStringLiteral("INSERT INTO project_settings(key, value) VALUES (?, ?) "
                             "ON CONFLICT(key) DO UPDATE SET value = excluded.value"),
        {key, text(value)});
}

}  // namespace sl::store
