#pragma once
// Which clips a booth demo shows: the most telling ones of a project. Two kinds tell the story of
// a multimodal model: clips where words, voice and face agree (the easy case), and clips where the
// words pull one way and the voice or the face the other (where a text-only model goes wrong).
// Widget-free, so that the choice is tested on plain clip rows.
#include "core/store/clip_overview.h"

#include <QList>
#include <QString>

namespace sl::present {

enum class PlaylistKind { Agreeing, Conflicting };

struct PlaylistEntry {
    qint64 clipId = 0;
    PlaylistKind kind = PlaylistKind::Agreeing;
    // How clearly the clip shows its kind: for agreeing clips the weakest of the three unimodal
    // values (all must point the same way), for conflicting ones the text's strength times the
    // strongest opposite pull of voice or face.
    double strength = 0;
};

// The unimodal values a clip is judged by: the reference labels (T, A, V) where the clip has all
// three, otherwise the active model's unimodal predictions; nothing when neither is complete.
std::optional<std::array<double, 3>> unimodalValues(const store::ClipOverview &clip);

// Classifies one clip; nothing when it is neither clearly agreeing nor clearly conflicting (a
// modality near zero says nothing either way).
std::optional<PlaylistEntry> classifyClip(const store::ClipOverview &clip, double neutralBand);

// Up to `perKind` of each kind, strongest first, interleaved (agreeing, conflicting, ...) so that
// a visitor sees the contrast within two clips. `neutralBand` is the |value| below which a
// modality counts as neutral (0.3 on the -3..3 scale, 0.1 on -1..1).
QList<PlaylistEntry> choosePlaylist(const QList<store::ClipOverview> &clips, int perKind, double neutralBand);

// The band for a label scale: a tenth of its half-range.
double neutralBandFor(double scaleMin, double scaleMax);

}  // namespace sl::present
