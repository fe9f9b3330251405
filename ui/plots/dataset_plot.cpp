#include "ui/plots/dataset_plot.h"

#include "ui/plots/plot_text.h"
#include "ui/plots/split_name.h"

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

DatasetPlots ofSplit(const DatasetPlots &data, const QString &split)
{
    DatasetPlots result = data;
    if (split.isEmpty())
        return result;
    result.points.clear();
    for (const DatasetPoint &point : data.points)
        if (point.split == split)
            result.points << point;
    return result;
}

PointMetrics pointMetrics(const DatasetPlots &data)
{
    PointMetrics metrics;
    double absError = 0, sumX = 0, sumY = 0;
    int agree = 0;
    const QList<const DatasetPoint *> points = labelled(data);
    for (const DatasetPoint *point : points) {
        absError += std::fabs(point->prediction - *point->label);
        agree += sentimentClass(point->prediction, 2) == sentimentClass(*point->label, 2) ? 1 : 0;
        sumX += *point->label;
        sumY += point->prediction;
    }
    metrics.count = int(points.size());
    metrics.corr = std::nan("");
    if (metrics.count == 0)
        return metrics;
    const double n = metrics.count;
    metrics.mae = absError / n;
    metrics.acc2 = agree / n;
    double sxx = 0, syy = 0, sxy = 0;
    for (const DatasetPoint *point : points) {
        const double dx = *point->label - sumX / n, dy = point->prediction - sumY / n;
        sxx += dx * dx;
        syy += dy * dy;
        sxy += dx * dy;
    }
    if (metrics.count >= 2 && sxx > 0 && syy > 0)
        metrics.corr = sxy / std::sqrt(sxx * syy);
    return metrics;
}

QString pointMetricsText(const QString &split, const PointMetrics &metrics)
{
    const QString where = split.isEmpty() ? tr("all splits") : splitName(split);
    if (metrics.count == 0)
        return tr("%1: no labelled clips").arg(where);
    QString text = tr("%1: %2 labelled clips, MAE %3, Acc2 %4%")
                       .arg(where).arg(metrics.count).arg(metrics.mae, 0, 'f', 3).arg(100 * metrics.acc2, 0, 'f', 1);
    if (std::isfinite(metrics.corr))
        text += tr(", Corr %1").arg(metrics.corr, 0, 'f', 2);
    return text;
}

void drawPredictedVsTrue(QCustomPlot *plot, const DatasetPlots &data, const QString &title)
{
    resetPlot(plot, title);
    auto *identity = new QCPItemStraightLine(plot);
    identity->setPen(QPen(QColor(0, 0, 0, 110), 1, Qt::DashLine));
    identity->point1->setCoords(data.labelMin, data.labelMin);
    identity->point2->setCoords(data.labelMax, data.labelMax);
    // One series per split, in the splits' fixed order and colours, so train, valid and test
    // can be told apart (and named in the legend).
    QStringList splits{QStringLiteral("train"), QStringLiteral("valid"), QStringLiteral("test")};
    for (const DatasetPoint *point : labelled(data))
        if (!splits.contains(point->split))
            splits << point->split;
    double low = data.labelMin, high = data.labelMax;
    for (const QString &split : splits) {
        QVector<double> x, y;
        for (const DatasetPoint *point : labelled(data))
            if (point->split == split) {
                x << *point->label;
                y << point->prediction;
                // Equal axes: one range on both, the label scale widened to every point (raw
                // predictions may leave the scale), so the identity line is the diagonal and no
                // point is cut off.
                low = std::min({low, x.last(), y.last()});
                high = std::max({high, x.last(), y.last()});
            }
        if (x.isEmpty())
            continue;
        const QColor colour = splitColour(split);
        QCPGraph *graph = plot->addGraph();
        graph->setName(split.isEmpty() ? tr("no split") : splitName(split));
        graph->setLineStyle(QCPGraph::lsNone);
        graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, colour.darker(120), QColor(colour.red(), colour.green(), colour.blue(), 150), 7));
        graph->setData(x, y);
    }
    plot->legend->setVisible(plot->graphCount() > 0);
    plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);  // the diagonal leaves that corner empty
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
