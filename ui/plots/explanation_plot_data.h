#pragma once
// The core's explanations (core/explain/project_explanation.h, which reads them from the project)
// turned into the plain data the plots draw. The header is free of LibTorch (the .cpp includes it
// first), so widgets can use it.
#include "ui/plots/plot_data.h"

#include <QList>
#include <QString>

namespace sl::training {
struct ClipExplanation;
struct ExplanationSet;
}

namespace sl::plots {

ClipPlots clipPlots(const training::ClipExplanation &clip, const training::ExplanationSet &set);
DatasetPlots datasetPlots(const training::ExplanationSet &set, double labelMin, double labelMax, bool simsClasses);
QList<MaskRow> maskRows(const training::ExplanationSet &set);

// What a background computation hands the views: per clip asked for its plots, and over the
// whole project the dataset views and the mask heat map.
struct ExplanationPlots {
    qint64 modelId = 0;
    QString modelName;
    QList<ClipPlots> clips;
    DatasetPlots dataset;
    QList<MaskRow> maskRows;
    QString error;  // empty on success; names the project and the problem
};

// Runs on any thread (core/explain opens its own connection to the project): the active model's
// explanations of `clipIds` as `clips`; or, when empty, of every clip as `dataset` and `maskRows`
// (the per-clip plots are left out: each carries the KAN's curves, too much for a whole project). Stored
// explanations are reused, new ones stored, so clips asked for after the dataset come quickly.
ExplanationPlots computeExplanationPlots(const QString &projectPath, const QList<qint64> &clipIds);

}  // namespace sl::plots
