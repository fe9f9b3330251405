#include "ui/plots/kan_plot.h"

#include "ui/plots/plot_text.h"

#include "ui/plots/plot_canvas.h"

#include <QCoreApplication>
#include <QMap>
#include <algorithm>
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
    addPoints(plot, rect, insideX, insideY, QCPScatterStyle(QCPScatterStyle::ssDisc, QColor(128, 128, 128, alpha + 30), size))  // grey: seen in both themes
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

// The network's node levels: the first layer's inputs, then each layer's outputs, each in the
// order the edges name them.
QList<QStringList> nodeLevels(const KanData &data)
{
    QList<QStringList> levels;
    for (const KanEdgeData &edge : data.edges) {
        while (levels.size() < edge.layer + 2)
            levels << QStringList();
        if (!levels[edge.layer].contains(edge.inputName))
            levels[edge.layer] << edge.inputName;
        if (!levels[edge.layer + 1].contains(edge.outputName))
            levels[edge.layer + 1] << edge.outputName;
    }
    return levels;
}

// Positions on [0, 1] of one level's nodes; a gap of one more node's width between modalities.
QVector<double> nodePositions(const QStringList &nodes)
{
    QVector<double> positions;
    double at = 0;
    for (int n = 0; n < nodes.size(); ++n) {
        if (n > 0)
            at += kanInputModality(nodes[n]) != kanInputModality(nodes[n - 1]) ? 2.0 : 1.0;
        positions << at;
    }
    for (double &p : positions)
        p = at > 0 ? p / at : 0.5;
    return positions;
}

QCPItemText *addNodeLabel(QCustomPlot *plot, double x, double y, const QString &text, const QFont &font, Qt::Alignment align)
{
    auto *label = new QCPItemText(plot);
    label->position->setCoords(x, y);
    label->setPositionAlignment(align);
    label->setFont(font);
    label->setText(text);
    label->setClipToAxisRect(false);
    return label;
}

// The edge's colour in the curves and the graph: its input's modality for first-layer edges, the
// default ink (which follows the theme) deeper in the network.
QColor edgeColour(const KanEdgeData &edge)
{
    const int modality = edge.layer == 0 ? kanInputModality(edge.inputName) : -1;
    return modality >= 0 ? modalityColour(modality) : QColor(Qt::black);
}

// A curve's pen is a graph's, which the theme does not recolour: deeper edges take a mid grey
// that reads on both backgrounds instead of the default ink.
QColor curveColour(const KanEdgeData &edge)
{
    const QColor colour = edgeColour(edge);
    return colour == QColor(Qt::black) ? QColor(125, 125, 125) : colour;
}

}  // namespace

int kanInputModality(const QString &inputName)
{
    for (int m = 0; m < kModalities; ++m)
        if (inputName.startsWith(modalityCode(m) + QLatin1Char('.')))
            return m;
    return -1;
}

double kanEdgeOpacity(double importance) { return std::tanh(3.0 * std::max(0.0, importance)); }

double kanEdgeWidth(double importance, double largest)
{
    const double share = largest > 0 ? std::clamp(importance / largest, 0.0, 1.0) : 0.0;
    return 0.6 + 3.4 * share;
}

QList<QCPItemLine *> drawKanNetwork(QCustomPlot *plot, const KanData &data, const QString &title)
{
    if (!data.available || data.edges.isEmpty()) {
        showPlotMessage(plot, title, data.reason.isEmpty() ? tr("This model has no KAN.") : data.reason);
        return {};
    }
    resetPlot(plot, title);
    for (QCPAxis *axis : plot->axisRect()->axes())
        axis->setVisible(false);
    const QList<QStringList> levels = nodeLevels(data);
    QList<QVector<double>> xs;
    for (const QStringList &level : levels)
        xs << nodePositions(level);
    double largest = 0;
    for (const KanEdgeData &edge : data.edges)
        largest = std::max(largest, edge.importance);
    QList<QCPItemLine *> lines;
    for (const KanEdgeData &edge : data.edges) {
        const int from = int(levels[edge.layer].indexOf(edge.inputName)), to = int(levels[edge.layer + 1].indexOf(edge.outputName));
        auto *line = new QCPItemLine(plot);
        line->start->setCoords(xs[edge.layer][from], edge.layer);
        line->end->setCoords(xs[edge.layer + 1][to], edge.layer + 1);
        QColor colour = edgeColour(edge);
        colour.setAlphaF(float(kanEdgeOpacity(edge.importance)));
        line->setPen(QPen(colour, kanEdgeWidth(edge.importance, largest)));
        lines << line;
    }
    const QFont small(plot->font().family(), std::max(6, plot->font().pointSize() - 2));
    QFont bold = small;
    bold.setBold(true);
    for (int l = 0; l < levels.size(); ++l) {
        // One series per modality (inputs) and one for the rest, so each gets its colour.
        QMap<int, QPair<QVector<double>, QVector<double>>> byModality;
        for (int n = 0; n < levels[l].size(); ++n) {
            const int modality = l == 0 ? kanInputModality(levels[l][n]) : -1;
            byModality[modality].first << xs[l][n];
            byModality[modality].second << l;
            const bool below = l == 0;
            addNodeLabel(plot, xs[l][n], l + (below ? -0.06 : 0.06), levels[l][n], small,
                         Qt::AlignHCenter | (below ? Qt::AlignTop : Qt::AlignBottom));
        }
        for (auto it = byModality.cbegin(); it != byModality.cend(); ++it) {
            QCPGraph *nodes = plot->addGraph();
            nodes->setLineStyle(QCPGraph::lsNone);
            const QColor colour = it.key() >= 0 ? modalityColour(it.key()) : QColor(128, 128, 128);
            nodes->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(colour.darker(130), 1.5), colour, 11));
            nodes->setData(it->first, it->second);
            nodes->removeFromLegend();
        }
    }
    // The modality's letter under each group of inputs.
    if (!levels.isEmpty())
        for (int m = 0; m < kModalities; ++m) {
            double sum = 0;
            int count = 0;
            for (int n = 0; n < levels[0].size(); ++n)
                if (kanInputModality(levels[0][n]) == m) {
                    sum += xs[0][n];
                    ++count;
                }
            if (count > 0)
                addNodeLabel(plot, sum / count, -0.3, modalityCode(m), bold, Qt::AlignHCenter | Qt::AlignTop)->setColor(modalityColour(m));
        }
    plot->xAxis->setRange(-0.06, 1.06);
    plot->yAxis->setRange(-0.55, double(levels.size() - 1) + 0.3);
    plot->replot();
    return lines;
}

QSize kanGridMinimumSize(const KanData &data)
{
    const QList<QStringList> levels = nodeLevels(data);
    int columns = 1, rows = 0;
    for (int l = 0; l + 1 < levels.size(); ++l) {
        columns = std::max(columns, int(levels[l].size()));
        rows += int(levels[l + 1].size());
    }
    return {columns * kKanCellWidth, std::max(1, rows) * kKanCellHeight + 50};  // + the title
}

QList<QCPAxisRect *> drawKanEdges(QCustomPlot *plot, const KanData &data, const QString &title)
{
    if (!data.available || data.edges.isEmpty()) {
        showPlotMessage(plot, title, data.reason.isEmpty() ? tr("This model has no KAN.") : data.reason);
        return {};
    }
    // Layer by layer: a row per output node, a column per input node.
    const QList<QStringList> levels = nodeLevels(data);
    int columns = 1, rows = 0;
    QVector<int> firstRow;
    for (int l = 0; l + 1 < levels.size(); ++l) {
        firstRow << rows;
        columns = std::max(columns, int(levels[l].size()));
        rows += int(levels[l + 1].size());
    }
    const QList<QCPAxisRect *> cells = resetPlot(plot, title, std::max(1, rows), columns);
    QList<QCPAxisRect *> rects;
    QVector<bool> used(cells.size(), false);
    for (const KanEdgeData &edge : data.edges) {
        const int index = (firstRow[edge.layer] + int(levels[edge.layer + 1].indexOf(edge.outputName))) * columns
                          + int(levels[edge.layer].indexOf(edge.inputName));
        rects << cells[index];
        used[index] = true;
    }
    double largest = 0;
    for (const KanEdgeData &edge : data.edges)
        largest = std::max(largest, edge.importance);
    const QFont small(plot->font().family(), std::max(6, plot->font().pointSize() - 3));
    for (int c = 0; c < cells.size(); ++c)
        if (!used[c])
            cells[c]->setVisible(false);
    for (int i = 0; i < rects.size(); ++i) {
        QCPAxisRect *rect = rects[i];
        rect->setMinimumMargins(QMargins(0, 14, 0, 0));  // room for the edge's name
        for (QCPAxis *axis : {rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft)}) {
            axis->setTickLabelFont(small);
            axis->setTickLengthIn(3);
            axis->setSubTicks(false);
            axis->ticker()->setTickCount(3);
            axis->grid()->setVisible(false);
        }
        const KanEdgeData &edge = data.edges[i];
        // Shading: the more important the edge, the stronger its background.
        const int shade = largest > 0 ? int(std::round(90 * edge.importance / largest)) : 0;
        rect->setBackground(QColor(128, 128, 128, shade));  // grey: orange is audio's colour
        addDatasetPoints(plot, rect, edge, 2.5, 40);
        addCurve(plot, rect, edge.x, edge.total, QPen(curveColour(edge), 1.6));
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
    addCurve(plot, rect, edge.x, edge.spline, QPen(QColor(150, 80, 200), 1.2, Qt::DashLine))->setName(tr("spline"));
    addCurve(plot, rect, edge.x, edge.total, QPen(curveColour(edge), 2))->setName(tr("φ = base + spline"));
    addClipPoint(plot, rect, edge, 9);
    plot->rescaleAxes();
    plot->xAxis->setLabel(edge.inputName);
    plot->yAxis->setLabel(tr("φ(x)"));
    plot->legend->setVisible(true);
    plot->replot();
}

}  // namespace sl::plots
