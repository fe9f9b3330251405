#pragma once
// The annotator's undo history, kept with the labelling session in core rather than in the
// widgets (as Subtitle Composer keeps undo in its document): the window, a test or a script edits
// through it and gets the same steps. Each edit is one step, whatever it touched: one label, one
// transcript, or one label set on many clips at once (a batch over a selection).
//
// The value an edit replaces is read from the project when the edit is made (through the session:
// the stored label, or a label of this session still waiting for the write lock), never from what
// a view last showed, so a change another program made in between is what the step remembers.
//
// Undo puts back exactly the value the edit replaced, and redo the value the edit wrote, even when
// another program changed that label after the edit: the later change is overwritten, as any new
// edit in this window would overwrite it. Writes go through the session, so a label the project
// cannot take yet (another program holds the write lock) waits in the session's queue, in order,
// and an undo or redo typed meanwhile waits behind it; nothing is lost and the order is kept.
#include "core/common/label_scale.h"
#include "core/store/clip_repository.h"

#include <QList>
#include <QObject>
#include <QString>
#include <optional>

namespace sl::session {

class LabelingSession;

struct LabelEdit {
    qint64 clipId = 0;
    Target target = Target::M;
    std::optional<double> before;  // empty: there was no label
    std::optional<double> after;   // empty: the edit cleared it
};

// A clip's transcript as it was and as it became, with where it came from: undoing an edit of a
// recognised transcript gives back its source and confidence too.
struct TranscriptState {
    QString text;
    QString source;
    std::optional<double> confidence;
    bool lowConfidence = false;
};

struct TranscriptEdit {
    qint64 clipId = 0;
    TranscriptState before;
    TranscriptState after;
};

// One undo step. The words shown for it are made by the window (they are translated there) from
// these facts: the clip names are read from the project when the edit is made.
struct EditStep {
    enum class Kind { Label, Labels, Transcript };
    Kind kind = Kind::Label;
    QString clipName;  // "video/clip" of the (first) clip
    QList<LabelEdit> labels;
    std::optional<TranscriptEdit> transcript;
};

class EditHistory : public QObject {
    Q_OBJECT
public:
    explicit EditHistory(LabelingSession &session, QObject *parent = nullptr);

    // One label of the session's annotator; one step. Returns false (no step) when it already had
    // that value. Throws sl::Error (no annotator, value off the scale, a write refused for good);
    // nothing is changed then.
    bool setLabel(qint64 clipId, Target target, std::optional<double> value);
    // The same label on many clips; one step however many clips changed. Returns how many did
    // (0: no step). Throws sl::Error as setLabel; a failure part way undoes the clips already
    // written, so the batch is all or nothing.
    int setLabels(const QList<qint64> &clipIds, Target target, std::optional<double> value);
    // A transcript edit (source "edited"); one step. Returns false when the text is unchanged.
    bool setTranscript(qint64 clipId, const QString &text);

    int count() const { return int(m_steps.size()); }
    // How many steps are done: undo takes back step index()-1, redo does step index().
    int index() const { return m_index; }
    const EditStep &step(int i) const { return m_steps.at(i); }
    bool canUndo() const { return m_index > 0; }
    bool canRedo() const { return m_index < m_steps.size(); }

    // Throw sl::Error when the project refuses a write; what the step had written by then is put
    // back and the history stays where it was.
    void undo();
    void redo();
    // Undoes or redoes until `index` steps are done (the History list's click).
    void setIndex(int index);
    void clear();

signals:
    void changed();  // a step was added, undone or redone, or the history was cleared

private:
    void push(EditStep step);
    // Writes every change of the step forwards (after) or backwards (before, in reverse order).
    void apply(const EditStep &step, bool forward);
    void writeLabel(const LabelEdit &change, bool forward);
    QString clipName(qint64 clipId) const;

    LabelingSession &m_session;
    QList<EditStep> m_steps;
    int m_index = 0;
};

}  // namespace sl::session
