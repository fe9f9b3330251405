#pragma once
// KAN function shapes: every edge as a small multiple (input named by modality -> output), shaded
// by its importance, the dataset's operating points as faint marks and the clip's as a red dot;
// and one edge enlarged with its base and spline parts.
#include "ui/plots/plot_data.h"

class QCustomPlot;
class QCPAxisRect;

namespace sl::plots {

// The rects of the small multiples, in the order of data.edges (for mapping a click to an edge).
QList<QCPAxisRect *> drawKanEdges(QCustomPlot *plot, const KanData &data, const QString &title);
void drawKanEdge(QCustomPlot *plot, const KanEdgeData &edge, const QString &title);

}  // namespace sl::plots
