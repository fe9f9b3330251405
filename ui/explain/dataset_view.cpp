#include "ui/explain/dataset_view.h"

#include "ui/explain/clip_explanation_views.h"
#include "ui/plots/dataset_plot.h"
#include "ui/plots/plot_canvas.h"

#include <qcustomplot.h>

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMap>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace sl::ui {

DatasetView::DatasetView(QWidget *parent)
    : QWidget(parent), m_tabs(new QTabWidget(this)), m_scatter(makeExplanationPlot(this, QStringLiteral("predictedVsTrue"))),
      m_confusion(makeExplanationPlot(this, QStringLiteral("confusionPlot"))),
      m_distribution(makeExplanationPlot(this, QStringLiteral("contributionDistribution"))), m_classes(new QComboBox(this)),
      m_metrics(new QTableWidget(this))
{
    m_classes->setObjectName(QStringLiteral("confusionClasses"));
    m_classes->addItem(tr("Acc2 (negative / non-negative)"), 2);
    m_classes->addItem(tr("Acc7 (-3 … 3)"), 7);
    connect(m_classes, &QComboBox::currentIndexChanged, this, &DatasetView::drawConfusion);
    auto *confusionPage = new QWidget(this);
    auto *confusionLayout = new QVBoxLayout(confusionPage);
    confusionLayout->setContentsMargins(0, 0, 0, 0);
    confusionLayout->addWidget(m_classes);
    confusionLayout->addWidget(m_confusion, 1);
    m_metrics->setObjectName(QStringLiteral("metricTable"));
    m_metrics->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_metrics->setSortingEnabled(true);
    m_tabs->addTab(m_scatter, tr("Predicted vs true"));
    m_tabs->addTab(confusionPage, tr("Confusion"));
    m_tabs->addTab(m_distribution, tr("Contributions"));
    m_tabs->addTab(m_metrics, tr("Metrics"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_tabs);
    m_scatter->setToolTip(tr("Click a point to select its clip"));
    connect(m_scatter, &QCustomPlot::mousePress, this, [this](QMouseEvent *event) {
        const qint64 clip = plots::clipAtPixel(m_scatter, m_data, event->position());
        if (clip != 0)
            emit clipActivated(clip);
    });
    showMessage(tr("Open a project with a trained model to see the dataset views."));
}

int DatasetView::classes() const { return m_classes->currentData().toInt(); }

void DatasetView::setClasses(int classes) { m_classes->setCurrentIndex(m_classes->findData(classes)); }

namespace {

// The dataset plots' second title line: the model whose predictions they are, and the splits
// their points come from.
QString captioned(const QString &title, const plots::DatasetPlots &data)
{
    const QString splits = plots::splitCounts(data);
    QStringList caption;
    if (!data.model.isEmpty())
        caption << data.model;
    if (!splits.isEmpty())
        caption << DatasetView::tr("clips: %1").arg(splits);
    return caption.isEmpty() ? title : title + QLatin1Char('\n') + caption.join(QStringLiteral(" · "));
}

}  // namespace

void DatasetView::setData(const plots::DatasetPlots &data)
{
    m_data = data;
    // CH-SIMS projects are judged on its five classes, MOSI-style ones on Acc7.
    const int many = data.simsClasses ? 5 : 7;
    m_classes->setItemText(1, data.simsClasses ? tr("Acc5 (CH-SIMS classes)") : tr("Acc7 (-3 … 3)"));
    m_classes->setItemData(1, many);
    plots::drawPredictedVsTrue(m_scatter, data, captioned(tr("Predicted vs true M (%n clip(s))", nullptr, int(data.points.size())), data));
    drawConfusion();
    plots::drawContributionDistribution(m_distribution, data, captioned(tr("Shapley contributions per modality"), data));
    fillMetrics();
}

void DatasetView::showMessage(const QString &message)
{
    m_data = {};
    plots::showPlotMessage(m_scatter, tr("Predicted vs true"), message);
    plots::showPlotMessage(m_confusion, tr("Confusion"), message);
    plots::showPlotMessage(m_distribution, tr("Contributions"), message);
    m_metrics->clear();
    m_metrics->setRowCount(0);
}

void DatasetView::drawConfusion()
{
    if (!m_data.points.isEmpty())
        plots::drawConfusion(m_confusion, m_data, classes(), captioned(tr("Confusion of M"), m_data));
}

void DatasetView::fillMetrics()
{
    // Rows: model x split x target; columns: the metric names found.
    QStringList columns;
    QMap<QString, QMap<QString, double>> rows;
    QMap<QString, QStringList> rowCells;
    for (const plots::MetricRow &metric : m_data.metrics) {
        if (!columns.contains(metric.metric))
            columns << metric.metric;
        const QString key = QStringLiteral("%1|%2|%3").arg(metric.modelId, 8, 10, QLatin1Char('0')).arg(metric.split, metric.target);
        rows[key][metric.metric] = metric.value;
        rowCells[key] = {QStringLiteral("%1 %2").arg(metric.modelId).arg(metric.model), metric.split, metric.target};
    }
    m_metrics->setSortingEnabled(false);
    m_metrics->clear();
    m_metrics->setColumnCount(3 + int(columns.size()));
    m_metrics->setHorizontalHeaderLabels(QStringList{tr("Model"), tr("Split"), tr("Target")} + columns);
    m_metrics->setRowCount(int(rows.size()));
    int r = 0;
    for (auto row = rows.cbegin(); row != rows.cend(); ++row, ++r) {
        const QStringList &cells = rowCells[row.key()];
        for (int c = 0; c < 3; ++c)
            m_metrics->setItem(r, c, new QTableWidgetItem(cells[c]));
        for (int c = 0; c < columns.size(); ++c)
            if (row->contains(columns[c])) {
                auto *item = new QTableWidgetItem;
                item->setData(Qt::DisplayRole, QString::number(row->value(columns[c]), 'f', 3));
                m_metrics->setItem(r, 3 + c, item);
            }
    }
    m_metrics->setSortingEnabled(true);
    m_metrics->resizeColumnsToContents();
}

}  // namespace sl::ui
