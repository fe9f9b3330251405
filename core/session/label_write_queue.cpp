#include "core/session/label_write_queue.h"

#include "core/common/error.h"
#include "core/store/sql.h"
#include "core/store/write_error.h"

#include <QHash>

namespace sl::session {

namespace {

// SQLite's busy timeout of one connection for one scope, put back afterwards, so that only label
// writes from the window give up early; the session's other writes keep the project's timeout.
class BusyTimeoutScope {
public:
    BusyTimeoutScope(const QSqlDatabase &db, int ms) : m_db(db)
    {
        m_previous = store::scalar(m_db, QStringLiteral("PRAGMA busy_timeout")).toInt();
        store::scalar(m_db, QStringLiteral("PRAGMA busy_timeout = %1").arg(ms));
    }
    ~BusyTimeoutScope()
    {
        try {
            store::scalar(m_db, QStringLiteral("PRAGMA busy_timeout = %1").arg(m_previous));
        } catch (const Error &) {
            // A pragma that only sets a number on the connection does not fail in practice; if it
            // did, the shorter timeout is harmless (the next write is queued, not lost).
        }
    }
    BusyTimeoutScope(const BusyTimeoutScope &) = delete;
    BusyTimeoutScope &operator=(const BusyTimeoutScope &) = delete;

private:
    QSqlDatabase m_db;
    int m_previous = 0;
};

}  // namespace

std::optional<std::optional<double>> LabelWriteQueue::queuedValue(qint64 annotatorId, qint64 clipId, Target target) const
{
    for (auto it = m_pending.crbegin(); it != m_pending.crend(); ++it)
        if (it->annotatorId == annotatorId && it->clipId == clipId && it->target == target)
            return it->value;
    return std::nullopt;
}

void LabelWriteQueue::overlay(qint64 annotatorId, QList<store::ClipOverview> &clips) const
{
    if (m_pending.isEmpty())
        return;
    QHash<qint64, qsizetype> rowOf;
    for (qsizetype row = 0; row < clips.size(); ++row)
        rowOf.insert(clips[row].id, row);
    for (const PendingLabel &label : m_pending)  // oldest first, so the newest value stays
        if (const auto row = rowOf.constFind(label.clipId); label.annotatorId == annotatorId && row != rowOf.constEnd())
            clips[*row].own[store::targetIndex(label.target)] = label.value;
}

bool LabelWriteQueue::tryWrite(const PendingLabel &label, int waitMs)
{
    try {
        const BusyTimeoutScope timeout(m_project.db(), waitMs);
        m_project.labels().set(label.clipId, label.annotatorId, label.target, label.value);
        return true;
    } catch (const store::WriteError &error) {
        m_reason = error.message();
        return false;
    }
}

bool LabelWriteQueue::set(qint64 annotatorId, qint64 clipId, Target target, std::optional<double> value)
{
    // The value the annotator sees now: the newest queued one, else the stored one.
    const auto queued = queuedValue(annotatorId, clipId, target);
    const std::optional<double> current = queued ? *queued : m_project.labels().value(clipId, annotatorId, target);
    if (current == value)
        return false;
    // Refused at once, not queued: a value off the scale would never be written.
    m_project.labels().checkValue(clipId, target, value);
    const PendingLabel label{annotatorId, clipId, target, value};
    // Behind queued labels a new one waits its turn: written first it would be overwritten later.
    if (!m_pending.isEmpty() || !tryWrite(label, kTypingWaitMs))
        m_pending << label;
    return true;
}

int LabelWriteQueue::flush(int waitMs)
{
    int written = 0;
    while (!m_pending.isEmpty()) {
        if (!tryWrite(m_pending.first(), waitMs))
            break;
        m_pending.removeFirst();
        ++written;
    }
    if (m_pending.isEmpty())
        m_reason.clear();
    return written;
}

}  // namespace sl::session
