#pragma once
// People (and datasets, and models) that give labels. Imported labels belong to an annotator of
// kind "dataset", so a person's corrections never overwrite them. One reserved annotator,
// "adjudicated" of kind "adjudicated", holds the labels a reviewer set to settle disagreements
// (core/agreement/adjudication.h); no person, dataset or model may label under that name.
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <optional>

namespace sl::store {

// The reserved annotator's name and its kind (the kind has no other member).
inline constexpr const char *kAdjudicatedAnnotator = "adjudicated";
inline constexpr const char *kAdjudicatedKind = "adjudicated";

struct Annotator {
    qint64 id = 0;
    QString name;
    QString kind;  // human, dataset, model or adjudicated
};

class AnnotatorRepository {
public:
    explicit AnnotatorRepository(QSqlDatabase db) : m_db(std::move(db)) {}

    // Returns the annotator with this name, creating it (with `kind`) when it does not exist yet.
    // Throws sl::Error for an unknown kind, and for the reserved name (in any letter case) with
    // any kind but "adjudicated" or that kind with another name, so that nobody labels as the
    // adjudicator by choosing its name.
    Annotator ensure(const QString &name, const QString &kind = QStringLiteral("human"));
    std::optional<Annotator> find(const QString &name) const;
    std::optional<Annotator> find(qint64 id) const;
    QList<Annotator> list() const;

private:
    QSqlDatabase m_db;
};

}  // namespace sl::store
