#pragma once
// The plots of explained clips and of the dataset written as files, drawn off-screen with the
// same functions as the GUI's views (what `sentilens-cli explain --plots DIR` writes). Needs a
// QApplication (the plots are widgets; the platform may be "offscreen").
#include "ui/plots/plot_data.h"

#include <QSize>
#include <QStringList>

namespace sl::plots {

struct PlotFileOptions {
    QStringList formats{QStringLiteral("png")};  // any of png, pdf, svg
    QSize size{900, 520};                       // pixels (PNG, times scale) or points (PDF, SVG)
    double scale = 1.0;
};

// Writes <dir>/<clip name>_{contributions,saliency,kan,kan_edge,mask}.<format> (KAN and mask
// plots only where the model has them). Returns the files written; throws sl::Error naming the
// file that could not be written.
QStringList writeClipPlots(const ClipPlots &clip, const QString &dir, const PlotFileOptions &options = {});
// Writes <dir>/dataset_{predicted_vs_true,confusion_acc2,confusion_acc7,contributions,masks}.<format>.
QStringList writeDatasetPlots(const DatasetPlots &data, const QList<MaskRow> &masks, const QString &dir,
                              const PlotFileOptions &options = {});

// A clip's name ("video/clip") as a safe file name stem.
QString plotFileStem(const QString &clipName);

}  // namespace sl::plots
