#pragma once
// Labels the annotator typed that the project could not take yet (issue 18, defect 11): another
// program (a long `sentilens-cli import`) holds the write lock, or the disk is full or read-only.
// Nothing typed is dropped: each change waits here, in typing order, and is written later in that
// order with its own history row, exactly as if it had been written at once. Writes never wait
// long for the lock, so the window stays responsive while another program writes.
#include "core/common/label_scale.h"
#include "core/store/clip_overview.h"
#include "core/store/project.h"

#include <QList>
#include <QString>
#include <optional>

namespace sl::session {

struct PendingLabel {
    qint64 annotatorId = 0;
    qint64 clipId = 0;
    Target target = Target::M;
    std::optional<double> value;  // empty: the label is cleared
};

class LabelWriteQueue {
public:
    // How long a write waits for another program's lock before the label is queued instead. Short,
    // because it blocks the window: an extraction job's commits take milliseconds, an import minutes.
    static constexpr int kTypingWaitMs = 250;

    explicit LabelWriteQueue(const store::Project &project) : m_project(project) {}

    // Writes the change now, or queues it behind earlier queued ones (they keep their order).
    // Returns false when the label already had that value (nothing written or queued). Throws
    // sl::Error for a change that can never be written (a value off the scale): nothing is queued.
    bool set(qint64 annotatorId, qint64 clipId, Target target, std::optional<double> value);

    // Writes queued labels in order, waiting at most waitMs for the lock at each; stops at the first
    // that still cannot be written. Returns how many were written.
    int flush(int waitMs);

    bool isEmpty() const { return m_pending.isEmpty(); }
    int size() const { return int(m_pending.size()); }
    const QList<PendingLabel> &pending() const { return m_pending; }
    // The newest queued value of a label, when one is queued.
    std::optional<std::optional<double>> queuedValue(qint64 annotatorId, qint64 clipId, Target target) const;
    // The clips' own labels of `annotatorId` with the queued values put in, as the views show them.
    void overlay(qint64 annotatorId, QList<store::ClipOverview> &clips) const;
    // Why the oldest queued label is waiting (the store's message naming the project file).
    QString reason() const { return m_reason; }

private:
    // Tries one write with the connection's busy timeout set to waitMs; false when the store
    // refused it for a reason that may pass (locked, full, read-only: store::WriteError).
    bool tryWrite(const PendingLabel &label, int waitMs);

    const store::Project &m_project;
    QList<PendingLabel> m_pending;
    QString m_reason;
};

}  // namespace sl::session
