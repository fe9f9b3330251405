#pragma once
// A QCustomPlot made ready for one of the explanation plots: everything drawn before is removed,
// and the layout starts again as a title above `rows` x `columns` axis rects (the first becomes
// the plot's xAxis/yAxis, with a fresh legend). Each plot function begins here, so drawing the next
// clip into the same widget never leaves parts of the previous one.
#include <qcustomplot.h>

#include <QList>
#include <QString>

namespace sl::plots {

QList<QCPAxisRect *> resetPlot(QCustomPlot *plot, const QString &title, int rows = 1, int columns = 1);

// Moves the plot's legend out of the axis rect into a row under it (entries side by side, a new
// row after `wrap` entries; 0: one row), for plots whose bars fill the rect and would be hidden.
void placeLegendBelow(QCustomPlot *plot, int wrap = 0);

// A message in place of the plot ("this model has no KAN"), so an empty view says why.
void showPlotMessage(QCustomPlot *plot, const QString &title, const QString &message);

}  // namespace sl::plots
