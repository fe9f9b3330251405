#pragma once
// KAN function shapes: every edge as a small multiple (input named by modality -> output), shaded
// by its importance, the dataset's operating points as faint marks and the clip's as a red dot;
// and one edge enlarged with its base and spline parts.
#include "ui/plots/plot_data.h"

#include <QSize>

class QCustomPlot;
class QCPAxisRect;
class QCPItemLine;

namespace sl::plots {

// The modality of a KAN input named "T.z1", "A.z2", "V.z3" (0, 1, 2: the core names KAN-MCP's
// inputs so); -1 for any other name.
int kanInputModality(const QString &inputName);

// How an edge of the network graph is drawn from its importance (pykan's edge score, averaged
// over outputs: the core's KanAttribution, see core/ml/kan_attribution.h). Opacity as pykan's
// plot draws edges, tanh(3 * score); width 0.6 to 4 px, linear in score / the largest score.
double kanEdgeOpacity(double importance);
double kanEdgeWidth(double importance, double largest);

// The network as pykan plots it: nodes level by level from the inputs (bottom) to the output
// (top), the inputs grouped by modality (a gap and the modality's letter under each group, nodes
// in the modality's colour), every edge a line whose opacity and width show its importance
// (first-layer edges in their input's modality colour). Returns the edges' lines in the order of
// data.edges.
QList<QCPItemLine *> drawKanNetwork(QCustomPlot *plot, const KanData &data, const QString &title);

// The small multiples: layer by layer, one row per output node and one column per input node, so
// every cell has room for its axes. The minimum size a plot needs to draw them readably.
inline constexpr int kKanCellWidth = 130, kKanCellHeight = 105;
QSize kanGridMinimumSize(const KanData &data);
// The rects of the small multiples, in the order of data.edges (for mapping a click to an edge).
QList<QCPAxisRect *> drawKanEdges(QCustomPlot *plot, const KanData &data, const QString &title);
void drawKanEdge(QCustomPlot *plot, const KanEdgeData &edge, const QString &title);

}  // namespace sl::plots
