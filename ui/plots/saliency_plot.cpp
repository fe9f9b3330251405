#include "ui/plots/saliency_plot.h"

#include "ui/plots/plot_text.h"

#include "ui/plots/plot_canvas.h"

#include <QCoreApplication>
#include <array>
#include <cmath>

namespace sl::plots {

namespace {

const char *kPlayheadName = "sentilens-playhead";


}  // namespace

QVector<double> attributionPerSecond(const QVector<double> &seconds, const QVector<double> &values)
{
    if (values.size() < 2 || seconds.size() != values.size())
        return {};
    QVector<double> density;
    for (qsizetype i = 0; i < values.size(); ++i) {
        const double duration = i + 1 < seconds.size() ? seconds[i + 1] - seconds[i] : seconds[i] - seconds[i - 1];
        if (!(duration > 0))
            return {};
        density << values[i] / duration;
    }
    return density;
}

void drawSaliency(QCustomPlot *plot, const SaliencyData &data, const QString &title)
{
    resetPlot(plot, title);
    // Per second where every modality with steps has usable times; otherwise all per step, so
    // the curves on the one axis are always in the same unit.
    std::array<QVector<double>, kModalities> shown;
    bool perSecond = true;
    for (int m = 0; m < kModalities; ++m) {
        const auto i = size_t(m);
        if (data.values[i].isEmpty())
            continue;
        shown[i] = attributionPerSecond(data.seconds[i], data.values[i]);
        perSecond = perSecond && !shown[i].isEmpty();
    }
    double end = 0;
    for (int m = 0; m < kModalities; ++m) {
        const auto i = size_t(m);
        QCPGraph *graph = plot->addGraph();
        graph->setName(modalityCode(m));
        graph->setPen(QPen(modalityColour(m), 1.8));
        // Each step's value holds from its start time to the next step's.
        graph->setLineStyle(QCPGraph::lsStepLeft);
        QVector<double> keys = data.seconds[i], values = perSecond ? shown[i] : data.values[i];
        if (perSecond && keys.size() >= 2) {  // close the last step at its end
            keys << 2 * keys.last() - keys[keys.size() - 2];
            values << values.last();
        }
        graph->setData(keys, values, true);
        if (!keys.isEmpty())
            end = std::max(end, keys.last());
    }
    plot->rescaleAxes();
    plot->xAxis->setRange(0, std::max(end, 0.1));
    const QCPRange y = plot->yAxis->range();
    const double pad = std::max(1e-6, y.size() * 0.08);
    plot->yAxis->setRange(std::min(y.lower, 0.0) - pad, std::max(y.upper, 0.0) + pad);
    plot->xAxis->setLabel(tr("clip time (s)"));
    plot->yAxis->setLabel(perSecond ? tr("attribution per second") : tr("attribution per step"));
    // What the unit means, inside the plot where there is room for it (the axis is short).
    auto *unit = new QCPItemText(plot);
    unit->setObjectName(QStringLiteral("saliencyUnit"));
    unit->position->setType(QCPItemPosition::ptAxisRectRatio);
    unit->position->setCoords(0.01, 0.02);
    unit->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
    unit->setText(perSecond ? tr("each step's attribution ÷ its duration: a curve's area is its modality's total")
                            : tr("step times unknown: attribution of each step, not per second"));
    auto *zero = new QCPItemStraightLine(plot);
    zero->setPen(QPen(QColor(0, 0, 0, 90)));
    zero->point1->setCoords(0, 0);
    zero->point2->setCoords(1, 0);
    auto *playhead = new QCPItemStraightLine(plot);
    playhead->setObjectName(QString::fromLatin1(kPlayheadName));
    playhead->setPen(QPen(QColor(220, 30, 30), 1.5));
    playhead->setVisible(false);
    placeLegendBelow(plot);  // inside, it would cover the end of the curves
    plot->replot();
}

void setSaliencyPlayhead(QCustomPlot *plot, double seconds)
{
    for (int i = 0; i < plot->itemCount(); ++i) {
        auto *line = qobject_cast<QCPItemStraightLine *>(plot->item(i));
        if (!line || line->objectName() != QLatin1String(kPlayheadName))
            continue;
        line->setVisible(seconds >= 0);
        line->point1->setCoords(seconds, 0);
        line->point2->setCoords(seconds, 1);
        plot->replot(QCustomPlot::rpQueuedReplot);
        return;
    }
}

QString weightedWordsHtml(const QStringList &words, const QVector<double> &weights)
{
    double largest = 0;
    for (double w : weights)
        largest = std::max(largest, std::abs(w));
    QStringList parts;
    for (int i = 0; i < words.size(); ++i) {
        if (words[i].trimmed().isEmpty())
            continue;
        const double w = i < weights.size() ? weights[i] : 0.0;
        const int alpha = largest > 0 ? int(std::round(220 * std::abs(w) / largest)) : 0;
        const QColor colour = w >= 0 ? QColor(40, 170, 70, alpha) : QColor(210, 50, 50, alpha);
        parts << QStringLiteral("<span title=\"%1\" style=\"background-color: rgba(%2,%3,%4,%5)\">%6</span>")
                     .arg(w, 0, 'g', 3).arg(colour.red()).arg(colour.green()).arg(colour.blue()).arg(alpha)
                     .arg(words[i].toHtmlEscaped());
    }
    return parts.join(QLatin1Char(' '));
}

}  // namespace sl::plots
