#pragma once
// Key/value settings of a project (name, label scale, import details).
#include <QSqlDatabase>
#include <QString>
#include <optional>

namespace sl::store {

namespace SettingKey {
inline constexpr auto Name = "name";
inline constexpr auto LabelScale = "label_scale";
inline constexpr auto CreatedAt = "created_at";
inline constexpr auto CreatedWith = "created_with";
inline constexpr auto LabelCsvHeader = "label_csv_header";  // JSON array of the imported label.csv columns
inline constexpr auto ImportAnnotator = "import_annotator";  // who owns the labels of the first import
inline constexpr auto Language = "language";  // the project's default language (ISO 639 code); absent: unknown
}  // namespace SettingKey

class SettingsRepository {
public:
    explicit SettingsRepository(QSqlDatabase db) : m_db(std::move(db)) {}

    std::optional<QString> value(const QString &key) const;
    QString value(const QString &key, const QString &fallback) const;
    void setValue(const QString &key, const QString &value);

private:
    QSqlDatabase m_db;
};

}  // namespace sl::store
