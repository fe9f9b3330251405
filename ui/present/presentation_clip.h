#pragma once
// Everything the presentation shows for one clip, gathered from the project once per clip so that
// the view never touches the database while it plays. Widget-free.
#include "ui/present/caption_track.h"
#include "ui/present/contribution_animation.h"
#include "ui/present/playlist_choice.h"

#include <QList>
#include <QString>
#include <optional>

namespace sl::session {
class LabelingSession;
}

namespace sl::present {

struct PresentationClip {
    qint64 clipId = 0;  // 0 for a live take that was not kept
    QString title;      // "demo_v003/0002", or "Live take"
    QString mediaFile;  // absolute
    std::optional<PlaylistKind> kind;  // nothing for a live take
    QList<CaptionLine> captions;
    std::optional<double> prediction;        // the active model's multimodal prediction
    QString outside;                         // "A, V": modalities outside the model's training data
    std::optional<double> label;             // the reference M label, when there is one
    std::optional<Contributions> contributions;  // nothing without a model
    std::optional<ModelInsight> insight;         // KAN or causal-mask view, when the model has one
};

// The playlist's clips as the presentation shows them. Captions: the stored cues where there are
// timings, otherwise the transcript spread over the clip's duration. Contributions: the active
// model's unimodal predictions. Throws sl::Error when the project cannot be read.
QList<PresentationClip> loadPresentationClips(const session::LabelingSession &session,
                                             const QList<store::ClipOverview> &overview,
                                             const QList<PlaylistEntry> &playlist);

// Words per caption line: short enough to read from three metres in one glance.
inline constexpr int kCaptionWords = 7;

}  // namespace sl::present
