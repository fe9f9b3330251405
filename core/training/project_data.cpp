#include "core/training/project_data.h"

#include "core/common/error.h"
#include "core/store/project.h"

#include <cmath>

namespace sl::training {

namespace {

constexpr int kAudioPooling = 4;
constexpr std::array<int, ml::kModalityCount> kMaxFrames = {64, 256, 128};  // text tokens, audio, video

const std::array<QString, ml::kModalityCount> kModalityCodes = {QStringLiteral("T"), QStringLiteral("A"), QStringLiteral("V")};

float compress(float x) { return std::copysign(std::log1p(std::fabs(x)), x); }

// (frames x dims) of one clip after pooling, compression and capping.
std::vector<float> prepare(const store::ClipFeatures &f, ml::Modality modality, int &frames)
{
    const int pool = modality == ml::Modality::Audio ? kAudioPooling : 1;
    frames = std::min(kMaxFrames[ml::index(modality)], (f.frames + pool - 1) / pool);
    std::vector<float> out(size_t(frames) * size_t(f.dims), 0.0f);
    for (int frame = 0; frame < frames; ++frame) {
        const int first = frame * pool, last = std::min(f.frames, first + pool);
        for (int d = 0; d < f.dims; ++d) {
            double sum = 0;
            for (int k = first; k < last; ++k)
                sum += f.data[size_t(k) * size_t(f.dims) + size_t(d)];
            const float mean = float(sum / std::max(1, last - first));
            out[size_t(frame) * size_t(f.dims) + size_t(d)] = std::isfinite(mean) ? compress(mean) : 0.0f;
        }
    }
    return out;
}

}  // namespace

std::vector<double> stepSeconds(const store::ClipFeatures &features, ml::Modality modality)
{
    const int pool = modality == ml::Modality::Audio ? kAudioPooling : 1;
    const int steps = std::min(kMaxFrames[ml::index(modality)], (features.frames + pool - 1) / pool);
    std::vector<double> seconds;
    for (int step = 0; step < steps; ++step) {
        const auto frame = size_t(step * pool);
        seconds.push_back(frame < features.times.size() ? double(features.times[frame]) : 0.0);
    }
    return seconds;
}

ProjectFeatures projectFeatures(const store::Project &project)
{
    ProjectFeatures result;
    const store::FeatureRepository repository = project.features();
    for (ml::Modality m : ml::kModalities) {
        const std::optional<store::FeatureSet> set = repository.currentSet(kModalityCodes[ml::index(m)]);
        if (!set)
            continue;
        result.sets[ml::index(m)] = *set;
        result.contract[m] = {set->dims, set->extractor.toStdString(), set->extractorVersion.toStdString()};
    }
    if (!result.sets[0] && !result.sets[1] && !result.sets[2])
        throw Error(QStringLiteral("%1: the project has no features yet; run 'sentilens-cli extract' first")
                        .arg(project.databasePath()));
    return result;
}

QList<qint64> clipsOfSplit(const store::Project &project, const QString &split)
{
    QList<qint64> ids;
    for (const store::Clip &clip : project.clips().list(split))
        ids << clip.id;
    return ids;
}

ClipSet loadClips(const store::Project &project, const ProjectFeatures &features, const QList<qint64> &clipIds,
                  const QString &annotator, bool labelledOnly)
{
    LabelChoice labels;
    labels.source.annotator = annotator;
    return loadClips(project, features, clipIds, labels, labelledOnly);
}

ClipSet loadClips(const store::Project &project, const ProjectFeatures &features, const QList<qint64> &clipIds,
                  const LabelChoice &labelChoice, bool labelledOnly)
{
    const QHash<qint64, store::TargetLabels> labels = store::labelValues(project, labelChoice.source);
    const store::FeatureRepository repository = project.features();

    ClipSet result;
    std::vector<std::array<std::optional<double>, 4>> targets;
    for (qint64 id : clipIds) {
        std::array<std::optional<double>, 4> values;
        const store::TargetLabels clipLabels = labels.value(id);
        for (Target t : kAllTargets)
            if (const auto it = clipLabels.constFind(t); it != clipLabels.cend())
                values[size_t(t)] = *it;
        if (labelledOnly && !values[size_t(Target::M)])
            continue;
        result.clipIds << id;
        targets.push_back(values);
    }
    const auto n = std::int64_t(result.clipIds.size());
    for (ml::Modality m : ml::kModalities) {
        const auto &set = features.sets[ml::index(m)];
        if (!set || n == 0)
            continue;
        std::vector<std::vector<float>> rows(static_cast<size_t>(n));
        std::vector<std::int64_t> lengths(size_t(n), 0);
        int maxFrames = 1;
        for (std::int64_t i = 0; i < n; ++i) {
            if (const auto stored = repository.load(set->id, result.clipIds[int(i)])) {
                int frames = 0;
                rows[size_t(i)] = prepare(*stored, m, frames);
                lengths[size_t(i)] = frames;
                maxFrames = std::max(maxFrames, frames);
            }
        }
        torch::Tensor tensor = torch::zeros({n, maxFrames, set->dims});
        for (std::int64_t i = 0; i < n; ++i)
            if (lengths[size_t(i)] > 0)
                tensor[i].narrow(0, 0, lengths[size_t(i)])
                    .copy_(torch::from_blob(rows[size_t(i)].data(), {lengths[size_t(i)], set->dims}));
        result.data.features[ml::index(m)] = tensor;
        result.data.lengths[ml::index(m)] = torch::tensor(lengths, torch::kInt64);
    }
    // A clip without a unimodal label learns that head from its M label, as the models do when a
    // dataset has no unimodal labels at all (MOSI, MOSEI).
    const auto column = [&](Target t, bool always) {
        std::vector<float> values;
        bool any = false;
        if (t != Target::M && !labelChoice.unimodal[size_t(t) - 1])
            return torch::Tensor();
        for (const auto &row : targets) {
            any = any || row[size_t(t)].has_value();
            values.push_back(float(row[size_t(t)].value_or(row[size_t(Target::M)].value_or(0.0))));
        }
        return (any || always) ? torch::tensor(values) : torch::Tensor();
    };
    result.data.labels = n > 0 ? column(Target::M, true) : torch::zeros({0});
    result.data.unimodalLabels[ml::index(ml::Modality::Text)] = column(Target::T, false);
    result.data.unimodalLabels[ml::index(ml::Modality::Audio)] = column(Target::A, false);
    result.data.unimodalLabels[ml::index(ml::Modality::Visual)] = column(Target::V, false);
    return result;
}

}  // namespace sl::training
