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

// The time steps loadClips makes of a clip with `frames` stored frames: audio pooled four frames
// to a step, every modality capped at its maximum.
int stepsOf(int frames, ml::Modality modality)
{
    const int pool = modality == ml::Modality::Audio ? kAudioPooling : 1;
    return std::min(kMaxFrames[ml::index(modality)], (frames + pool - 1) / pool);
}

// Writes the first `steps` steps of one clip (frames x dims after pooling, compression and
// capping) to `out`, straight into the batch tensor's memory: a copy per clip would double the
// peak memory of a MOSEI-size load.
void prepareInto(const store::ClipFeatures &f, ml::Modality modality, int steps, float *out)
{
    const int pool = modality == ml::Modality::Audio ? kAudioPooling : 1;
    for (int frame = 0; frame < steps; ++frame) {
        const int first = frame * pool, last = std::min(f.frames, first + pool);
        for (int d = 0; d < f.dims; ++d) {
            double sum = 0;
            for (int k = first; k < last; ++k)
                sum += f.data[size_t(k) * size_t(f.dims) + size_t(d)];
            const float mean = float(sum / std::max(1, last - first));
            out[size_t(frame) * size_t(f.dims) + size_t(d)] = std::isfinite(mean) ? compress(mean) : 0.0f;
        }
    }
}

}  // namespace

std::vector<double> stepSeconds(const store::ClipFeatures &features, ml::Modality modality)
{
    const int pool = modality == ml::Modality::Audio ? kAudioPooling : 1;
    const int steps = stepsOf(features.frames, modality);
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

StepCounts longestSteps(const store::Project &project, const ProjectFeatures &features, const QList<qint64> &clipIds)
{
    StepCounts longest{};
    const store::FeatureRepository repository = project.features();
    for (ml::Modality m : ml::kModalities) {
        const auto &set = features.sets[ml::index(m)];
        if (!set)
            continue;
        const QHash<qint64, int> frames = repository.frameCounts(set->id);
        int &steps = longest[size_t(ml::index(m))];
        for (qint64 id : clipIds)
            steps = std::max(steps, stepsOf(frames.value(id, 0), m));
    }
    return longest;
}

ClipSet loadClips(const store::Project &project, const ProjectFeatures &features, const QList<qint64> &clipIds,
                  const LabelChoice &labelChoice, bool labelledOnly, const StepCounts *padTo)
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
    const StepCounts longest = padTo ? *padTo : longestSteps(project, features, result.clipIds);
    for (ml::Modality m : ml::kModalities) {
        const auto &set = features.sets[ml::index(m)];
        if (!set || n == 0)
            continue;
        const int maxSteps = std::max(1, longest[size_t(ml::index(m))]);
        torch::Tensor tensor = torch::zeros({n, maxSteps, set->dims});
        std::vector<std::int64_t> lengths(size_t(n), 0);
        float *const base = tensor.data_ptr<float>();
        for (std::int64_t i = 0; i < n; ++i) {
            const auto stored = repository.load(set->id, result.clipIds[int(i)]);
            if (!stored || stored->dims != set->dims)
                continue;
            // The stored frames may have grown since they were counted (an extraction running
            // beside a training): such a clip is cut to the tensor's length.
            const int steps = std::min(maxSteps, stepsOf(stored->frames, m));
            prepareInto(*stored, m, steps, base + size_t(i) * size_t(maxSteps) * size_t(set->dims));
            lengths[size_t(i)] = steps;
        }
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
