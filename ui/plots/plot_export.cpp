#include "ui/plots/plot_export.h"

#include "ui/plots/plot_text.h"

#include "core/common/error.h"

#include <qcustomplot.h>

#include <QDialog>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QMenu>
#include <QMessageBox>
#include <QSpinBox>
#include <QSvgGenerator>
#include <QDoubleSpinBox>

namespace sl::plots {

namespace {


void writeSvg(QCustomPlot *plot, const QString &path, int width, int height)
{
    QSvgGenerator generator;
    generator.setFileName(path);
    generator.setSize(QSize(width, height));
    generator.setViewBox(QRect(0, 0, width, height));
    generator.setTitle(QFileInfo(path).completeBaseName());
    QCPPainter painter;
    if (!painter.begin(&generator))
        throw Error(tr("Cannot write %1: the SVG file could not be opened.").arg(path));
    plot->toPainter(&painter, width, height);
    painter.end();
    if (!QFileInfo(path).exists() || QFileInfo(path).size() == 0)
        throw Error(tr("Cannot write %1: nothing was written.").arg(path));
}

}  // namespace

void exportPlot(QCustomPlot *plot, const QString &path, int width, int height, double scale)
{
    if (width <= 0 || height <= 0 || scale <= 0)
        throw Error(tr("Cannot write %1: the size %2 x %3 (scale %4) is not positive.").arg(path).arg(width).arg(height).arg(scale));
    const QString suffix = QFileInfo(path).suffix().toLower();
    bool ok = true;
    if (suffix == QLatin1String("png"))
        ok = plot->savePng(path, width, height, scale);
    else if (suffix == QLatin1String("pdf"))
        ok = plot->savePdf(path, width, height);
    else if (suffix == QLatin1String("svg"))
        writeSvg(plot, path, width, height);
    else
        throw Error(tr("Cannot write %1: the file must end in .png, .pdf or .svg.").arg(path));
    if (!ok)
        throw Error(tr("Cannot write %1: the folder is missing or not writable.").arg(path));
}

void installExportMenu(QCustomPlot *plot)
{
    plot->setContextMenuPolicy(Qt::CustomContextMenu);
    QObject::connect(plot, &QWidget::customContextMenuRequested, plot, [plot](const QPoint &pos) {
        QMenu menu(plot);
        QAction *exportAction = menu.addAction(tr("Export…"));
        if (menu.exec(plot->mapToGlobal(pos)) != exportAction)
            return;
        const QString path = QFileDialog::getSaveFileName(plot, tr("Export plot"), QString(),
                                                          tr("PNG image (*.png);;PDF document (*.pdf);;SVG drawing (*.svg)"));
        if (path.isEmpty())
            return;
        QDialog dialog(plot);
        dialog.setWindowTitle(tr("Export size"));
        auto *form = new QFormLayout(&dialog);
        auto *width = new QSpinBox;
        auto *height = new QSpinBox;
        auto *scale = new QDoubleSpinBox;
        width->setRange(100, 10000);
        height->setRange(100, 10000);
        width->setValue(plot->width());
        height->setValue(plot->height());
        scale->setRange(0.5, 8);
        scale->setValue(2);
        form->addRow(tr("Width"), width);
        form->addRow(tr("Height"), height);
        form->addRow(tr("Scale (PNG)"), scale);
        auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
        form->addRow(buttons);
        QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
        QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
        if (dialog.exec() != QDialog::Accepted)
            return;
        try {
            exportPlot(plot, path, width->value(), height->value(), scale->value());
        } catch (const Error &error) {
            QMessageBox::warning(plot, tr("Export plot"), error.message());
        }
    });
}

}  // namespace sl::plots
