#pragma once
// Writing a plot to a file: PNG (pixels = width x height x scale), PDF and SVG (vector, width x
// height points), chosen by the file's suffix; and an "Export…" entry in a plot's context menu
// that asks for the file and the size.
#include <QString>

class QCustomPlot;

namespace sl::plots {

enum class ExportFormat { Png, Pdf, Svg };

// Throws sl::Error naming the file when the suffix is not .png, .pdf or .svg or writing fails.
void exportPlot(QCustomPlot *plot, const QString &path, int width, int height, double scale = 1.0);

// The context menu (right click) with "Export…" on `plot`.
void installExportMenu(QCustomPlot *plot);

}  // namespace sl::plots
