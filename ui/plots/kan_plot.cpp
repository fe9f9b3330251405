#include "ui/plots/kan_plot.h"

#include "ui/plots/plot_text.h"

#include "ui/plots/plot_canvas.h"

#include <QCoreApplication>
#include <cmath>

namespace sl::plots {

namespace {


QCPGraph *addCurve(QCustomPlot *plot, QCPAxisRect *rect, const QVector<double> &x, const QVector<double> &y, const QPen &pen)
{
    QCPGraph *graph = plot->addGraph(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
    graph->setPen(pen);
    graph->setData(x, y, true);
    return graph;
}

QCPGraph *addPoints(QCustomPlot *plot, QCPAxisRect *rect, const QVector<double> &x, const QVector<double> &y,
                    const QCPScatterStyle &style)
{
    QCPGraph *graph = addCurve(plot, rect, x, y, QPen(Qt::NoPen));
    graph->setLineStyle(QCPGraph::lsNone);
    graph->setScatterStyle(style);
    return graph;
}

QString edgeTitle(const KanEdgeData &edge) { return QStringLiteral("%1 → %2").arg(edge.inputName, edge.outputName); }

const QColor kOutsideGrid(0xd9, 0x6c, 0x00);  // amber, as the clip list's flag

// ssCircle, not ssDisc: a disc is filled with the pen's colour, a circle with the brush. A clip
// beyond the spline's grid is drawn as an amber cross in a circle: there the edge is its base
// alone, extrapolated, and the dot must not look like a point on the learned shape.
void addClipPoint(QCustomPlot *plot, QCPAxisRect *rect, const KanEdgeData &edge, double size)
{
    if (!edge.clipX || !edge.clipY)
        return;
    if (outsideGrid(edge, *edge.clipX))
        addPoints(plot, rect, {*edge.clipX}, {*edge.clipY},
                  QCPScatterStyle(QCPScatterStyle::ssCrossCircle, QPen(kOutsideGrid, 2), Qt::white, size * 1.4))
            ->setName(tr("this clip, outside the spline's grid"));
    else
        addPoints(plot, rect, {*edge.clipX}, {*edge.clipY},
                  QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(QColor(120, 0, 0), 1.2), QColor(230, 30, 30), size))
            ->setName(tr("this clip"));
}

// The dataset's operating points: grey inside the spline's grid, amber crosses beyond it.
void addDatasetPoints(QCustomPlot *plot, QCPAxisRect *rect, const KanEdgeData &edge, double size, int alpha)
{
    QVector<double> insideX, insideY, outsideX, outsideY;
    for (qsizetype i = 0; i < edge.datasetX.size() && i < edge.datasetY.size(); ++i) {
        const bool outside = outsideGrid(edge, edge.datasetX[i]);
        (outside ? outsideX : insideX) << edge.datasetX[i];
        (outside ? outsideY : insideY) << edge.datasetY[i];
    }
    addPoints(plot, rect, insideX, insideY, QCPScatterStyle(QCPScatterStyle::ssDisc, QColor(0, 0, 0, alpha), size))
        ->setName(tr("dataset"));
    if (!outsideX.isEmpty())
        addPoints(plot, rect, outsideX, outsideY, QCPScatterStyle(QCPScatterStyle::ssCross, QPen(kOutsideGrid, 1.2), Qt::NoBrush, size * 1.3))
            ->setName(tr("dataset, outside the spline's grid"));
}

// Dotted verticals at the grid's ends, so "outside" can be seen.
void addGridEnds(QCustomPlot *plot, QCPAxisRect *rect, const KanEdgeData &edge)
{
    if (!edge.supportLow || !edge.supportHigh)
        return;
    for (double x : {*edge.supportLow, *edge.supportHigh}) {
        auto *line = new QCPItemStraightLine(plot);
        line->setClipAxisRect(rect);
        line->point1->setAxes(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
        line->point2->setAxes(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
        line->point1->setCoords(x, 0);
        line->point2->setCoords(x, 1);
        line->setPen(QPen(QColor(120, 120, 120), 1, Qt::DotLine));
    }
}

}  // namespace

QList<QCPAxisRect *> drawKanEdges(QCustomPlot *plot, const KanData &data, const QString &title)
{
    if (!data.available || data.edges.isEmpty()) {
        showPlotMessage(plot, title, data.reason.isEmpty() ? tr("This model has no KAN.") : data.reason);
        return {};
    }
    const int count = int(data.edges.size());
    const int columns = int(std::ceil(std::sqrt(double(count))));
    const int rows = (count + columns - 1) / columns;
    QList<QCPAxisRect *> rects = resetPlot(plot, title, rows, columns);
    double largest = 0;
    for (const KanEdgeData &edge : data.edges)
        largest = std::max(largest, edge.importance);
    const QFont small(plot->font().family(), std::max(6, plot->font().pointSize() - 3));
    for (int i = 0; i < rects.size(); ++i) {
        QCPAxisRect *rect = rects[i];
        rect->setAutoMargins(QCP::msNone);
        rect->setMargins(QMargins(2, 12, 2, 2));
        for (QCPAxis *axis : rect->axes()) {
            axis->setTickLabels(false);
            axis->setTicks(false);
            axis->grid()->setVisible(false);
        }
        if (i >= count) {
            rect->setVisible(false);
            continue;
        }
        const KanEdgeData &edge = data.edges[i];
        // Shading: the more important the edge, the stronger its background.
        const int shade = largest > 0 ? int(std::round(90 * edge.importance / largest)) : 0;
        rect->setBackground(QColor(255, 140, 0, shade));
        addDatasetPoints(plot, rect, edge, 2.5, 40);
        addCurve(plot, rect, edge.x, edge.total, QPen(QColor(20, 60, 160), 1.4));
        addGridEnds(plot, rect, edge);
        addClipPoint(plot, rect, edge, 5);
        rect->axis(QCPAxis::atBottom)->rescale();
        rect->axis(QCPAxis::atLeft)->rescale();
        auto *label = new QCPItemText(plot);
        label->setClipToAxisRect(false);
        label->position->setAxisRect(rect);
        label->position->setType(QCPItemPosition::ptAxisRectRatio);
        label->position->setCoords(0.5, 0);
        label->setPositionAlignment(Qt::AlignHCenter | Qt::AlignBottom);
        label->setFont(small);
        label->setText(edgeTitle(edge));
    }
    for (int i = 0; i < plot->plottableCount(); ++i)
        plot->plottable(i)->removeFromLegend();
    plot->replot();
    return rects;
}

void drawKanEdge(QCustomPlot *plot, const KanEdgeData &edge, const QString &title)
{
    resetPlot(plot, QStringLiteral("%1: %2 (importance %3)").arg(title, edgeTitle(edge)).arg(edge.importance, 0, 'g', 3));
    QCPAxisRect *rect = plot->axisRect();
    addDatasetPoints(plot, rect, edge, 4, 50);
    addGridEnds(plot, rect, edge);
    addCurve(plot, rect, edge.x, edge.base, QPen(QColor(120, 120, 120), 1.2, Qt::DashLine))->setName(tr("base"));
    addCurve(plot, rect, edge.x, edge.spline, QPen(QColor(230, 150, 60), 1.2, Qt::DashLine))->setName(tr("spline"));
    addCurve(plot, rect, edge.x, edge.total, QPen(QColor(20, 60, 160), 2))->setName(tr("φ = base + spline"));
    addClipPoint(plot, rect, edge, 9);
    plot->rescaleAxes();
    plot->xAxis->setLabel(edge.inputName);
    plot->yAxis->setLabel(tr("φ(x)"));
    plot->legend->setVisible(true);
    plot->replot();
}

}  // namespace sl::plots
