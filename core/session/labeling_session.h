#pragma once
// An annotator working on one project: reads the clip overview and writes labels and transcript
// edits at once (each label change with its history row), announcing every change so that all
// views stay in step. Owns the project connection, so it lives on the GUI thread.
#include "core/store/clip_overview.h"
#include "core/store/project.h"

#include <QObject>
#include <memory>
#include <optional>

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

    std::optional<double> ownLabel(qint64 clipId, Target target) const;

    // Writes the annotator's label now (empty value clears it). Returns false when nothing changed.
    // Throws sl::Error (no annotator named yet, value off the scale, locked or read-only database);
    // nothing is written then.
    bool setLabel(qint64 clipId, Target target, std::optional<double> value);
    void setTranscript(qint64 clipId, const QString &text);

signals:
    void labelChanged(qint64 clipId, sl::Target target, std::optional<double> value);
    void transcriptChanged(qint64 clipId, const QString &text);
    void blindChanged(bool blind);

private:
    void findReference();  // the annotator of the imported labels, unless it is the session's own

    std::unique_ptr<store::Project> m_project;
    store::Annotator m_annotator;
    qint64 m_referenceAnnotatorId = 0;
    QString m_referenceAnnotatorName;
    qint64 m_activeModelId = 0;
};

}  // namespace sl::session
