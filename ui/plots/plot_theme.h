#pragma once
// Plots that follow the application's palette, so the dark theme reaches them: background,
// axes, tick labels, grid, legend, titles, and text or reference lines drawn in the default
// black. Colours a plot chose on purpose (modality colours, a heatmap's cell labels marked with
// keepItemColour) are left alone.
#include <qcustomplot.h>

namespace sl::plots {

// Styles `plot` from its palette now, before every replot, and again when the palette changes
// (a theme switched at run time). Calling it again on the same plot does nothing more.
void followPalette(QCustomPlot *plot);

// Marks an item whose colour is part of the data (text on a heatmap cell): never recoloured.
void keepItemColour(QCPAbstractItem *item);

}  // namespace sl::plots
