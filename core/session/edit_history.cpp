#include "core/session/edit_history.h"

#include "core/common/error.h"
#include "core/session/labeling_session.h"

#include <algorithm>

namespace sl::session {

namespace {

TranscriptState transcriptOf(const store::Clip &clip)
{
    return {clip.transcript, clip.transcriptSource, clip.transcriptConfidence, clip.lowConfidence};
}

}  // namespace

EditHistory::EditHistory(LabelingSession &session, QObject *parent) : QObject(parent), m_session(session) {}

QString EditHistory::clipName(qint64 clipId) const
{
    const auto clip = m_session.clip(clipId);
    return clip ? clip->videoId + QLatin1Char('/') + clip->clipId : QString::number(clipId);
}

void EditHistory::writeLabel(const LabelEdit &change, bool forward)
{
    m_session.setLabel(change.clipId, change.target, forward ? change.after : change.before);
}

void EditHistory::apply(const EditStep &step, bool forward)
{
    // Undo writes in reverse order, so a step that touched one label twice ends on its first value.
    QList<LabelEdit> order = step.labels;
    if (!forward)
        std::reverse(order.begin(), order.end());
    qsizetype written = 0;
    try {
        for (; written < order.size(); ++written)
            writeLabel(order[written], forward);
        if (step.transcript) {
            const TranscriptState &state = forward ? step.transcript->after : step.transcript->before;
            m_session.setTranscript(step.transcript->clipId, state.text, state.source, state.confidence, state.lowConfidence);
        }
    } catch (const Error &) {
        // All or nothing: the labels this attempt wrote go back to what they were before it.
        for (qsizetype i = written - 1; i >= 0; --i) {
            try {
                writeLabel(order[i], !forward);
            } catch (const Error &) {
                // Only a value off the scale throws here, and these were on it a moment ago; a
                // locked project does not throw (the session queues the write).
            }
        }
        throw;
    }
}

void EditHistory::push(EditStep step)
{
    // A new edit after some undos drops the steps that were undone, as every editor does.
    m_steps.resize(m_index);
    m_steps << std::move(step);
    m_index = int(m_steps.size());
    emit changed();
}

bool EditHistory::setLabel(qint64 clipId, Target target, std::optional<double> value)
{
    return setLabels({clipId}, target, value) > 0;
}

int EditHistory::setLabels(const QList<qint64> &clipIds, Target target, std::optional<double> value)
{
    EditStep step;
    step.kind = clipIds.size() == 1 ? EditStep::Kind::Label : EditStep::Kind::Labels;
    for (const qint64 clipId : clipIds) {
        // From the store (or this session's queue), not from a view: see the header.
        const std::optional<double> before = m_session.ownLabel(clipId, target);
        if (before != value)
            step.labels << LabelEdit{clipId, target, before, value};
    }
    if (step.labels.isEmpty())
        return 0;
    step.clipName = clipName(step.labels.first().clipId);
    apply(step, true);
    const int changed = int(step.labels.size());
    push(std::move(step));
    return changed;
}

bool EditHistory::setTranscript(qint64 clipId, const QString &text)
{
    const auto clip = m_session.clip(clipId);
    if (!clip)
        throw Error(QStringLiteral("%1: no clip with id %2").arg(m_session.project().databasePath()).arg(clipId));
    if (clip->transcript == text)
        return false;
    EditStep step;
    step.kind = EditStep::Kind::Transcript;
    step.clipName = clip->videoId + QLatin1Char('/') + clip->clipId;
    step.transcript = TranscriptEdit{clipId, transcriptOf(*clip), TranscriptState{text, QStringLiteral("edited"), {}, false}};
    apply(step, true);
    push(std::move(step));
    return true;
}

void EditHistory::undo()
{
    if (!canUndo())
        return;
    apply(m_steps[m_index - 1], false);
    --m_index;
    emit changed();
}

void EditHistory::redo()
{
    if (!canRedo())
        return;
    apply(m_steps[m_index], true);
    ++m_index;
    emit changed();
}

void EditHistory::setIndex(int index)
{
    index = std::clamp(index, 0, count());
    while (m_index > index)
        undo();
    while (m_index < index)
        redo();
}

void EditHistory::clear()
{
    if (m_steps.isEmpty())
        return;
    m_steps.clear();
    m_index = 0;
    emit changed();
}

}  // namespace sl::session
