#pragma once
// Dataset views over every explained clip: predicted vs true with the identity line, the
// confusion matrix of the label classes (Acc2: negative/non-negative; Acc7: rounded and clipped
// to -3..3; CH-SIMS: the five classes of [-1, 1]), and each modality's distribution of
// contributions (box: quartiles, whiskers: min/max).
#include "ui/plots/plot_data.h"

#include <QPointF>

class QCustomPlot;

namespace sl::plots {

// The class of a sentiment value on the project's scale: 0/1 for Acc2, 0..6 for Acc7 (MOSI) or
// 0..4 for CH-SIMS (MMSA's 5 classes: strongly/weakly negative, neutral, weakly/strongly positive).
int sentimentClass(double value, int classes);
QStringList classNames(int classes);

// The points of one split ("train", "valid", "test"); an empty split keeps every point. The
// dataset's scale, model and metric rows stay as they are.
DatasetPlots ofSplit(const DatasetPlots &data, const QString &split);

// The agreement of predictions with labels over the labelled points given (count 0: none).
// MAE: mean |predicted - true|; Acc2: share of points on the same side of 0 (negative /
// non-negative, as sentimentClass(.., 2)); Corr: Pearson's r (NaN below two points or without
// spread).
struct PointMetrics {
    int count = 0;
    double mae = 0, acc2 = 0, corr = 0;
};
PointMetrics pointMetrics(const DatasetPlots &data);
// "test: 12 clips, MAE 0.512, Acc2 75.0%, Corr 0.61" (the split empty: "all splits: ...").
QString pointMetricsText(const QString &split, const PointMetrics &metrics);

// The labelled points as a scatter (true M on x, predicted on y) with the identity line, one
// series per split in the split's colour (modality_palette.h), named in the legend.
void drawPredictedVsTrue(QCustomPlot *plot, const DatasetPlots &data, const QString &title);
// The clip of the point nearest to `pixel` within 12 pixels in a predicted-vs-true plot, or 0.
qint64 clipAtPixel(QCustomPlot *plot, const DatasetPlots &data, const QPointF &pixel);

// counts[true][predicted] of the labelled points.
QVector<QVector<int>> confusion(const DatasetPlots &data, int classes);
void drawConfusion(QCustomPlot *plot, const DatasetPlots &data, int classes, const QString &title);

void drawContributionDistribution(QCustomPlot *plot, const DatasetPlots &data, const QString &title);

}  // namespace sl::plots
