#include "ui/present/presentation_clip.h"

#include "core/session/labeling_session.h"

#include <QHash>

namespace sl::present {

namespace {

std::optional<Contributions> unimodalContributions(const store::TargetValues &prediction)
{
    const auto &t = prediction[store::targetIndex(Target::T)];
    const auto &a = prediction[store::targetIndex(Target::A)];
    const auto &v = prediction[store::targetIndex(Target::V)];
    if (!t || !a || !v)
        return std::nullopt;
    Contributions contributions;
    contributions.values = {*t, *a, *v};
    contributions.shapley = false;
    return contributions;
}

}  // namespace

QList<PresentationClip> loadPresentationClips(const session::LabelingSession &session,
                                             const QList<store::ClipOverview> &overview,
                                             const QList<PlaylistEntry> &playlist)
{
    QHash<qint64, const store::ClipOverview *> byId;
    for (const store::ClipOverview &clip : overview)
        byId.insert(clip.id, &clip);
    QList<PresentationClip> clips;
    for (const PlaylistEntry &entry : playlist) {
        const store::ClipOverview *row = byId.value(entry.clipId);
        if (!row)
            continue;
        PresentationClip clip;
        clip.clipId = row->id;
        clip.title = row->videoId + QLatin1Char('/') + row->clipId;
        clip.mediaFile = session.project().absolutePath(row->mediaPath);
        clip.kind = entry.kind;
        const QList<store::TranscriptCueRecord> cues = session.cues(row->id);
        clip.captions = cues.isEmpty() ? evenCaptionLines(row->transcript, row->durationSeconds.value_or(0), kCaptionWords)
                                       : captionLines(cues, kCaptionWords);
        clip.prediction = row->prediction[store::targetIndex(Target::M)];
        clip.outside = row->outside.value_or(QString());
        clip.label = row->reference[store::targetIndex(Target::M)];
        clip.contributions = unimodalContributions(row->prediction);
        clips << clip;
    }
    return clips;
}

}  // namespace sl::present
