#include "core/session/clip_timeline.h"

#include "core/store/project.h"

#include <cmath>
#include <limits>

namespace sl::session {

namespace {

struct Loaded {
    store::FeatureSet set;
    store::ClipFeatures features;
};

std::optional<Loaded> newestFor(const store::Project &project, const QString &modality, qint64 clipId)
{
    // The current set first (the one models use), then older ones that may still hold the clip.
    const store::FeatureRepository repository = project.features();
    if (const std::optional<store::FeatureSet> current = repository.currentSet(modality)) {
        if (auto features = repository.load(current->id, clipId))
            return Loaded{*current, std::move(*features)};
    }
    QList<store::FeatureSet> sets = repository.sets();
    for (auto it = sets.crbegin(); it != sets.crend(); ++it) {
        if (it->modality != modality)
            continue;
        if (auto features = repository.load(it->id, clipId))
            return Loaded{*it, std::move(*features)};
    }
    return std::nullopt;
}

// One named column as a curve; `transform` maps a stored value to the shown one (NaN = gap).
template <typename Transform>
void addCurve(ClipTimeline &timeline, const Loaded &loaded, const char *column, const QString &name, bool fromAudio,
              Transform transform)
{
    const int index = int(loaded.set.dimNames.indexOf(QString::fromLatin1(column)));
    if (index < 0)
        return;
    TimelineSeries series{name, fromAudio, {}, {}};
    const store::ClipFeatures &f = loaded.features;
    for (int frame = 0; frame < f.frames; ++frame) {
        series.times << f.times[size_t(frame)];
        series.values << transform(f.data[size_t(frame * f.dims + index)], frame);
    }
    timeline.curves << series;
}

}  // namespace

ClipTimeline loadClipTimeline(const store::Project &project, qint64 clipId)
{
    ClipTimeline timeline;
    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    if (const auto acoustic = newestFor(project, QStringLiteral("A"), clipId)) {
        const int voicing = int(acoustic->set.dimNames.indexOf(QStringLiteral("voicing_prob")));
        const store::ClipFeatures &f = acoustic->features;
        addCurve(timeline, *acoustic, "log_f0", QStringLiteral("pitch (Hz)"), true, [&](float value, int frame) {
            const bool voiced = voicing < 0 || f.data[size_t(frame * f.dims + voicing)] >= 0.5f;
            return voiced && value > 0 ? std::exp(double(value)) : nan;
        });
        addCurve(timeline, *acoustic, "loudness_db", QStringLiteral("loudness (dB)"), true,
                 [](float value, int) { return double(value); });
        // The voice activity network's speech probability (issue 15): where the words are.
        addCurve(timeline, *acoustic, "speech_prob", QStringLiteral("speech"), true, [](float value, int) { return double(value); });
    }
    if (const auto visual = newestFor(project, QStringLiteral("V"), clipId)) {
        addCurve(timeline, *visual, "smile_strength", QStringLiteral("smile"), false, [](float value, int) { return double(value); });
        addCurve(timeline, *visual, "motion_energy", QStringLiteral("motion"), false, [](float value, int) { return double(value); });
        // The expression network's valence (positive minus negative expressions, issue 15); NaN
        // where no face was found, so that a missing face reads as a gap and not as neutral.
        const int facePresent = int(visual->set.dimNames.indexOf(QStringLiteral("face_present")));
        const store::ClipFeatures &vf = visual->features;
        addCurve(timeline, *visual, "expr_valence", QStringLiteral("valence"), false, [&](float value, int frame) {
            const bool face = facePresent < 0 || vf.data[size_t(frame * vf.dims + facePresent)] > 0.5f;
            return face ? double(value) : nan;
        });
        const QStringList names = visual->set.dimNames;
        const int present = int(names.indexOf(QStringLiteral("face_present")));
        const int x = int(names.indexOf(QStringLiteral("face_x"))), y = int(names.indexOf(QStringLiteral("face_y")));
        const int w = int(names.indexOf(QStringLiteral("face_w"))), h = int(names.indexOf(QStringLiteral("face_h")));
        if (present >= 0 && x >= 0 && y >= 0 && w >= 0 && h >= 0) {
            const store::ClipFeatures &f = visual->features;
            for (int frame = 0; frame < f.frames; ++frame) {
                const float *row = f.data.data() + size_t(frame * f.dims);
                timeline.faceTimes << f.times[size_t(frame)];
                timeline.faceBoxes << (row[present] > 0.5f ? QRectF(row[x], row[y], row[w], row[h]) : QRectF());
            }
        }
    }
    return timeline;
}

}  // namespace sl::session
