#pragma once
// Export of a project's features, lengths, labels and ids as an MMSA feature pickle in the
// unaligned layout (MMSA's unaligned_50.pkl and MMSA-FET's files), so MMSA and the papers' PyTorch
// code train on features SentiLens extracted or imported. The layout is in core/io/README.md.
#include "core/store/label_source.h"

#include <QString>
#include <QStringList>
#include <functional>

namespace sl::store {
class Project;
}

namespace sl::io {

struct FeatureExportOptions {
    store::LabelSource labels;  // whose labels (default: the import annotator's)
    QString split;              // empty: train, valid and test
    std::function<void(qint64 done, qint64 total)> progress;  // clips written
};

struct FeatureExportReport {
    QString path;
    int clips = 0;
    int clipsWithoutLabel = 0;  // left out: the label source has no M label for them
    QStringList modalities;     // "text", "audio", "vision" that were written
    QStringList unimodalLabels; // "T", "A", "V" written as regression_labels_X (every clip has them)
};

// Writes OUT with pickle protocol 4 (numpy arrays via _reconstruct); nothing is left half-written.
// Throws sl::Error naming the project or the file.
FeatureExportReport exportMmsaFeatures(const store::Project &project, const QString &outPath,
                                       const FeatureExportOptions &options);

}  // namespace sl::io
