#include "core/session/labeling_session.h"

#include "core/common/error.h"
#include "core/store/settings_repository.h"

#include <QTimer>

namespace sl::session {

LabelingSession::LabelingSession(std::unique_ptr<store::Project> project, const QString &annotatorName, QObject *parent)
    : QObject(parent), m_project(std::move(project)), m_history(new EditHistory(*this, this))
{
    if (!annotatorName.trimmed().isEmpty())
        m_annotator = m_project->annotators().ensure(annotatorName, QStringLiteral("human"));
    findReference();
    reloadActiveModel();
}

void LabelingSession::findReference()
{
    m_referenceAnnotatorId = 0;
    m_referenceAnnotatorName.clear();
    const QString referenceName = m_project->settings().value(
        QString::fromLatin1(store::SettingKey::ImportAnnotator), QStringLiteral("dataset"));
    if (const auto reference = m_project->annotators().find(referenceName); reference && reference->id != m_annotator.id) {
        m_referenceAnnotatorId = reference->id;
        m_referenceAnnotatorName = reference->name;
    }
}

void LabelingSession::setAnnotator(const QString &annotatorName)
{
    m_annotator = m_project->annotators().ensure(annotatorName, QStringLiteral("human"));
    findReference();
}

void LabelingSession::reloadActiveModel() { m_activeModelId = m_project->models().activeModelId(); }

LabelingSession::~LabelingSession() = default;

QList<store::ClipOverview> LabelingSession::loadOverview() const
{
    QList<store::ClipOverview> clips = store::loadClipOverview(*m_project, m_annotator.id, m_referenceAnnotatorId, m_activeModelId);
    m_queue.overlay(m_annotator.id, clips);  // queued labels show as typed
    return clips;
}

std::optional<store::Clip> LabelingSession::clip(qint64 clipId) const { return m_project->clips().find(clipId); }

QList<store::TranscriptCueRecord> LabelingSession::cues(qint64 clipId) const { return m_project->clips().cues(clipId); }

std::optional<double> LabelingSession::ownLabel(qint64 clipId, Target target) const
{
    if (const auto queued = m_queue.queuedValue(m_annotator.id, clipId, target))
        return *queued;
    return m_project->labels().value(clipId, m_annotator.id, target);
}

ReferenceLabels LabelingSession::referenceLabels(qint64 clipId, LabelReference reference) const
{
    ReferenceLabels labels = session::referenceLabels(*m_project, clipId, reference, m_annotator.name);
    if (reference == LabelReference::Mine && hasAnnotator()) {
        labels.annotator = m_annotator.name;
        for (const Target target : kAllTargets)
            labels.values[store::targetIndex(target)] = ownLabel(clipId, target);
    }
    return labels;
}

bool LabelingSession::setLabel(qint64 clipId, Target target, std::optional<double> value)
{
    if (!hasAnnotator())
        throw Error(QStringLiteral("%1: labels need an annotator's name; none was given").arg(m_project->folder()));
    const int waiting = m_queue.size();
    if (!m_queue.set(m_annotator.id, clipId, target, value))
        return false;
    emit labelChanged(clipId, target, value);
    if (m_queue.size() != waiting) {
        if (!m_retry) {
            // Retried from the event loop without waiting for the lock: the window never freezes.
            m_retry = new QTimer(this);
            m_retry->setInterval(kRetryIntervalMs);
            connect(m_retry, &QTimer::timeout, this, [this] { flushPending(0); });
        }
        m_retry->start();
        emit pendingChanged(m_queue.size());
    }
    return true;
}

int LabelingSession::flushPending(int waitMs)
{
    if (m_queue.isEmpty())
        return 0;
    if (m_queue.flush(waitMs) > 0)
        emit pendingChanged(m_queue.size());
    if (m_queue.isEmpty() && m_retry)
        m_retry->stop();
    return m_queue.size();
}

namespace {
const QString kBlindKey = QStringLiteral("blind_labelling");
}

bool LabelingSession::isBlind() const { return m_project->settings().value(kBlindKey, QStringLiteral("0")) == QLatin1String("1"); }

void LabelingSession::setBlind(bool blind)
{
    if (blind == isBlind())
        return;
    m_project->settings().setValue(kBlindKey, blind ? QStringLiteral("1") : QStringLiteral("0"));
    emit blindChanged(blind);
}

void LabelingSession::setTranscript(qint64 clipId, const QString &text, const QString &source,
                                    std::optional<double> confidence, bool lowConfidence)
{
    m_project->clips().setTranscript(clipId, text, source);
    if (confidence || lowConfidence)
        m_project->clips().setTranscriptConfidence(clipId, confidence, lowConfidence);
    emit transcriptChanged(clipId, text);
}

}  // namespace sl::session
