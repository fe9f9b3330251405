#pragma once
// Saliency over time: one curve per modality of its integrated-gradient attribution per time
// step, on the clip's time axis in seconds (so the plot lines up under the player's timeline), a
// playhead line, and the transcript's words shaded by their attribution.
#include "ui/plots/plot_data.h"

class QCustomPlot;

namespace sl::plots {

// Attribution per second: each step's value divided by its duration, the time from its start to
// the next step's start (the last step lasts as long as the one before it). A word lasting 0.4 s
// and an audio step of 40 ms with the same attribution then differ tenfold in height, and the
// area under each curve is the modality's total attribution. Empty where the steps' times cannot
// give durations (fewer than two steps, or times not increasing, e.g. unknown and left at 0).
QVector<double> attributionPerSecond(const QVector<double> &seconds, const QVector<double> &values);

// The curves as attribution per second (attributionPerSecond), each step held from its start to
// the next; where some modality's times give no durations, every curve is drawn per step instead
// and the axis says so.
void drawSaliency(QCustomPlot *plot, const SaliencyData &data, const QString &title);
// Moves (or adds) the playhead line of a saliency plot; negative hides it.
void setSaliencyPlayhead(QCustomPlot *plot, double seconds);

// HTML of the words with a background whose strength is |weight| / max |weight| (green pushes the
// prediction up, red down); the weight is in each word's tooltip.
QString weightedWordsHtml(const QStringList &words, const QVector<double> &weights);

}  // namespace sl::plots
