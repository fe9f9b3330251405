#include "ui/workbench/model_registry_panel.h"

#include "ui/workbench/table_items.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace sl::ui {

namespace {

enum ModelColumn { ColumnId, ColumnName, ColumnArchitecture, ColumnLabels, ColumnParent, ColumnTestMae, ColumnTestCorr, ColumnCreated };

// The first number a person compares models by: test MAE, else valid.
std::optional<double> headlineMetric(const training::ModelSummary &summary, const QString &metric)
{
    if (auto value = summary.metric(QStringLiteral("test"), QStringLiteral("M"), metric))
        return value;
    return summary.metric(QStringLiteral("valid"), QStringLiteral("M"), metric);
}

}  // namespace

ModelRegistryPanel::ModelRegistryPanel(QWidget *parent) : QWidget(parent)
{
    m_tabs = new QTabWidget;
    m_tabs->addTab(buildModelsTab(), tr("Models"));
    m_tabs->addTab(buildCompareTab(), tr("Compare"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);
}

QWidget *ModelRegistryPanel::buildModelsTab()
{
    m_models = makeTable({tr("Id"), tr("Name"), tr("Architecture"), tr("Labels"), tr("Parent"), tr("Test MAE"), tr("Test Corr"),
                          tr("Created")});
    m_models->setObjectName(QStringLiteral("modelTable"));
    m_setActive = new QPushButton(tr("Set &active"));
    auto *compareWithActive = new QPushButton(tr("Compare with active"));
    m_lineage = new QLabel;
    m_lineage->setWordWrap(true);
    m_lineage->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_metrics = makeTable({});
    m_metrics->setObjectName(QStringLiteral("modelMetrics"));

    connect(m_models, &QTableWidget::itemSelectionChanged, this, &ModelRegistryPanel::showDetails);
    connect(m_setActive, &QPushButton::clicked, this, [this] { setActiveModel(selectedModelId()); });
    connect(compareWithActive, &QPushButton::clicked, this, [this] {
        if (m_registry)
            compare(m_registry->activeModelId(), selectedModelId());
    });

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_setActive);
    buttons->addWidget(compareWithActive);
    buttons->addStretch();
    auto *details = new QWidget;
    auto *detailsLayout = new QVBoxLayout(details);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    detailsLayout->addLayout(buttons);
    detailsLayout->addWidget(m_lineage);
    detailsLayout->addWidget(m_metrics, 1);
    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(m_models);
    splitter->addWidget(details);
    return splitter;
}

QWidget *ModelRegistryPanel::buildCompareTab()
{
    m_first = new QComboBox;
    m_second = new QComboBox;
    auto *run = new QPushButton(tr("Com&pare"));
    m_comparedMetrics = makeTable({tr("Split"), tr("Target"), tr("Metric"), tr("First"), tr("Second"), tr("Change")});
    m_comparedMetrics->setObjectName(QStringLiteral("comparedMetrics"));
    m_changedClips = makeTable({tr("Clip"), tr("Split"), tr("First M"), tr("Second M"), tr("Change")});
    m_changedClips->setObjectName(QStringLiteral("changedClips"));
    m_changedClips->setToolTip(tr("Clips whose prediction changed most; click one to open it"));

    connect(run, &QPushButton::clicked, this,
            [this] { compare(m_first->currentData().toLongLong(), m_second->currentData().toLongLong()); });
    connect(m_changedClips, &QTableWidget::itemClicked, this,
            [this](QTableWidgetItem *item) { emit clipActivated(rowId(m_changedClips, item->row())); });
    connect(m_changedClips, &QTableWidget::itemActivated, this,
            [this](QTableWidgetItem *item) { emit clipActivated(rowId(m_changedClips, item->row())); });

    auto *pick = new QHBoxLayout;
    pick->addWidget(m_first, 1);
    pick->addWidget(new QLabel(tr("vs")));
    pick->addWidget(m_second, 1);
    pick->addWidget(run);
    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(m_comparedMetrics);
    splitter->addWidget(m_changedClips);
    auto *tab = new QWidget;
    auto *layout = new QVBoxLayout(tab);
    layout->addLayout(pick);
    layout->addWidget(splitter, 1);
    return tab;
}

void ModelRegistryPanel::setRegistry(std::optional<training::ModelRegistry> registry)
{
    m_registry = registry;
    m_comparedMetrics->setRowCount(0);
    m_changedClips->setRowCount(0);
    refresh();
}

void ModelRegistryPanel::refresh()
{
    const qint64 selected = selectedModelId();
    m_models->setRowCount(0);
    m_first->clear();
    m_second->clear();
    if (!m_registry) {
        showDetails();
        return;
    }
    const qint64 active = m_registry->activeModelId();
    const QList<training::ModelSummary> summaries = m_registry->models();
    m_models->setRowCount(int(summaries.size()));
    for (int row = 0; row < summaries.size(); ++row) {
        const training::ModelSummary &summary = summaries[row];
        const QString name = summary.record.id == active ? tr("%1 (active)").arg(summary.record.name) : summary.record.name;
        setIdItem(m_models, row, summary.record.id, QString::number(summary.record.id));
        setTextItem(m_models, row, ColumnName, name);
        setTextItem(m_models, row, ColumnArchitecture, summary.record.architecture);
        setTextItem(m_models, row, ColumnLabels, summary.lineage.labelSource);
        setTextItem(m_models, row, ColumnParent,
                    summary.lineage.parentModelId ? QString::number(summary.lineage.parentModelId) : QString());
        setNumberItem(m_models, row, ColumnTestMae, headlineMetric(summary, QStringLiteral("MAE")));
        setNumberItem(m_models, row, ColumnTestCorr, headlineMetric(summary, QStringLiteral("Corr")));
        setTextItem(m_models, row, ColumnCreated, summary.record.createdAt.left(19).replace(QLatin1Char('T'), QLatin1Char(' ')));
        const QString label = QStringLiteral("%1 · %2").arg(summary.record.id).arg(summary.record.name);
        m_first->addItem(label, summary.record.id);
        m_second->addItem(label, summary.record.id);
    }
    m_models->resizeColumnsToContents();
    // Defaults for the comparison: the one before the newest against the newest.
    m_first->setCurrentIndex(std::max(0, m_first->count() - 2));
    m_second->setCurrentIndex(m_second->count() - 1);
    selectModel(selected ? selected : active);
}

qint64 ModelRegistryPanel::selectedModelId() const
{
    const QList<QTableWidgetSelectionRange> ranges = m_models->selectedRanges();
    return ranges.isEmpty() ? 0 : rowId(m_models, ranges.first().topRow());
}

void ModelRegistryPanel::selectModel(qint64 modelId)
{
    for (int row = 0; row < m_models->rowCount(); ++row)
        if (rowId(m_models, row) == modelId) {
            m_models->selectRow(row);
            return;
        }
    showDetails();
}

void ModelRegistryPanel::setActiveModel(qint64 modelId)
{
    if (!m_registry || !m_registry->setActive(modelId))
        return;
    refresh();
    emit activeModelChanged(modelId);
}

QString ModelRegistryPanel::lineageText() const { return m_lineage->text(); }

void ModelRegistryPanel::showDetails()
{
    const qint64 id = selectedModelId();
    const std::optional<training::ModelSummary> summary = m_registry ? m_registry->model(id) : std::nullopt;
    m_setActive->setEnabled(summary && id != m_registry->activeModelId());
    m_metrics->clear();
    m_metrics->setRowCount(0);
    m_metrics->setColumnCount(0);
    if (!summary) {
        m_lineage->setText(m_registry ? tr("No model selected. Jobs > Train model… trains one.") : QString());
        return;
    }
    const store::ModelRecord *record = &summary->record;
    const training::ModelLineage &l = summary->lineage;
    QStringList lines;
    lines << tr("<b>%1</b> (%2), file %3").arg(record->name.toHtmlEscaped(), record->architecture, record->filePath.toHtmlEscaped());
    lines << tr("Labels: %1, hash %2; %3 training and %4 validation clips")
                 .arg(l.labelSource.isEmpty() ? tr("unknown") : l.labelSource.toHtmlEscaped(), l.labelHash.isEmpty() ? tr("unknown") : l.labelHash)
                 .arg(l.trainClips)
                 .arg(l.validClips);
    lines << tr("Parent model: %1; targets: %2")
                 .arg(l.parentModelId ? QString::number(l.parentModelId) : tr("none"),
                      l.targets.isEmpty() ? tr("unknown") : l.targets.join(QStringLiteral(", ")));
    if (!l.featureSets.isEmpty())
        lines << tr("Features: %1").arg(l.featureSets.join(QStringLiteral("; ")).toHtmlEscaped());
    m_lineage->setText(lines.join(QStringLiteral("<br>")));

    // Rows: split and target; columns: the errors first, then the accuracies, then the rest.
    QStringList rows, columns{QStringLiteral("MAE"), QStringLiteral("Corr")};
    for (const training::MetricValue &m : summary->metrics) {
        const QString row = QStringLiteral("%1 %2").arg(m.split, m.target);
        if (!rows.contains(row))
            rows << row;
        if (!columns.contains(m.metric))
            columns << m.metric;
    }
    m_metrics->setRowCount(int(rows.size()));
    m_metrics->setColumnCount(int(columns.size()));
    m_metrics->setHorizontalHeaderLabels(columns);
    m_metrics->setVerticalHeaderLabels(rows);
    for (const training::MetricValue &m : summary->metrics)
        setNumberItem(m_metrics, int(rows.indexOf(QStringLiteral("%1 %2").arg(m.split, m.target))), int(columns.indexOf(m.metric)),
                      m.value);
    m_metrics->resizeColumnsToContents();
}

void ModelRegistryPanel::compare(qint64 firstModelId, qint64 secondModelId)
{
    m_comparedMetrics->setRowCount(0);
    m_changedClips->setRowCount(0);
    const std::optional<training::RegistryComparison> comparison =
        m_registry ? m_registry->compare(firstModelId, secondModelId) : std::nullopt;
    if (!comparison)
        return;
    m_first->setCurrentIndex(m_first->findData(firstModelId));
    m_second->setCurrentIndex(m_second->findData(secondModelId));

    const QList<training::MetricComparison> &metrics = comparison->metrics;
    m_comparedMetrics->setRowCount(int(metrics.size()));
    for (int row = 0; row < metrics.size(); ++row) {
        const training::MetricComparison &m = metrics[row];
        setTextItem(m_comparedMetrics, row, 0, m.split);
        setTextItem(m_comparedMetrics, row, 1, m.target);
        setTextItem(m_comparedMetrics, row, 2, m.metric);
        setNumberItem(m_comparedMetrics, row, 3, m.first);
        setNumberItem(m_comparedMetrics, row, 4, m.second);
        setNumberItem(m_comparedMetrics, row, 5,
                      m.first && m.second ? std::optional<double>(*m.second - *m.first) : std::nullopt);
    }
    m_comparedMetrics->resizeColumnsToContents();

    const QList<training::ChangedClip> &changes = comparison->clips;
    m_changedClips->setRowCount(int(changes.size()));
    for (int row = 0; row < changes.size(); ++row) {
        const training::PredictionChange &c = changes[row].change;
        setIdItem(m_changedClips, row, c.clipId, changes[row].name);
        setTextItem(m_changedClips, row, 1, changes[row].split);
        setNumberItem(m_changedClips, row, 2, c.first);
        setNumberItem(m_changedClips, row, 3, c.second);
        setNumberItem(m_changedClips, row, 4, c.change());
    }
    m_changedClips->resizeColumnsToContents();
    m_tabs->setCurrentIndex(1);
}

}  // namespace sl::ui
