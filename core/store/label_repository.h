#pragma once
// Labels (clip x annotator x target -> value) and their append-only change history. Every write
// checks the project's label scale and records who changed what, when, from which value.
#include "core/common/label_scale.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <optional>

namespace sl::store {

struct Label {
    qint64 clipId = 0;
    qint64 annotatorId = 0;
    Target target = Target::M;
    double value = 0;
    QDateTime updatedAt;
};

struct LabelChange {
    qint64 id = 0;
    qint64 clipId = 0;
    qint64 annotatorId = 0;
    Target target = Target::M;
    std::optional<double> oldValue;  // empty: the label did not exist before
    std::optional<double> newValue;  // empty: the label was cleared
    QDateTime changedAt;
    QString note;
};

class LabelRepository {
public:
    LabelRepository(QSqlDatabase db, LabelScale scale) : m_db(std::move(db)), m_scale(scale) {}

    // Sets (or, with an empty value, clears) one label and appends the change to the history, in
    // one transaction. Returns false when the value was already that (nothing is written).
    // Throws sl::Error for a value outside the project's scale.
    bool set(qint64 clipId, qint64 annotatorId, Target target, std::optional<double> value,
             const QString &note = {});

    // Throws sl::Error, as set() does, when `value` is off the project's scale (callers that queue
    // a label for later refuse such a value at once).
    void checkValue(qint64 clipId, Target target, std::optional<double> value) const;

    std::optional<double> value(qint64 clipId, qint64 annotatorId, Target target) const;
    QList<Label> forClip(qint64 clipId) const;
    QList<Label> forAnnotator(qint64 annotatorId) const;
    QList<Label> all() const;
    // Oldest first. All clips when clipId is 0.
    QList<LabelChange> history(qint64 clipId = 0) const;

private:
    QSqlDatabase m_db;
    LabelScale m_scale;
};

}  // namespace sl::store
