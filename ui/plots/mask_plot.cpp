#include "ui/plots/mask_plot.h"

#include "ui/plots/plot_text.h"

#include "ui/plots/plot_canvas.h"
#include "ui/plots/plot_theme.h"

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

int maskHeatmapHeight(int rows)
{
    // Title (two lines), the x axis with its label, and the margins around the rows.
    constexpr int kFrame = 110;
    return kFrame + std::max(rows, 4) * kMaskRowPixels;
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
    // The scale as tall as the map, and wide enough for its ticks and label: otherwise the
    // layout gives it what is left at the right edge and cuts them off.
    scale->setBarWidth(12);
    scale->setMinimumSize(70, 0);
    auto *group = new QCPMarginGroup(plot);
    plot->axisRect()->setMarginGroup(QCP::msTop | QCP::msBottom, group);
    scale->setMarginGroup(QCP::msTop | QCP::msBottom, group);
    plot->rescaleAxes();
    plot->xAxis->setLabel(tr("fused dimension"));
    plot->yAxis->setLabel(tr("clip"));
    // Every row named: the rows are tall enough for a small font (maskHeatmapHeight).
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    for (int r = 0; r < rows.size(); ++r)
        ticker->addTick(r, rows[r].name);
    plot->yAxis->setTicker(ticker);
    plot->yAxis->setTickLabelFont(QFont(plot->font().family(), std::max(6, plot->font().pointSize() - 2)));
    plot->yAxis->setSubTicks(false);
    plot->yAxis->setRangeReversed(true);  // the first clip on top, as in a list
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
    causal->setBrush(QColor(100, 90, 170));  // indigo: not a modality's colour (modality_palette.h)
    causal->setPen(Qt::NoPen);
    causal->setData(keys, kept, true);
    auto *shortcut = new QCPBars(plot->xAxis, plot->yAxis);
    shortcut->setName(tr("shortcut (1 − mask)"));
    shortcut->setBrush(QColor(200, 200, 200));
    shortcut->setPen(Qt::NoPen);
    shortcut->setData(keys, dropped, true);
    shortcut->moveAbove(causal);
    const double left = -0.7, right = double(mask.mask.size()) - 0.3;
    // Above the bars, each modality's share of the mask mass as a strip in its colour
    // (modality_palette.h), so the split by modality reads as in the other views.
    double at = left;
    for (int m = 0; m < kModalities; ++m) {
        const double share = std::clamp(mask.modalityShare[size_t(m)], 0.0, 1.0);
        auto *strip = new QCPItemRect(plot);
        strip->setObjectName(QStringLiteral("maskShare%1").arg(modalityCode(m)));
        strip->topLeft->setCoords(at, 1.26);
        strip->bottomRight->setCoords(at + share * (right - left), 1.05);
        strip->setBrush(modalityColour(m));
        strip->setPen(Qt::NoPen);
        if (share >= 0.06) {
            auto *label = new QCPItemText(plot);
            label->position->setCoords(at + share * (right - left) / 2, 1.155);
            label->setFont(QFont(plot->font().family(), std::max(6, plot->font().pointSize() - 2)));
            label->setPadding(QMargins(0, 0, 0, 0));
            label->setColor(Qt::white);
            keepItemColour(label);  // white on the strip's colour, whatever the theme
            label->setText(QStringLiteral("%1 %2%").arg(modalityCode(m)).arg(100 * share, 0, 'f', 0));
        }
        at += share * (right - left);
    }
    plot->xAxis->setRange(left, right);
    plot->yAxis->setRange(0, 1.28);
    plot->xAxis->setLabel(tr("fused dimension"));
    // The legend in one row under the plot: inside it would cover the bars, which fill the rect.
    placeLegendBelow(plot);
    plot->replot();
}

}  // namespace sl::plots
