#pragma once
// An annotator working on one project: reads the clip overview and writes labels and transcript
// edits at once (each label change with its history row), announcing every change so that all
// views stay in step. Owns the project connection, so it lives on the GUI thread.
#include "core/session/edit_history.h"
#include "core/session/label_write_queue.h"
#include "core/session/reference_labels.h"
#include "core/store/clip_overview.h"
#include "core/store/project.h"

#include <QObject>
#include <memory>
#include <optional>

class QTimer;

namespace sl::session {

class LabelingSession : public QObject {
    Q_OBJECT
public:
    // An empty annotator name opens the project for browsing: everything reads, and labels wait
    // until setAnnotator() names who gives them (the window asks when the first label is set).
    LabelingSession(std::unique_ptr<store::Project> project, const QString &annotatorName, QObject *parent = nullptr);
    ~LabelingSession() override;

    const store::Project &project() const { return *m_project; }
    store::Annotator annotator() const { return m_annotator; }
    bool hasAnnotator() const { return m_annotator.id != 0; }
    // Names the annotator of a session opened for browsing (or another one). Throws sl::Error for an
    // empty name or when the database refuses the write; the session is then unchanged.
    void setAnnotator(const QString &annotatorName);
    // The annotator whose labels are shown for comparison (the one that owns the imported labels).
    qint64 referenceAnnotatorId() const { return m_referenceAnnotatorId; }
    QString referenceAnnotatorName() const { return m_referenceAnnotatorName; }
    qint64 activeModelId() const { return m_activeModelId; }
    // Reads the active model again (after a job trained or activated one).
    void reloadActiveModel();
    LabelScale scale() const { return m_project->labelScale(); }

    // Project setting "blind labelling": while it is on, the views show no other annotator's and no
    // model's labels, so that nobody anchors on them. Stored in the project (every annotator of it
    // works blind), off by default. setBlind throws sl::Error when the database refuses the write.
    bool isBlind() const;
    void setBlind(bool blind);

    QList<store::ClipOverview> loadOverview() const;
    std::optional<store::Clip> clip(qint64 clipId) const;
    QString mediaFile(const store::Clip &clip) const { return m_project->absolutePath(clip.mediaPath); }
    QList<store::TranscriptCueRecord> cues(qint64 clipId) const;

    // The annotator's label as the views show it: a label still waiting to be written counts.
    std::optional<double> ownLabel(qint64 clipId, Target target) const;
    // One clip's labels by the chosen reference (reference_labels.h); "mine" counts labels still
    // waiting to be written, as ownLabel does.
    ReferenceLabels referenceLabels(qint64 clipId, LabelReference reference) const;

    // Writes the annotator's label now (empty value clears it). Returns false when nothing changed.
    // Throws sl::Error (no annotator named yet, value off the scale); nothing is written then.
    // A label that the project cannot take yet (another program, such as a long CLI import, holds
    // the write lock; a full or read-only disk) is queued instead of refused and written in the
    // background as soon as it can, in typing order, each with its history row (issue 18, defect
    // 11): labelChanged is emitted either way and pendingChanged says what still waits.
    bool setLabel(qint64 clipId, Target target, std::optional<double> value);

    // Labels typed but not yet in the project, oldest first.
    int pendingCount() const { return m_queue.size(); }
    bool isPending(qint64 clipId, Target target) const
    {
        return m_queue.queuedValue(m_annotator.id, clipId, target).has_value();
    }
    const QList<PendingLabel> &pendingLabels() const { return m_queue.pending(); }
    // Why they wait: the store's message, naming the project file.
    QString pendingReason() const { return m_queue.reason(); }
    // Writes the queued labels now, waiting up to waitMs for the lock; returns how many still wait.
    // The session also retries by itself, every kRetryIntervalMs without waiting.
    int flushPending(int waitMs);
    static constexpr int kRetryIntervalMs = 1000;
    // Writes a clip's transcript (with where it came from; an undo gives back a recognised one's
    // source and confidence). Throws sl::Error when the project refuses the write.
    void setTranscript(qint64 clipId, const QString &text, const QString &source = QStringLiteral("edited"),
                       std::optional<double> confidence = std::nullopt, bool lowConfidence = false);

    // The annotator's undo history: edits made through it are undoable steps (edit_history.h).
    EditHistory &history() { return *m_history; }

signals:
    void labelChanged(qint64 clipId, sl::Target target, std::optional<double> value);
    void transcriptChanged(qint64 clipId, const QString &text);
    void blindChanged(bool blind);
    // The queue of labels waiting to be written changed (grew, or some were written).
    void pendingChanged(int count);

private:
    void findReference();  // the annotator of the imported labels, unless it is the session's own

    std::unique_ptr<store::Project> m_project;
    store::Annotator m_annotator;
    qint64 m_referenceAnnotatorId = 0;
    QString m_referenceAnnotatorName;
    qint64 m_activeModelId = 0;
    LabelWriteQueue m_queue{*m_project};
    QTimer *m_retry = nullptr;  // made when the first label is queued
    EditHistory *m_history;     // a child of the session
};

}  // namespace sl::session
