#pragma once
// Saliency over time: one curve per modality of its integrated-gradient attribution per time
// step, on the clip's time axis in seconds (so the plot lines up under the player's timeline), a
// playhead line, and the transcript's words shaded by their attribution.
#include "ui/plots/plot_data.h"

class QCustomPlot;

namespace sl::plots {

void drawSaliency(QCustomPlot *plot, const SaliencyData &data, const QString &title);
// Moves (or adds) the playhead line of a saliency plot; negative hides it.
void setSaliencyPlayhead(QCustomPlot *plot, double seconds);

// HTML of the words with a background whose strength is |weight| / max |weight| (green pushes the
// prediction up, red down); the weight is in each word's tooltip.
QString weightedWordsHtml(const QStringList &words, const QVector<double> &weights);

}  // namespace sl::plots
