#include "ui/plots/dataset_plot.h"

#include "ui/plots/plot_text.h"

#include "ui/plots/plot_canvas.h"
#include "ui/plots/plot_theme.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>

namespace sl::plots {

namespace {


QList<const DatasetPoint *> labelled(const DatasetPlots &data)
{
    QList<const DatasetPoint *> result;
    for (const DatasetPoint &point : data.points)
        if (point.label)
            result << &point;
    return result;
}

double quantile(std::vector<double> sorted, double q)
{
    if (sorted.empty())
        return 0;
    const double pos = q * double(sorted.size() - 1);
    const size_t lo = size_t(std::floor(pos));
    const size_t hi = std::min(sorted.size() - 1, lo + 1);
    return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - double(lo));
}

}  // namespace

int sentimentClass(double value, int classes)
{
    if (classes == 2)
        return value >= 0 ? 1 : 0;
    if (classes == 5)  // CH-SIMS: [-1,-0.7], (-0.7,-0.1], (-0.1,0.1], (0.1,0.7], (0.7,1] (MMSA's Mult_acc_5)
        return value <= -0.7 ? 0 : value <= -0.1 ? 1 : value <= 0.1 ? 2 : value <= 0.7 ? 3 : 4;
    return int(std::lround(std::clamp(value, -3.0, 3.0))) + 3;
}

QStringList classNames(int classes)
{
    if (classes == 2)
        return {tr("negative"), tr("non-negative")};
    if (classes == 5)
        return {tr("strong −"), tr("weak −"), tr("neutral"), tr("weak +"), tr("strong +")};
    QStringList names;
    for (int c = -3; c <= 3; ++c)
        names << QString::number(c);
    return names;
}

void drawPredictedVsTrue(QCustomPlot *plot, const DatasetPlots &data, const QString &title)
{
    resetPlot(plot, title);
    QVector<double> x, y;
    for (const DatasetPoint *point : labelled(data)) {
        x << *point->label;
        y << point->prediction;
    }
    auto *identity = new QCPItemStraightLine(plot);
    identity->setPen(QPen(QColor(0, 0, 0, 110), 1, Qt::DashLine));
    identity->point1->setCoords(data.labelMin, data.labelMin);
    identity->point2->setCoords(data.labelMax, data.labelMax);
    QCPGraph *graph = plot->addGraph();
    graph->setName(tr("clips"));
    graph->setLineStyle(QCPGraph::lsNone);
    graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, QColor(40, 90, 190), QColor(40, 90, 190, 120), 7));
    graph->setData(x, y);  // unsorted: index i is the i-th labelled point
    // Equal axes: one range on both, the label scale widened to every point (raw predictions
    // may leave the scale), so the identity line is the diagonal and no point is cut off.
    double low = data.labelMin, high = data.labelMax;
    for (int i = 0; i < x.size(); ++i) {
        low = std::min({low, x[i], y[i]});
        high = std::max({high, x[i], y[i]});
    }
    plot->xAxis->setRange(low - 0.2, high + 0.2);
    plot->yAxis->setRange(low - 0.2, high + 0.2);
    plot->xAxis->setLabel(tr("true M"));
    plot->yAxis->setLabel(tr("predicted M"));
    plot->replot();
}

qint64 clipAtPixel(QCustomPlot *plot, const DatasetPlots &data, const QPointF &pixel)
{
    qint64 best = 0;
    double bestDistance = 12;
    for (const DatasetPoint *point : labelled(data)) {
        const QPointF at(plot->xAxis->coordToPixel(*point->label), plot->yAxis->coordToPixel(point->prediction));
        const double distance = std::hypot(at.x() - pixel.x(), at.y() - pixel.y());
        if (distance < bestDistance) {
            bestDistance = distance;
            best = point->clipId;
        }
    }
    return best;
}

QVector<QVector<int>> confusion(const DatasetPlots &data, int classes)
{
    QVector<QVector<int>> counts(classes, QVector<int>(classes, 0));
    for (const DatasetPoint *point : labelled(data))
        ++counts[sentimentClass(*point->label, classes)][sentimentClass(point->prediction, classes)];
    return counts;
}

void drawConfusion(QCustomPlot *plot, const DatasetPlots &data, int classes, const QString &title)
{
    const QVector<QVector<int>> counts = confusion(data, classes);
    int total = 0, correct = 0, largest = 0;
    for (int t = 0; t < classes; ++t)
        for (int p = 0; p < classes; ++p) {
            total += counts[t][p];
            correct += t == p ? counts[t][p] : 0;
            largest = std::max(largest, counts[t][p]);
        }
    resetPlot(plot, QStringLiteral("%1 (%2 %3)").arg(title, tr("accuracy"))
                        .arg(total ? QString::number(100.0 * correct / total, 'f', 1) + QLatin1Char('%') : QStringLiteral("-")));
    auto *map = new QCPColorMap(plot->xAxis, plot->yAxis);
    map->data()->setSize(classes, classes);
    map->data()->setRange(QCPRange(0, classes - 1), QCPRange(0, classes - 1));
    for (int t = 0; t < classes; ++t)
        for (int p = 0; p < classes; ++p) {
            map->data()->setCell(p, t, counts[t][p]);
            auto *text = new QCPItemText(plot);
            text->position->setCoords(p, t);
            text->setText(QString::number(counts[t][p]));
            text->setColor(counts[t][p] * 2 > largest ? Qt::white : Qt::black);
            keepItemColour(text);  // ink chosen against its cell, not the theme
        }
    QCPColorGradient gradient(QCPColorGradient::gpGrayscale);
    gradient.setColorStopAt(0, QColor(250, 250, 250));
    gradient.setColorStopAt(1, QColor(20, 60, 140));
    map->setGradient(gradient);
    map->setDataRange(QCPRange(0, std::max(1, largest)));
    map->setInterpolate(false);
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    const QStringList names = classNames(classes);
    for (int c = 0; c < classes; ++c)
        ticker->addTick(c, names[c]);
    plot->xAxis->setTicker(ticker);
    plot->yAxis->setTicker(ticker);
    plot->xAxis->setRange(-0.5, classes - 0.5);
    plot->yAxis->setRange(-0.5, classes - 0.5);
    plot->xAxis->setLabel(tr("predicted"));
    plot->yAxis->setLabel(tr("true"));
    plot->replot();
}

void drawContributionDistribution(QCustomPlot *plot, const DatasetPlots &data, const QString &title)
{
    resetPlot(plot, title);
    for (int m = 0; m < kModalities; ++m) {
        std::vector<double> values;
        for (const DatasetPoint &point : data.points)
            values.push_back(point.phi[size_t(m)]);
        std::sort(values.begin(), values.end());
        if (values.empty())
            continue;
        auto *box = new QCPStatisticalBox(plot->xAxis, plot->yAxis);
        box->setName(modalityCode(m));
        box->setBrush(modalityColour(m).lighter(140));
        box->setPen(QPen(modalityColour(m).darker(120)));
        box->addData(m + 1, values.front(), quantile(values, 0.25), quantile(values, 0.5), quantile(values, 0.75), values.back());
    }
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    for (int m = 0; m < kModalities; ++m)
        ticker->addTick(m + 1, modalityCode(m));
    plot->xAxis->setTicker(ticker);
    plot->rescaleAxes();
    plot->xAxis->setRange(0.4, 3.6);
    const QCPRange y = plot->yAxis->range();
    plot->yAxis->setRange(y.lower - 0.1 * std::max(0.1, y.size()), y.upper + 0.1 * std::max(0.1, y.size()));
    plot->yAxis->setLabel(tr("Shapley φ"));
    plot->replot();
}

}  // namespace sl::plots
