#pragma once
// Predictions for many clips, loaded and predicted a chunk of clips at a time. A MOSEI-size
// project (22,856 clips, 4 GB of features) would otherwise hold every clip's tensors at once next
// to the training splits; chunked, the features in memory are one chunk's. LibTorch headers come
// first (through project_data.h).
#include "core/ml/evaluation.h"
#include "core/ml/explain/baseline.h"
#include "core/training/project_data.h"

namespace sl::training {

// The predictions of `model` for `clipIds`, in that order, in the mean bottleneck mode, run in
// batches of `batchSize` as ml::predict runs them. Every chunk is padded to the longest clip of all
// of `clipIds` and holds a whole number of batches (`chunkClips` is rounded up to one), so every
// batch is the very tensor one load of all the clips would give: the numbers are the same to the
// last bit.
ml::Predictions predictInChunks(const store::Project &project, const ProjectFeatures &features,
                                const QList<qint64> &clipIds, ml::SentimentModel &model, int chunkClips = 2048,
                                int batchSize = 128);

// The mean baseline of the explanations (ml::explain::makeBaseline's Mean: every dim averaged over
// the valid steps of `clipIds`, the train split), summed in double a chunk of clips at a time
// instead of over one tensor of the whole split. Throws sl::Error when `clipIds` is empty.
ml::explain::Baseline meanBaselineInChunks(const store::Project &project, const ProjectFeatures &features,
                                           const QList<qint64> &clipIds, const std::array<std::int64_t, ml::kModalityCount> &dims,
                                           int chunkClips = 2048);

}  // namespace sl::training
