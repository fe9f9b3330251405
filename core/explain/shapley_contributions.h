#pragma once
// Exact Shapley values of the three modalities for the clips a presentation shows, from the
// project's explanations (core/training/project_explanations.h: computed once per model and clip,
// stored in the project and reused). The presentation's bars show these when they can be had, and the model's
// unimodal predictions until then. The header is free of LibTorch.
#include "core/explain/modality_contributions.h"

#include <QHash>
#include <QList>
#include <QString>

namespace sl::explain {

struct ShapleyContributions {
    QHash<qint64, Contributions> byClip;
    QHash<qint64, ModelInsight> insights;  // clips of models with a KAN or a causal mask
    QString modelName;  // the active model's, shown on screen
    QString error;  // empty on success; names the project or model and the problem
};

// Runs on any thread (opens its own connection); the active model's values.
ShapleyContributions shapleyContributions(const QString &projectPath, const QList<qint64> &clipIds);

}  // namespace sl::explain
