#include "ui/workbench/review_queue_panel.h"

#include "core/jobs/job_runner.h"

#include "ui/workbench/table_items.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace sl::ui {

ReviewQueuePanel::ReviewQueuePanel(QWidget *parent) : QWidget(parent)
{
    m_status = new QLabel;
    m_status->setWordWrap(true);
    m_refresh = new QPushButton(tr("&Rebuild"));
    m_refresh->setToolTip(tr("Rank the clips again with the active model and the current labels"));
    m_disagreements = makeTable({tr("Clip"), tr("Target"), tr("Prediction"), tr("Label"), tr("Distance")});
    m_disagreements->setObjectName(QStringLiteral("disagreementQueue"));
    m_uncertain = makeTable({tr("Clip"), tr("Spread of M")});
    m_uncertain->setObjectName(QStringLiteral("uncertaintyQueue"));
    m_tabs = new QTabWidget;
    m_tabs->addTab(m_disagreements, tr("Disagree with labels"));
    m_tabs->addTab(m_uncertain, tr("Least certain"));

    for (QTableWidget *table : {m_disagreements, m_uncertain}) {
        connect(table, &QTableWidget::itemClicked, this, [this, table](QTableWidgetItem *item) { emit clipActivated(rowId(table, item->row())); });
        connect(table, &QTableWidget::itemActivated, this, [this, table](QTableWidgetItem *item) { emit clipActivated(rowId(table, item->row())); });
    }
    connect(m_refresh, &QPushButton::clicked, this, &ReviewQueuePanel::refresh);
    m_runner = new jobs::JobRunner(this);

    auto *top = new QHBoxLayout;
    top->addWidget(m_status, 1);
    top->addWidget(m_refresh);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_tabs, 1);
    setProject(QString());
}

ReviewQueuePanel::~ReviewQueuePanel() { m_runner->stop(); }

void ReviewQueuePanel::setProject(const QString &projectPath)
{
    // A build of the previous project must not land in this one: wait for it, and drop its result.
    m_runner->stop();
    m_building = m_rebuildAsked = false;
    m_projectPath = projectPath;
    m_queue = {};
    m_disagreements->setRowCount(0);
    m_uncertain->setRowCount(0);
    m_refresh->setEnabled(!projectPath.isEmpty());
    m_status->setText(!projectPath.isEmpty() ? tr("Rebuild ranks the clips with the active model.") : QString());
}

bool ReviewQueuePanel::refresh()
{
    if (m_projectPath.isEmpty())
        return false;
    if (m_building) {
        m_rebuildAsked = true;
        return true;
    }
    m_building = true;
    m_refresh->setEnabled(false);
    m_status->setText(tr("Ranking clips…"));
    const QString path = m_projectPath;
    m_runner->start<training::ReviewQueue>(
        {jobs::JobKind::ReviewQueue, tr("Review queue of %1").arg(QFileInfo(path).fileName()), QStringLiteral("review:") + path, false, false},
        [path](jobs::JobContext &context) {
            training::ReviewQueue queue = training::buildReviewQueue(path, kQueueLength);
            if (!queue.error.isEmpty())
                context.fail(queue.error);
            return queue;
        },
        [this](const jobs::JobInfo &info, std::optional<training::ReviewQueue> queue) {
            m_building = false;
            if (m_rebuildAsked) {  // the result is already stale: build again instead of showing it
                m_rebuildAsked = false;
                refresh();
                return;
            }
            m_queue = queue ? std::move(*queue) : training::ReviewQueue();
            if (!queue)  // it threw, or was cancelled in the Jobs dock before it started
                m_queue.error = info.error.isEmpty() ? tr("Cancelled; Rebuild ranks the clips again.") : info.error;
            showQueue();
        });
    return true;
}

QString ReviewQueuePanel::status() const { return m_status->text(); }

QString ReviewQueuePanel::clipName(qint64 clipId) const
{
    return m_queue.clipNames.value(clipId, QString::number(clipId));
}

void ReviewQueuePanel::showQueue()
{
    m_refresh->setEnabled(!m_projectPath.isEmpty());
    if (!m_queue.error.isEmpty()) {
        m_status->setText(m_queue.error);
        return;
    }
    m_status->setText(tr("Model %1 · %2: %3 clips disagree with their labels, %4 vary when sampled")
                          .arg(m_queue.modelId)
                          .arg(m_queue.modelName)
                          .arg(m_queue.disagreements.size())
                          .arg(m_queue.uncertain.size()));
    m_disagreements->setRowCount(int(m_queue.disagreements.size()));
    for (int row = 0; row < m_queue.disagreements.size(); ++row) {
        const training::ReviewEntry &e = m_queue.disagreements[row];
        setIdItem(m_disagreements, row, e.clipId, clipName(e.clipId));
        setTextItem(m_disagreements, row, 1, targetName(e.target));
        setNumberItem(m_disagreements, row, 2, e.prediction);
        setNumberItem(m_disagreements, row, 3, e.label);
        setNumberItem(m_disagreements, row, 4, e.score);
    }
    m_uncertain->setRowCount(int(m_queue.uncertain.size()));
    for (int row = 0; row < m_queue.uncertain.size(); ++row) {
        setIdItem(m_uncertain, row, m_queue.uncertain[row].clipId, clipName(m_queue.uncertain[row].clipId));
        setNumberItem(m_uncertain, row, 1, m_queue.uncertain[row].score);
    }
    if (m_queue.uncertain.isEmpty())
        m_uncertain->setToolTip(tr("This model is deterministic (no sampled bottleneck): it gives no spread"));
    for (QTableWidget *table : {m_disagreements, m_uncertain})
        table->resizeColumnsToContents();
}

}  // namespace sl::ui
