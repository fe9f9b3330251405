// LibTorch (through project_training.h) before any Qt header.
#include "core/training/project_training.h"

#include "core/training/prediction_spread.h"
#include "core/training/project_data.h"

#include "core/common/error.h"

#include <cmath>

namespace sl::training {

QHash<qint64, double> predictionSpread(const store::Project &project, qint64 modelId, int samples, std::uint64_t seed)
{
    const ProjectFeatures features = projectFeatures(project);
    ml::LoadedModel loaded = loadProjectModel(project, modelId, features.contract);
    const ClipSet all = loadClips(project, features, clipsOfSplit(project, {}), QString(), false);
    torch::manual_seed(seed);
    if (samples < 2)
        throw Error(QStringLiteral("prediction spread needs at least 2 samples (got %1)").arg(samples));
    std::vector<std::vector<double>> draws;
    for (int s = 0; s < samples; ++s)
        draws.push_back(ml::predict(*loaded.model, all.data, ml::BottleneckMode::Sampled).multimodal);
    // Deviations from the first draw: identical draws give exactly zero, not rounding noise.
    QHash<qint64, double> spread;
    for (int i = 0; i < all.clipIds.size(); ++i) {
        double shift = 0, squares = 0;
        for (const std::vector<double> &draw : draws) {
            const double d = draw[size_t(i)] - draws.front()[size_t(i)];
            shift += d;
            squares += d * d;
        }
        const double mean = shift / samples;
        spread.insert(all.clipIds[i], std::sqrt(std::max(0.0, squares / samples - mean * mean)));
    }
    return spread;
}

}  // namespace sl::training
