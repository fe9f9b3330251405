#pragma once
// People (and datasets, and models) that give labels. Imported labels belong to an annotator of
// kind "dataset", so a person's corrections never overwrite them.
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <optional>

namespace sl::store {

struct Annotator {
    qint64 id = 0;
    QString name;
    QString kind;  // human, dataset or model
};

class AnnotatorRepository {
public:
    explicit AnnotatorRepository(QSqlDatabase db) : m_db(std::move(db)) {}

    // Returns the annotator with this name, creating it (with `kind`) when it does not exist yet.
    Annotator ensure(const QString &name, const QString &kind = QStringLiteral("human"));
    std::optional<Annotator> find(const QString &name) const;
    std::optional<Annotator> find(qint64 id) const;
    QList<Annotator> list() const;

private:
    QSqlDatabase m_db;
};

}  // namespace sl::store
