#include "ui/plots/saliency_plot.h"

#include "ui/plots/plot_text.h"

#include "ui/plots/plot_canvas.h"

#include <QCoreApplication>
#include <cmath>

namespace sl::plots {

namespace {

const char *kPlayheadName = "sentilens-playhead";


}  // namespace

void drawSaliency(QCustomPlot *plot, const SaliencyData &data, const QString &title)
{
    resetPlot(plot, title);
    double end = 0;
    for (int m = 0; m < kModalities; ++m) {
        QCPGraph *graph = plot->addGraph();
        graph->setName(modalityCode(m));
        graph->setPen(QPen(modalityColour(m), 1.8));
        graph->setLineStyle(QCPGraph::lsStepCenter);
        graph->setData(data.seconds[size_t(m)], data.values[size_t(m)], true);
        if (!data.seconds[size_t(m)].isEmpty())
            end = std::max(end, data.seconds[size_t(m)].last());
    }
    plot->rescaleAxes();
    plot->xAxis->setRange(0, std::max(end, 0.1));
    const QCPRange y = plot->yAxis->range();
    const double pad = std::max(1e-6, y.size() * 0.08);
    plot->yAxis->setRange(std::min(y.lower, 0.0) - pad, std::max(y.upper, 0.0) + pad);
    plot->xAxis->setLabel(tr("clip time (s)"));
    plot->yAxis->setLabel(tr("attribution"));
    auto *zero = new QCPItemStraightLine(plot);
    zero->setPen(QPen(QColor(0, 0, 0, 90)));
    zero->point1->setCoords(0, 0);
    zero->point2->setCoords(1, 0);
    auto *playhead = new QCPItemStraightLine(plot);
    playhead->setObjectName(QString::fromLatin1(kPlayheadName));
    playhead->setPen(QPen(QColor(220, 30, 30), 1.5));
    playhead->setVisible(false);
    plot->legend->setVisible(true);
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
