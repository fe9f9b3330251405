#include "core/session/labeling_session.h"

#include "core/common/error.h"
#include "core/store/settings_repository.h"

namespace sl::session {

LabelingSession::LabelingSession(std::unique_ptr<store::Project> project, const QString &annotatorName, QObject *parent)
    : QObject(parent), m_project(std::move(project))
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
    return store::loadClipOverview(*m_project, m_annotator.id, m_referenceAnnotatorId, m_activeModelId);
}

std::optional<store::Clip> LabelingSession::clip(qint64 clipId) const { return m_project->clips().find(clipId); }

QList<store::TranscriptCueRecord> LabelingSession::cues(qint64 clipId) const { return m_project->clips().cues(clipId); }

std::optional<double> LabelingSession::ownLabel(qint64 clipId, Target target) const
{
    return m_project->labels().value(clipId, m_annotator.id, target);
}

bool LabelingSession::setLabel(qint64 clipId, Target target, std::optional<double> value)
{
    if (!hasAnnotator())
        throw Error(QStringLiteral("%1: labels need an annotator's name; none was given").arg(m_project->folder()));
    if (!m_project->labels().set(clipId, m_annotator.id, target, value))
        return false;
    emit labelChanged(clipId, target, value);
    return true;
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

void LabelingSession::setTranscript(qint64 clipId, const QString &text)
{
    m_project->clips().setTranscript(clipId, text, QStringLiteral("edited"));
    emit transcriptChanged(clipId, text);
}

}  // namespace sl::session
