#include "ui/explain/dataset_view.h"

#include "ui/explain/clip_explanation_views.h"
#include "ui/plots/dataset_plot.h"
#include "ui/plots/split_name.h"
#include "ui/plots/plot_canvas.h"

#include <qcustomplot.h>

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMap>
#include <QSignalBlocker>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace sl::ui {

DatasetView::DatasetView(QWidget *parent)
    : QWidget(parent), m_tabs(new QTabWidget(this)), m_scatter(makeExplanationPlot(this, QStringLiteral("predictedVsTrue"))),
      m_confusion(makeExplanationPlot(this, QStringLiteral("confusionPlot"))),
      m_distribution(makeExplanationPlot(this, QStringLiteral("contributionDistribution"))), m_split(new QComboBox(this)),
      m_classes(new QComboBox(this)), m_summary(new QLabel(this)), m_metrics(new QTableWidget(this))
{
    m_split->setObjectName(QStringLiteral("datasetSplit"));
    m_split->setToolTip(tr("The clips the plots show and the accuracy is computed on"));
    m_split->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_split, &QComboBox::currentIndexChanged, this, &DatasetView::drawPlots);
    m_summary->setObjectName(QStringLiteral("datasetSplitSummary"));
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Split:"), this));
    top->addWidget(m_split);
    top->addWidget(m_summary, 1);
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
    layout->addLayout(top);
    layout->addWidget(m_tabs, 1);
    m_scatter->setToolTip(tr("Click a point to select its clip"));
    connect(m_scatter, &QCustomPlot::mousePress, this, [this](QMouseEvent *event) {
        const qint64 clip = plots::clipAtPixel(m_scatter, m_shown, event->position());
        if (clip != 0)
            emit clipActivated(clip);
    });
    showMessage(tr("Open a project with a trained model to see the dataset views."));
}

int DatasetView::classes() const { return m_classes->currentData().toInt(); }

void DatasetView::setClasses(int classes) { m_classes->setCurrentIndex(m_classes->findData(classes)); }

QString DatasetView::split() const { return m_split->currentData().toString(); }

void DatasetView::setSplit(const QString &split)
{
    const int index = m_split->findData(split);
    if (index >= 0)
        m_split->setCurrentIndex(index);
}

QString DatasetView::splitSummary() const { return m_summary->text(); }

// The splits the points come from, each with its count, after "All splits". The choice made
// before stays where its split still exists; otherwise test, else valid, else all: the held-out
// clips are the ones whose accuracy means something.
void DatasetView::fillSplits()
{
    const QString before = m_split->count() > 0 ? split() : QString();
    const bool hadChoice = m_split->count() > 0;
    QSignalBlocker blocker(m_split);
    m_split->clear();
    m_split->addItem(tr("All splits (%1 clips)").arg(m_data.points.size()), QString());
    QStringList splits{QStringLiteral("train"), QStringLiteral("valid"), QStringLiteral("test")};
    for (const plots::DatasetPoint &point : m_data.points)
        if (!splits.contains(point.split))
            splits << point.split;
    for (const QString &name : splits) {
        const int count = int(plots::ofSplit(m_data, name).points.size());
        if (count > 0 && !name.isEmpty())
            m_split->addItem(tr("%1 (%2 clips)").arg(plots::splitName(name)).arg(count), name);
    }
    int index = hadChoice ? m_split->findData(before) : -1;
    for (const QString &preferred : {QStringLiteral("test"), QStringLiteral("valid")})
        if (index < 0)
            index = m_split->findData(preferred);
    m_split->setCurrentIndex(std::max(0, index));
}

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
    fillSplits();
    drawPlots();
    fillMetrics();
}

void DatasetView::drawPlots()
{
    if (m_data.points.isEmpty())
        return;
    m_shown = plots::ofSplit(m_data, split());
    const QString summary = plots::pointMetricsText(split(), plots::pointMetrics(m_shown));
    m_summary->setText(summary);
    plots::drawPredictedVsTrue(m_scatter, m_shown, captioned(tr("Predicted vs true M (%1)").arg(summary), m_shown));
    drawConfusion();
    plots::drawContributionDistribution(m_distribution, m_shown, captioned(tr("Shapley contributions per modality"), m_shown));
}

void DatasetView::showMessage(const QString &message)
{
    m_data = {};
    m_shown = {};
    m_summary->clear();
    plots::showPlotMessage(m_scatter, tr("Predicted vs true"), message);
    plots::showPlotMessage(m_confusion, tr("Confusion"), message);
    plots::showPlotMessage(m_distribution, tr("Contributions"), message);
    m_metrics->clear();
    m_metrics->setRowCount(0);
}

void DatasetView::drawConfusion()
{
    if (!m_shown.points.isEmpty())
        plots::drawConfusion(m_confusion, m_shown, classes(), captioned(tr("Confusion of M"), m_shown));
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
