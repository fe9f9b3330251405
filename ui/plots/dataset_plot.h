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

// The labelled points as a scatter (true M on x, predicted on y) with the identity line.
void drawPredictedVsTrue(QCustomPlot *plot, const DatasetPlots &data, const QString &title);
// The clip of the point nearest to `pixel` within 12 pixels in a predicted-vs-true plot, or 0.
qint64 clipAtPixel(QCustomPlot *plot, const DatasetPlots &data, const QPointF &pixel);

// counts[true][predicted] of the labelled points.
QVector<QVector<int>> confusion(const DatasetPlots &data, int classes);
void drawConfusion(QCustomPlot *plot, const DatasetPlots &data, int classes, const QString &title);

void drawContributionDistribution(QCustomPlot *plot, const DatasetPlots &data, const QString &title);

}  // namespace sl::plots
