#include "ui/jobs_panel.h"

#include "core/jobs/job_queue.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>
#include <cmath>

namespace sl::ui {

namespace {
// The job's id rides on the title cell, so rows are found again after others are cleared.
constexpr int kIdRole = Qt::UserRole + 1;
}  // namespace

QString JobsPanel::kindText(jobs::JobKind kind)
{
    switch (kind) {
    case jobs::JobKind::Extraction: return tr("Feature extraction");
    case jobs::JobKind::Prediction: return tr("Prediction");
    case jobs::JobKind::Training: return tr("Training");
    case jobs::JobKind::Explanation: return tr("Explanation");
    case jobs::JobKind::Waveform: return tr("Waveform");
    case jobs::JobKind::LiveTake: return tr("Live take");
    case jobs::JobKind::Import: return tr("Import");
    case jobs::JobKind::ReviewQueue: return tr("Review queue");
    }
    return {};
}

QString JobsPanel::stateText(jobs::JobState state)
{
    switch (state) {
    case jobs::JobState::Queued: return tr("Queued");
    case jobs::JobState::Running: return tr("Running");
    case jobs::JobState::Done: return tr("Done");
    case jobs::JobState::Failed: return tr("Failed");
    case jobs::JobState::Cancelled: return tr("Cancelled");
    }
    return {};
}

JobsPanel::JobsPanel(jobs::JobQueue *queue, QWidget *parent) : QWidget(parent), m_queue(queue)
{
    setObjectName(QStringLiteral("jobsPanel"));
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("jobsSummary"));
    m_clear = new QPushButton(tr("C&lear finished"), this);
    m_clear->setObjectName(QStringLiteral("clearFinishedJobs"));
    m_clear->setToolTip(tr("Remove the jobs that are done, failed or cancelled from the list"));
    m_table = new QTableWidget(0, 5, this);
    m_table->setObjectName(QStringLiteral("jobsTable"));
    m_table->setHorizontalHeaderLabels({tr("Job"), tr("Progress"), tr("State"), tr("Details"), QString()});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(false);
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(TitleColumn, QHeaderView::Interactive);
    header->setSectionResizeMode(ProgressColumn, QHeaderView::Interactive);
    header->setSectionResizeMode(StateColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(DetailColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(CancelColumn, QHeaderView::ResizeToContents);
    m_table->setColumnWidth(TitleColumn, 260);
    m_table->setColumnWidth(ProgressColumn, 180);
    // The table scrolls: it never asks the dock (and so the window) for room.
    m_table->setMinimumSize(0, 0);

    auto *top = new QHBoxLayout;
    top->addWidget(m_summary, 1);
    top->addWidget(m_clear);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);

    connect(m_clear, &QPushButton::clicked, m_queue, &jobs::JobQueue::clearFinished);
    connect(m_queue, &jobs::JobQueue::jobAdded, this, &JobsPanel::addJob);
    connect(m_queue, &jobs::JobQueue::jobChanged, this, &JobsPanel::updateJob);
    connect(m_queue, &jobs::JobQueue::jobRemoved, this, &JobsPanel::removeJob);
    for (qint64 id : m_queue->ids())
        addJob(id);
    updateSummary();
}

int JobsPanel::rowOf(qint64 jobId) const
{
    for (int row = 0; row < m_table->rowCount(); ++row)
        if (m_table->item(row, TitleColumn)->data(kIdRole).toLongLong() == jobId)
            return row;
    return -1;
}

QPushButton *JobsPanel::cancelButton(qint64 jobId) const
{
    const int row = rowOf(jobId);
    auto *button = row < 0 ? nullptr : qobject_cast<QPushButton *>(m_table->cellWidget(row, CancelColumn));
    return button && button->isEnabled() ? button : nullptr;
}

void JobsPanel::addJob(qint64 id)
{
    if (rowOf(id) >= 0)
        return;
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    auto *title = new QTableWidgetItem;
    title->setData(kIdRole, id);
    m_table->setItem(row, TitleColumn, title);
    m_table->setItem(row, StateColumn, new QTableWidgetItem);
    m_table->setItem(row, DetailColumn, new QTableWidgetItem);
    auto *bar = new QProgressBar;
    bar->setRange(0, 1000);  // per mille: finer than percent for long extractions
    bar->setTextVisible(true);
    m_table->setCellWidget(row, ProgressColumn, bar);
    auto *cancel = new QPushButton(tr("Cancel"));
    cancel->setObjectName(QStringLiteral("cancelJob%1").arg(id));
    connect(cancel, &QPushButton::clicked, this, [this, id] { m_queue->cancel(id); });
    m_table->setCellWidget(row, CancelColumn, cancel);
    updateJob(id);
    m_table->scrollToBottom();
}

void JobsPanel::updateJob(qint64 id)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    const jobs::JobInfo info = m_queue->info(id);
    QTableWidgetItem *title = m_table->item(row, TitleColumn);
    title->setText(info.title);
    title->setToolTip(QStringLiteral("%1: %2").arg(kindText(info.kind), info.title));
    auto *bar = qobject_cast<QProgressBar *>(m_table->cellWidget(row, ProgressColumn));
    bar->setValue(int(std::lround(info.progress * 1000)));
    bar->setFormat(QStringLiteral("%p%"));  // the message goes in Details: a bar has no room for it
    bar->setToolTip(info.message);
    m_table->item(row, StateColumn)->setText(stateText(info.state));
    QTableWidgetItem *detail = m_table->item(row, DetailColumn);
    const bool failed = info.state == jobs::JobState::Failed;
    const QString text = info.error.isEmpty() ? info.message : info.error;
    detail->setText(text);
    detail->setToolTip(text);
    // A red that reads on the light and the dark theme; other rows keep the theme's text colour.
    detail->setData(Qt::ForegroundRole, failed ? QVariant(QColor(0xd3, 0x2f, 0x2f)) : QVariant());
    if (jobs::isFinished(info.state))
        m_table->removeCellWidget(row, CancelColumn);  // an ended job has nothing to cancel
    if (auto *cancel = qobject_cast<QPushButton *>(m_table->cellWidget(row, CancelColumn))) {
        cancel->setEnabled(info.state == jobs::JobState::Queued || (info.state == jobs::JobState::Running && info.stopsOnCancel));
        cancel->setToolTip(cancel->isEnabled()                   ? tr("Stop this job (at its next step)")
                           : info.state == jobs::JobState::Running ? tr("This job cannot stop half-way; it ends on its own")
                                                                   : QString());
    }
    updateSummary();
}

void JobsPanel::removeJob(qint64 id)
{
    const int row = rowOf(id);
    if (row >= 0)
        m_table->removeRow(row);
    updateSummary();
}

void JobsPanel::updateSummary()
{
    int running = 0, queued = 0, failed = 0;
    for (qint64 id : m_queue->ids()) {
        switch (m_queue->info(id).state) {
        case jobs::JobState::Running: ++running; break;
        case jobs::JobState::Queued: ++queued; break;
        case jobs::JobState::Failed: ++failed; break;
        default: break;
        }
    }
    if (m_queue->ids().isEmpty())
        m_summary->setText(tr("No jobs yet: extraction, training, predictions and explanations show here."));
    else
        m_summary->setText(tr("%1 running, %2 queued, %3 failed").arg(running).arg(queued).arg(failed));
    m_clear->setEnabled(m_queue->ids().size() > running + queued);
}

}  // namespace sl::ui
