#pragma once
// A project's cached features and labels as the tensors the models read. LibTorch comes first:
// Qt's keywords would break its headers.
#include "core/ml/dataset.h"
#include "core/ml/feature_contract.h"

#include "core/store/feature_repository.h"

#include <QList>
#include <QString>
#include <array>
#include <optional>

namespace sl::store {
class Project;
}

namespace sl::training {

struct ProjectFeatures {
    std::array<std::optional<store::FeatureSet>, ml::kModalityCount> sets;  // newest per modality
    ml::FeatureContract contract;
};

// The newest feature set of each modality; throws sl::Error when the project has none at all.
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

// The clip ids of one split ("train", "valid", "test"), or of all clips when split is empty.
QList<qint64> clipsOfSplit(const store::Project &project, const QString &split);

}  // namespace sl::training
