#pragma once
// Causal masks: a heat map of clips x fused dims (rows in the order given, e.g. sorted by label or
// prediction), and one clip's mask as bars split into the causal (mask) and shortcut (1 - mask)
// parts, with each modality's share of the mask mass in the title.
#include "ui/plots/plot_data.h"

class QCustomPlot;

namespace sl::plots {

enum class MaskOrder { Project, Label, Prediction };
// Sorted copy of the rows (stable; unlabelled clips last when sorting by label).
QList<MaskRow> sortedMaskRows(QList<MaskRow> rows, MaskOrder order);

// Each clip's row is at least kMaskRowPixels tall and named on the axis: a view showing many
// clips grows (and scrolls) rather than squashing them; maskHeatmapHeight() is the height that
// needs for `rows` clips.
inline constexpr int kMaskRowPixels = 14;
int maskHeatmapHeight(int rows);
void drawMaskHeatmap(QCustomPlot *plot, const QList<MaskRow> &rows, const QString &title);
void drawClipMask(QCustomPlot *plot, const MaskData &mask, const QString &title);

}  // namespace sl::plots
