#pragma once
// Contributions of one clip: per modality the signed Shapley value, the model's own unimodal
// prediction and the human label, side by side; f(none), f(all) and the human M as lines.
#include "ui/plots/plot_data.h"

class QCustomPlot;

namespace sl::plots {

void drawContributions(QCustomPlot *plot, const ContributionData &data, const QString &title);

}  // namespace sl::plots
