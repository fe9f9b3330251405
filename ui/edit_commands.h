#pragma once
// Undoable edits. Each command writes to the database when it is done, undone or redone, so the
// database always holds what the window shows and nothing typed is lost on a crash.
#include "core/common/label_scale.h"

#include <QString>
#include <QUndoCommand>
#include <functional>
#include <optional>

namespace sl::session {
class LabelingSession;
}

namespace sl::ui {

// Called when the database refuses a write (locked, read-only, full disk).
using WriteErrorHandler = std::function<void(const QString &message)>;

class SetLabelCommand : public QUndoCommand {
public:
    SetLabelCommand(session::LabelingSession &session, qint64 clipId, const QString &clipName, Target target,
                    std::optional<double> oldValue, std::optional<double> newValue, WriteErrorHandler onError);

    void redo() override;
    void undo() override;

private:
    bool write(std::optional<double> value);

    session::LabelingSession &m_session;
    qint64 m_clipId;
    QString m_clipName;
    Target m_target;
    std::optional<double> m_old;
    std::optional<double> m_new;
    WriteErrorHandler m_onError;
};

class SetTranscriptCommand : public QUndoCommand {
public:
    SetTranscriptCommand(session::LabelingSession &session, qint64 clipId, const QString &clipName, QString oldText,
                         QString newText, WriteErrorHandler onError);
    void redo() override;
    void undo() override;

private:
    bool write(const QString &text);

    session::LabelingSession &m_session;
    qint64 m_clipId;
    QString m_old;
    QString m_new;
    WriteErrorHandler m_onError;
};

}  // namespace sl::ui
