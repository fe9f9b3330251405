#pragma once
// A project's cached features and labels as the tensors the models read. LibTorch comes first:
// Qt's keywords would break its headers.
#include "core/ml/dataset.h"
#include "core/ml/feature_contract.h"

#include "core/store/feature_repository.h"
#include "core/store/label_source.h"

#include <QList>
#include <QString>
#include <array>
#include <optional>

namespace sl::store {
class Project;
}

namespace sl::training {

struct ProjectFeatures {
    std::array<std::optional<store::FeatureSet>, ml::kModalityCount> sets;  // current per modality
    ml::FeatureContract contract;
};

// The current feature set of each modality (the latest extraction's); throws sl::Error when the project has none at all.
ProjectFeatures projectFeatures(const store::Project &project);

struct ClipSet {
    QList<qint64> clipIds;
    ml::Dataset data;
};

// Features of `clipIds` (missing ones as zero-length), with the labels of `annotator` (empty: the
// annotator of the dataset import); with `labelledOnly`, clips without an M label are left out.
// Values are compressed with sign(x)·log(1 + |x|), so that Hz and dB and 0..1 scores live on
// comparable scales without statistics that a model file would have to carry; audio frames are
// averaged four at a time (40 ms) to keep sequences short.
ClipSet loadClips(const store::Project &project, const ProjectFeatures &features, const QList<qint64> &clipIds,
                  const QString &annotator, bool labelledOnly);

// Which labels a model learns from: their source, and which unimodal targets (T, A, V) it uses;
// a head whose target is not used learns from M, as on a dataset without unimodal labels.
struct LabelChoice {
    store::LabelSource source;
    std::array<bool, ml::kModalityCount> unimodal{true, true, true};
};

// Time steps per modality (text, audio, visual) of a loaded tensor.
using StepCounts = std::array<int, ml::kModalityCount>;

// With `padTo`, every modality's tensor has exactly those time steps (at least 1; longer clips are
// cut), so that clips loaded in several chunks see the same padded tensor as in one load; without
// it, as many as the longest of `clipIds` needs.
ClipSet loadClips(const store::Project &project, const ProjectFeatures &features, const QList<qint64> &clipIds,
                  const LabelChoice &labels, bool labelledOnly, const StepCounts *padTo = nullptr);

// The time steps of the longest of `clipIds` per modality after loadClips' pooling and capping,
// from the stored frame counts, without reading any feature data (0 where a modality has none).
StepCounts longestSteps(const store::Project &project, const ProjectFeatures &features, const QList<qint64> &clipIds);

// The clip time (seconds) at which each time step of loadClips' tensors for this clip starts: the
// time of its first frame (audio steps average four frames; long clips are cut as loadClips cuts).
std::vector<double> stepSeconds(const store::ClipFeatures &features, ml::Modality modality);

// The clip ids of one split ("train", "valid", "test"), or of all clips when split is empty.
QList<qint64> clipsOfSplit(const store::Project &project, const QString &split);

}  // namespace sl::training
