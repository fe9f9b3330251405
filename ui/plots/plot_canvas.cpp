#include "ui/plots/plot_canvas.h"

#include "ui/plots/plot_theme.h"

namespace sl::plots {

QList<QCPAxisRect *> resetPlot(QCustomPlot *plot, const QString &title, int rows, int columns)
{
    plot->clearItems();
    plot->clearPlottables();
    plot->plotLayout()->clear();  // also deletes the old axes and legend
    plot->plotLayout()->setRowSpacing(2);
    plot->plotLayout()->setColumnSpacing(2);
    auto *heading = new QCPTextElement(plot, title, QFont(plot->font().family(), plot->font().pointSize() + 1, QFont::Bold));
    plot->plotLayout()->addElement(0, 0, heading);
    auto *grid = new QCPLayoutGrid;
    plot->plotLayout()->addElement(1, 0, grid);
    plot->plotLayout()->setRowStretchFactor(0, 0.01);
    QList<QCPAxisRect *> rects;
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < columns; ++c) {
            auto *rect = new QCPAxisRect(plot);
            grid->addElement(r, c, rect);
            rects << rect;
        }
    QCPAxisRect *first = rects.first();
    plot->xAxis = first->axis(QCPAxis::atBottom);
    plot->yAxis = first->axis(QCPAxis::atLeft);
    plot->xAxis2 = first->axis(QCPAxis::atTop);
    plot->yAxis2 = first->axis(QCPAxis::atRight);
    auto *legend = new QCPLegend;
    first->insetLayout()->addElement(legend, Qt::AlignTop | Qt::AlignRight);
    legend->setLayer(QStringLiteral("legend"));
    legend->setVisible(false);
    plot->legend = legend;
    plot->setAutoAddPlottableToLegend(true);
    followPalette(plot);  // axes, legend and title in the theme's colours
    return rects;
}

void placeLegendBelow(QCustomPlot *plot, int wrap)
{
    plot->axisRect()->insetLayout()->take(plot->legend);
    plot->axisRect()->insetLayout()->simplify();
    plot->plotLayout()->addElement(2, 0, plot->legend);
    plot->plotLayout()->setRowStretchFactor(2, 0.001);
    plot->legend->setWrap(wrap);
    plot->legend->setFillOrder(QCPLegend::foColumnsFirst);  // rearranges under the new wrap
    plot->legend->setVisible(true);
}

void showPlotMessage(QCustomPlot *plot, const QString &title, const QString &message)
{
    resetPlot(plot, title);
    plot->xAxis->setVisible(false);
    plot->yAxis->setVisible(false);
    plot->xAxis->grid()->setVisible(false);
    plot->yAxis->grid()->setVisible(false);
    auto *text = new QCPItemText(plot);
    text->position->setType(QCPItemPosition::ptAxisRectRatio);
    text->position->setCoords(0.5, 0.5);
    text->setText(message);
    plot->replot();
}

}  // namespace sl::plots
