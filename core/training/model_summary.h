#pragma once
// What the registry shows about a model, read from its row: metrics per split and target, and its
// lineage (label source and hash, parent model, targets, feature sets). Free of LibTorch so that
// widgets and tests can use it. Models registered before lineage was stored show what their
// training record says.
#include "core/store/model_repository.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace sl::training {

struct MetricValue {
    QString split;   // train, valid, test
    QString target;  // M, T, A, V
    QString metric;  // MMSA name, e.g. MAE, Has0_acc_2
    double value = 0;
};

struct ModelLineage {
    QString labelSource;  // "annotator:NAME", "mean" or "latest"
    QString labelHash;    // of the training labels
    int trainClips = 0;
    int validClips = 0;
    qint64 parentModelId = 0;
    QStringList targets;      // the targets learned from their own labels
    QStringList featureSets;  // "T: text-features 3 (12 dims, set 4)"
};

struct ModelSummary {
    store::ModelRecord record;
    ModelLineage lineage;
    QList<MetricValue> metrics;

    std::optional<double> metric(const QString &split, const QString &target, const QString &name) const;
};

// Malformed JSON reads as empty: a damaged row still lists, without numbers.
ModelSummary summarizeModel(const store::ModelRecord &record);

}  // namespace sl::training
