#include "ui/present/playlist_choice.h"

#include <algorithm>
#include <cmath>

namespace sl::present {

namespace {

std::optional<std::array<double, 3>> valuesOf(const store::TargetValues &values)
{
    const auto &t = values[store::targetIndex(Target::T)];
    const auto &a = values[store::targetIndex(Target::A)];
    const auto &v = values[store::targetIndex(Target::V)];
    if (!t || !a || !v)
        return std::nullopt;
    return std::array<double, 3>{*t, *a, *v};
}

int signOf(double value, double band) { return value >= band ? 1 : value <= -band ? -1 : 0; }

}  // namespace

std::optional<std::array<double, 3>> unimodalValues(const store::ClipOverview &clip)
{
    if (auto labels = valuesOf(clip.reference))
        return labels;
    if (auto labels = valuesOf(clip.own))
        return labels;
    return valuesOf(clip.prediction);
}

std::optional<PlaylistEntry> classifyClip(const store::ClipOverview &clip, double neutralBand)
{
    const auto values = unimodalValues(clip);
    if (!values)
        return std::nullopt;
    const auto [t, a, v] = *values;
    const int st = signOf(t, neutralBand), sa = signOf(a, neutralBand), sv = signOf(v, neutralBand);
    if (st != 0 && st == sa && st == sv)
        return PlaylistEntry{clip.id, PlaylistKind::Agreeing, std::min({std::fabs(t), std::fabs(a), std::fabs(v)})};
    if (st == 0)
        return std::nullopt;
    double opposite = 0;
    if (sa == -st)
        opposite = std::max(opposite, std::fabs(a));
    if (sv == -st)
        opposite = std::max(opposite, std::fabs(v));
    if (opposite == 0)
        return std::nullopt;
    return PlaylistEntry{clip.id, PlaylistKind::Conflicting, std::fabs(t) * opposite};
}

QList<PlaylistEntry> choosePlaylist(const QList<store::ClipOverview> &clips, int perKind, double neutralBand)
{
    QList<PlaylistEntry> agreeing, conflicting;
    for (const store::ClipOverview &clip : clips) {
        if (const auto entry = classifyClip(clip, neutralBand))
            (entry->kind == PlaylistKind::Agreeing ? agreeing : conflicting) << *entry;
    }
    const auto strongestFirst = [](const PlaylistEntry &a, const PlaylistEntry &b) {
        return a.strength != b.strength ? a.strength > b.strength : a.clipId < b.clipId;
    };
    std::sort(agreeing.begin(), agreeing.end(), strongestFirst);
    std::sort(conflicting.begin(), conflicting.end(), strongestFirst);
    QList<PlaylistEntry> playlist;
    for (int i = 0; i < perKind && (i < agreeing.size() || i < conflicting.size()); ++i) {
        if (i < agreeing.size())
            playlist << agreeing[i];
        if (i < conflicting.size())
            playlist << conflicting[i];
    }
    return playlist;
}

double neutralBandFor(double scaleMin, double scaleMax) { return (scaleMax - scaleMin) / 2.0 / 10.0; }

}  // namespace sl::present
