#pragma once
// The numbers behind the explanation views, read from a project: the active model's explanations
// (core/training/project_explanations.h: computed once per model and clip, stored and reused) plus
// what the views print beside them (whose labels the clips carry, the label scale, every model's
// metrics). ui/plots turns this into plot data; the window never opens the project for it.
// LibTorch headers come first (through project_explanations.h).
#include "core/training/project_explanations.h"
#include "core/training/model_summary.h"

#include "core/common/label_scale.h"

#include <QList>
#include <QString>

namespace sl::explain {

struct ProjectExplanation {
    training::ExplanationSet set;
    // With clips asked for: whose labels the clips carry ("dataset", or "dataset: NAME" for a
    // named import annotator, or the label source's own description).
    QString labelOwner;
    // With no clips asked for (the dataset view): the project's label scale and every model's
    // summary (for the metrics table).
    LabelScale scale;
    QList<training::ModelSummary> models;
};

// Opens the project at `projectPath` for the call, so it runs on any thread: the active model's
// explanations of `clipIds`; or, when empty, of every clip. Throws sl::Error naming the project or
// model and the problem.
ProjectExplanation explainProject(const QString &projectPath, const QList<qint64> &clipIds);

// How the views name the annotator whose labels a LabelSource description stands for:
// "annotator:dataset" -> "dataset", "annotator:NAME" -> "dataset: NAME", anything else unchanged.
QString labelOwner(const QString &labelSourceDescription);

}  // namespace sl::explain
