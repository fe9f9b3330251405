#include "ui/plots/plot_theme.h"

#include <QEvent>

namespace sl::plots {

namespace {

constexpr const char *kFollowing = "slFollowsPalette";
constexpr const char *kKeep = "slKeepColour";
constexpr const char *kLastForeground = "slPlotForeground";

// Black is QCustomPlot's default ink; the last applied foreground is what an earlier theme gave.
// Either one means "not chosen by the plot", so it takes the palette's text colour.
bool isDefaultInk(const QColor &colour, const QColor &lastForeground)
{
    const QColor opaque(colour.red(), colour.green(), colour.blue());
    return opaque == QColor(Qt::black) || (lastForeground.isValid() && opaque == lastForeground);
}

QColor withAlpha(QColor colour, int alpha)
{
    colour.setAlpha(alpha);
    return colour;
}

void styleAxis(QCPAxis *axis, const QColor &ink)
{
    const QPen line(ink);
    axis->setBasePen(line);
    axis->setTickPen(line);
    axis->setSubTickPen(line);
    axis->setTickLabelColor(ink);
    axis->setLabelColor(ink);
    axis->setSelectedTickLabelColor(ink);
    axis->grid()->setPen(QPen(withAlpha(ink, 50), 1, Qt::DotLine));
    axis->grid()->setZeroLinePen(QPen(withAlpha(ink, 90)));
}

void styleLegend(QCPLegend *legend, const QPalette &palette, const QColor &ink)
{
    legend->setBrush(withAlpha(palette.color(QPalette::Base), 210));
    legend->setTextColor(ink);
    legend->setBorderPen(QPen(withAlpha(ink, 120)));
    for (int i = 0; i < legend->itemCount(); ++i)
        if (auto *item = legend->item(i))
            item->setTextColor(ink);
}

void styleItem(QCPAbstractItem *item, const QColor &ink, const QColor &lastInk)
{
    if (item->property(kKeep).toBool())
        return;
    if (auto *text = qobject_cast<QCPItemText *>(item)) {
        if (isDefaultInk(text->color(), lastInk))
            text->setColor(ink);
        return;
    }
    auto recolourPen = [&](QPen pen) {
        if (isDefaultInk(pen.color(), lastInk))
            pen.setColor(withAlpha(ink, pen.color().alpha()));
        return pen;
    };
    if (auto *line = qobject_cast<QCPItemStraightLine *>(item))
        line->setPen(recolourPen(line->pen()));
    else if (auto *segment = qobject_cast<QCPItemLine *>(item))
        segment->setPen(recolourPen(segment->pen()));
}

void stylePlot(QCustomPlot *plot)
{
    const QPalette palette = plot->palette();
    const QColor ink = palette.color(QPalette::Text);
    const QColor lastInk = plot->property(kLastForeground).value<QColor>();
    plot->setBackground(palette.brush(QPalette::Base));
    for (QCPAxisRect *rect : plot->axisRects()) {
        for (QCPAxis *axis : rect->axes())
            styleAxis(axis, ink);
        for (int i = 0; i < rect->insetLayout()->elementCount(); ++i)
            if (auto *legend = qobject_cast<QCPLegend *>(rect->insetLayout()->elementAt(i)))
                styleLegend(legend, palette, ink);
    }
    // Titles and colour scales sit in the layout beside the axis rects.
    const QList<QCPLayoutElement *> elements = plot->plotLayout()->elements(true);
    for (QCPLayoutElement *element : elements) {
        if (auto *title = qobject_cast<QCPTextElement *>(element))
            title->setTextColor(ink);
        else if (auto *scale = qobject_cast<QCPColorScale *>(element))
            styleAxis(scale->axis(), ink);
    }
    for (int i = 0; i < plot->itemCount(); ++i)
        styleItem(plot->item(i), ink, lastInk);
    plot->setProperty(kLastForeground, QColor(ink.red(), ink.green(), ink.blue()));
}

// Replots when the palette changes, so a theme switched while the plot is shown reaches it.
class PaletteWatcher : public QObject
{
public:
    explicit PaletteWatcher(QCustomPlot *plot) : QObject(plot), m_plot(plot) { plot->installEventFilter(this); }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == m_plot && event->type() == QEvent::PaletteChange)
            m_plot->replot(QCustomPlot::rpQueuedReplot);
        return false;
    }

private:
    QCustomPlot *m_plot;
};

}  // namespace

void followPalette(QCustomPlot *plot)
{
    stylePlot(plot);
    if (plot->property(kFollowing).toBool())
        return;
    plot->setProperty(kFollowing, true);
    QObject::connect(plot, &QCustomPlot::beforeReplot, plot, [plot] { stylePlot(plot); });
    new PaletteWatcher(plot);
}

void keepItemColour(QCPAbstractItem *item)
{
    item->setProperty(kKeep, true);
}

}  // namespace sl::plots
