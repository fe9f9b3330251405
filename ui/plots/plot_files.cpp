#include "ui/plots/plot_files.h"

#include "ui/plots/plot_text.h"

#include "core/common/error.h"
#include "ui/plots/contribution_plot.h"
#include "ui/plots/dataset_plot.h"
#include "ui/plots/kan_plot.h"
#include "ui/plots/mask_plot.h"
#include "ui/plots/plot_export.h"
#include "ui/plots/saliency_plot.h"

#include <qcustomplot.h>

#include <QCoreApplication>
#include <QDir>
#include <QRegularExpression>
#include <functional>

namespace sl::plots {

namespace {


// Draws with `draw` into a fresh off-screen plot of the asked size and exports it in every format.
void writePlot(const QString &dir, const QString &stem, const PlotFileOptions &options, QStringList &written,
               const std::function<void(QCustomPlot *)> &draw)
{
    QCustomPlot plot;
    plot.resize(options.size);
    draw(&plot);
    for (const QString &format : options.formats) {
        const QString path = QDir(dir).filePath(QStringLiteral("%1.%2").arg(stem, format.toLower()));
        exportPlot(&plot, path, options.size.width(), options.size.height(), options.scale);
        written << path;
    }
}

void makeFolder(const QString &dir)
{
    if (!QDir().mkpath(dir))
        throw Error(tr("Cannot create the plot folder %1.").arg(dir));
}

}  // namespace

QString plotFileStem(const QString &clipName)
{
    QString stem = clipName;
    stem.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9._-]+")), QStringLiteral("_"));
    return stem.isEmpty() ? QStringLiteral("clip") : stem;
}

QStringList writeClipPlots(const ClipPlots &clip, const QString &dir, const PlotFileOptions &options)
{
    makeFolder(dir);
    QStringList written;
    const QString stem = plotFileStem(clip.name);
    writePlot(dir, stem + QStringLiteral("_contributions"), options, written,
              [&](QCustomPlot *p) { drawContributions(p, clip.contributions, tr("Contributions: %1").arg(clip.name)); });
    writePlot(dir, stem + QStringLiteral("_saliency"), options, written,
              [&](QCustomPlot *p) { drawSaliency(p, clip.saliency, tr("Saliency over time: %1").arg(clip.name)); });
    if (clip.kan.available && !clip.kan.edges.isEmpty()) {
        writePlot(dir, stem + QStringLiteral("_kan"), options, written,
                  [&](QCustomPlot *p) { drawKanEdges(p, clip.kan, tr("KAN edges: %1").arg(clip.name)); });
        int strongest = 0;
        for (int e = 1; e < clip.kan.edges.size(); ++e)
            if (clip.kan.edges[e].importance > clip.kan.edges[strongest].importance)
                strongest = e;
        writePlot(dir, stem + QStringLiteral("_kan_edge"), options, written,
                  [&](QCustomPlot *p) { drawKanEdge(p, clip.kan.edges[strongest], tr("Most important edge")); });
    }
    if (clip.mask.available)
        writePlot(dir, stem + QStringLiteral("_mask"), options, written,
                  [&](QCustomPlot *p) { drawClipMask(p, clip.mask, tr("Causal mask: %1").arg(clip.name)); });
    return written;
}

QStringList writeDatasetPlots(const DatasetPlots &data, const QList<MaskRow> &masks, const QString &dir, const PlotFileOptions &options)
{
    makeFolder(dir);
    QStringList written;
    writePlot(dir, QStringLiteral("dataset_predicted_vs_true"), options, written,
              [&](QCustomPlot *p) { drawPredictedVsTrue(p, data, tr("Predicted vs true M")); });
    writePlot(dir, QStringLiteral("dataset_confusion_acc2"), options, written,
              [&](QCustomPlot *p) { drawConfusion(p, data, 2, tr("Confusion, Acc2")); });
    const int many = data.simsClasses ? 5 : 7;
    writePlot(dir, QStringLiteral("dataset_confusion_acc%1").arg(many), options, written,
              [&](QCustomPlot *p) { drawConfusion(p, data, many, tr("Confusion, Acc%1").arg(many)); });
    writePlot(dir, QStringLiteral("dataset_contributions"), options, written,
              [&](QCustomPlot *p) { drawContributionDistribution(p, data, tr("Shapley contributions per modality")); });
    if (!masks.isEmpty())
        writePlot(dir, QStringLiteral("dataset_masks"), options, written,
                  [&](QCustomPlot *p) { drawMaskHeatmap(p, sortedMaskRows(masks, MaskOrder::Label), tr("Causal masks, sorted by label")); });
    return written;
}

}  // namespace sl::plots
