#include "ui/edit_commands.h"

#include "core/common/error.h"
#include "core/session/labeling_session.h"

#include <QCoreApplication>

namespace sl::ui {

namespace {
QString valueText(std::optional<double> value)
{
    return value ? QString::number(*value, 'f', 2) : QCoreApplication::translate("SetLabelCommand", "none");
}

// A refused write makes the command obsolete, so QUndoStack drops it instead of keeping a step
// that never reached the database.
bool guardedWrite(QUndoCommand &command, const WriteErrorHandler &onError, const std::function<void()> &write)
{
    try {
        write();
        return true;
    } catch (const Error &error) {
        command.setObsolete(true);
        if (onError)
            onError(error.message());
        return false;
    }
}
}  // namespace

SetLabelCommand::SetLabelCommand(session::LabelingSession &session, qint64 clipId, const QString &clipName,
                                 Target target, std::optional<double> oldValue, std::optional<double> newValue,
                                 WriteErrorHandler onError)
    : m_session(session), m_clipId(clipId), m_clipName(clipName), m_target(target), m_old(oldValue),
      m_new(newValue), m_onError(std::move(onError))
{
    // No merging with the next press: one keystroke is one undo step (issue 17), so Ctrl+Z takes
    // back exactly the last key, as the History dock lists it.
    setText(QCoreApplication::translate("SetLabelCommand", "%1 of %2: %3 → %4")
                .arg(targetName(m_target), m_clipName, valueText(m_old), valueText(m_new)));
}

bool SetLabelCommand::write(std::optional<double> value)
{
    return guardedWrite(*this, m_onError, [&] { m_session.setLabel(m_clipId, m_target, value); });
}

void SetLabelCommand::redo() { write(m_new); }

void SetLabelCommand::undo() { write(m_old); }

SetTranscriptCommand::SetTranscriptCommand(session::LabelingSession &session, qint64 clipId, const QString &clipName,
                                           QString oldText, QString newText, WriteErrorHandler onError)
    : m_session(session), m_clipId(clipId), m_old(std::move(oldText)), m_new(std::move(newText)),
      m_onError(std::move(onError))
{
    setText(QCoreApplication::translate("SetTranscriptCommand", "Transcript of %1").arg(clipName));
}

bool SetTranscriptCommand::write(const QString &text)
{
    return guardedWrite(*this, m_onError, [&] { m_session.setTranscript(m_clipId, text); });
}

void SetTranscriptCommand::redo() { write(m_new); }

void SetTranscriptCommand::undo() { write(m_old); }

}  // namespace sl::ui
