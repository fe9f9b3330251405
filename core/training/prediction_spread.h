#pragma once
// How unsure a model is about each clip: the standard deviation of its multimodal prediction over
// repeated draws from its bottlenecks (BottleneckMode::Sampled). Behind a header free of LibTorch
// so that widgets can start it on a worker thread.
#include <QHash>
#include <QString>
#include <cstdint>

namespace sl::store {
class Project;
}

namespace sl::training {

// Per clip with features; all zero for models without a stochastic bottleneck (late-fusion).
// Seeded, so the same model gives the same spreads. Throws sl::Error when the model is missing or
// does not fit the project's features.
QHash<qint64, double> predictionSpread(const store::Project &project, qint64 modelId, int samples = 16,
                                       std::uint64_t seed = 1111);

}  // namespace sl::training
