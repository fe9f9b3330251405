#include "ui/plots/mask_plot.h"

#include "ui/plots/plot_text.h"

#include "ui/plots/plot_canvas.h"

#include <QCoreApplication>
#include <algorithm>

namespace sl::plots {

namespace {


}  // namespace

QList<MaskRow> sortedMaskRows(QList<MaskRow> rows, MaskOrder order)
{
    if (order == MaskOrder::Label)
        std::stable_sort(rows.begin(), rows.end(), [](const MaskRow &a, const MaskRow &b) {
            if (a.label.has_value() != b.label.has_value())
                return a.label.has_value();
            return a.label && *a.label < *b.label;
        });
    else if (order == MaskOrder::Prediction)
        std::stable_sort(rows.begin(), rows.end(), [](const MaskRow &a, const MaskRow &b) { return a.prediction < b.prediction; });
    return rows;
}

void drawMaskHeatmap(QCustomPlot *plot, const QList<MaskRow> &rows, const QString &title)
{
    int dims = 0;
    for (const MaskRow &row : rows)
        dims = std::max(dims, int(row.mask.size()));
    if (rows.isEmpty() || dims == 0) {
        showPlotMessage(plot, title, tr("This model has no causal mask."));
        return;
    }
    resetPlot(plot, title);
    auto *map = new QCPColorMap(plot->xAxis, plot->yAxis);
    map->data()->setSize(dims, int(rows.size()));
    map->data()->setRange(QCPRange(0, dims - 1), QCPRange(0, double(rows.size()) - 1));
    for (int r = 0; r < rows.size(); ++r)
        for (int d = 0; d < rows[r].mask.size(); ++d)
            map->data()->setCell(d, r, rows[r].mask[d]);
    // The scale first: attaching it hands its range and gradient to the map.
    auto *scale = new QCPColorScale(plot);
    plot->plotLayout()->addElement(1, 1, scale);
    map->setColorScale(scale);
    map->setGradient(QCPColorGradient::gpThermal);
    map->setDataRange(QCPRange(0, 1));
    map->setInterpolate(false);
    scale->axis()->setLabel(tr("mask"));
    plot->rescaleAxes();
    plot->xAxis->setLabel(tr("fused dimension"));
    plot->yAxis->setLabel(tr("clip"));
    if (rows.size() <= 40) {
        QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
        for (int r = 0; r < rows.size(); ++r)
            ticker->addTick(r, rows[r].name);
        plot->yAxis->setTicker(ticker);
    }
    plot->replot();
}

void drawClipMask(QCustomPlot *plot, const MaskData &mask, const QString &title)
{
    if (!mask.available) {
        showPlotMessage(plot, title, mask.reason.isEmpty() ? tr("This model has no causal mask.") : mask.reason);
        return;
    }
    QStringList shares;
    for (int m = 0; m < kModalities; ++m)
        shares << QStringLiteral("%1 %2%").arg(modalityCode(m)).arg(100 * mask.modalityShare[size_t(m)], 0, 'f', 0);
    resetPlot(plot, QStringLiteral("%1 (%2)").arg(title, shares.join(QStringLiteral(", "))));
    QVector<double> keys, kept, dropped;
    for (int d = 0; d < mask.mask.size(); ++d) {
        keys << d;
        kept << mask.mask[d];
        dropped << 1 - mask.mask[d];
    }
    auto *causal = new QCPBars(plot->xAxis, plot->yAxis);
    causal->setName(tr("causal (mask)"));
    causal->setBrush(QColor(40, 120, 200));
    causal->setPen(Qt::NoPen);
    causal->setData(keys, kept, true);
    auto *shortcut = new QCPBars(plot->xAxis, plot->yAxis);
    shortcut->setName(tr("shortcut (1 − mask)"));
    shortcut->setBrush(QColor(200, 200, 200));
    shortcut->setPen(Qt::NoPen);
    shortcut->setData(keys, dropped, true);
    shortcut->moveAbove(causal);
    plot->xAxis->setRange(-0.7, double(mask.mask.size()) - 0.3);
    plot->yAxis->setRange(0, 1.25);
    plot->xAxis->setLabel(tr("fused dimension"));
    plot->legend->setVisible(true);
    plot->replot();
}

}  // namespace sl::plots
