#include "ui/clip_browser.h"

#include "ui/clip_table_model.h"
#include "ui/plots/split_name.h"
#include "core/common/label_scale.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>

namespace sl::ui {

ClipBrowser::ClipBrowser(ClipTableModel *model, QWidget *parent) : QWidget(parent), m_model(model)
{
    m_filter = new ClipFilterModel(this);
    m_filter->setSourceModel(model);

    m_split = new QComboBox(this);
    m_split->addItem(tr("All splits"), QString());
    for (const char *split : {"train", "valid", "test"})
        m_split->addItem(plots::splitName(QString::fromLatin1(split)), QString::fromLatin1(split));
    m_target = new QComboBox(this);
    m_target->addItem(tr("Any target"), -1);
    for (Target t : kAllTargets)
        m_target->addItem(targetName(t), store::targetIndex(t));
    m_status = new QComboBox(this);
    m_status->addItem(tr("All clips"), int(ClipFilter::LabelStatus::Any));
    m_status->addItem(tr("Unlabelled by me"), int(ClipFilter::LabelStatus::UnlabelledByMe));
    m_status->addItem(tr("Labelled by me"), int(ClipFilter::LabelStatus::LabelledByMe));
    m_status->addItem(tr("Labelled by reference"), int(ClipFilter::LabelStatus::LabelledByReference));
    m_status->addItem(tr("Unlabelled by anyone"), int(ClipFilter::LabelStatus::UnlabelledByAnyone));
    m_status->addItem(tr("Not done by me"), int(ClipFilter::LabelStatus::NotDoneByMe));
    m_status->addItem(tr("Partly done by me"), int(ClipFilter::LabelStatus::PartlyByMe));
    m_status->addItem(tr("Done by me"), int(ClipFilter::LabelStatus::DoneByMe));
    m_annotator = new QComboBox(this);
    m_annotator->setToolTip(tr("Only clips that this annotator labelled (for the chosen target)"));
    setAnnotators({});
    m_disagreement = new QCheckBox(tr("Model disagrees"), this);
    m_disagreement->setToolTip(tr("Only clips where the model's M differs from the label by at least one unit"));
    m_batchOnly = new QCheckBox(tr("My batch"), this);
    m_batchOnly->setToolTip(tr("Only the clips the lead assigned to you"));
    m_batchOnly->setVisible(false);
    m_search = new QLineEdit(this);
    m_search->setPlaceholderText(tr("Search ids and transcripts"));
    m_search->setClearButtonEnabled(true);
    m_count = new QLabel(this);
    m_progress = new QLabel(this);
    m_progress->setObjectName(QStringLiteral("labelledByYou"));

    m_view = new QTableView(this);
    m_view->setModel(m_filter);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(ClipTableModel::VideoColumn, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    // Several rows (Shift/Ctrl+click) for a batch edit; the current row is still the clip shown.
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    for (int column = ClipTableModel::SplitColumn; column <= ClipTableModel::ModelColumn; ++column)
        m_view->setColumnWidth(column, m_view->fontMetrics().horizontalAdvance(QStringLiteral("Length (s)__")));
    m_view->setColumnWidth(ClipTableModel::StateColumn, m_view->fontMetrics().horizontalAdvance(QStringLiteral("___")));
    // Room for a prediction with its out-of-distribution mark ("-3.00  ⚠ A, V").
    m_view->setColumnWidth(ClipTableModel::ModelColumn, m_view->fontMetrics().horizontalAdvance(QStringLiteral("-3.00  ⚠ A, V__")));

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_split);
    filters->addWidget(m_target);
    filters->addWidget(m_status);
    filters->addWidget(m_annotator);
    filters->addWidget(m_disagreement);
    filters->addWidget(m_batchOnly);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(filters);
    layout->addWidget(m_search);
    layout->addWidget(m_view, 1);
    auto *counts = new QHBoxLayout;
    counts->addWidget(m_count);
    counts->addStretch(1);
    counts->addWidget(m_progress);
    layout->addLayout(counts);

    for (QComboBox *combo : {m_split, m_target, m_status, m_annotator})
        connect(combo, &QComboBox::currentIndexChanged, this, &ClipBrowser::applyFilter);
    connect(m_disagreement, &QCheckBox::toggled, this, &ClipBrowser::applyFilter);
    connect(m_batchOnly, &QCheckBox::toggled, this, &ClipBrowser::applyFilter);
    connect(m_search, &QLineEdit::textChanged, this, &ClipBrowser::applyFilter);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                emit currentClipChanged(current.isValid() ? current.data(ClipTableModel::ClipIdRole).toLongLong() : 0);
            });
    connect(m_filter, &QAbstractItemModel::modelReset, this, &ClipBrowser::updateCount);
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, &ClipBrowser::updateCount);
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &ClipBrowser::updateCount);
    connect(m_model, &ClipTableModel::doneCountChanged, this, &ClipBrowser::updateCount);
    updateCount();
}

void ClipBrowser::setReviewMode(ReviewMode mode)
{
    m_mode = mode;
    updateColumns();
    applyFilter();
}

void ClipBrowser::setShowOthers(bool show)
{
    m_showOthers = show;
    m_model->setShowOthers(show);
    updateColumns();
    applyFilter();
}

void ClipBrowser::updateColumns()
{
    const bool all = m_mode == ReviewMode::All;
    const bool words = all || m_mode == ReviewMode::TextOnly;
    const Target own = m_mode == ReviewMode::TextOnly ? Target::T : m_mode == ReviewMode::AudioOnly ? Target::A : Target::V;
    for (Target target : kAllTargets)
        m_view->setColumnHidden(ClipTableModel::columnOfTarget(target), !all && target != own);
    m_view->setColumnHidden(ClipTableModel::TranscriptColumn, !words);
    m_view->setColumnHidden(ClipTableModel::ModelColumn, !all || !m_showOthers);
    // The model-disagreement filter compares with the model and the dataset's M: not for blind eyes.
    m_disagreement->setEnabled(all && m_showOthers);
    if (!m_disagreement->isEnabled())
        m_disagreement->setChecked(false);
    m_search->setPlaceholderText(words ? tr("Search ids and transcripts") : tr("Search ids"));
    // Blind, no filter may tell what others gave: not who labelled, nor what the reference has.
    m_annotator->setEnabled(m_showOthers);
    if (!m_showOthers)
        m_annotator->setCurrentIndex(0);
    if (auto *items = qobject_cast<QStandardItemModel *>(m_status->model())) {
        for (const auto status : {ClipFilter::LabelStatus::LabelledByReference, ClipFilter::LabelStatus::UnlabelledByAnyone}) {
            const int row = m_status->findData(int(status));
            items->item(row)->setEnabled(m_showOthers);
            if (!m_showOthers && m_status->currentIndex() == row)
                m_status->setCurrentIndex(0);
        }
    }
}

QString ClipBrowser::progressText() const { return m_progress->text(); }

void ClipBrowser::setReferenceName(const QString &name)
{
    m_status->setItemText(3, name.isEmpty() ? tr("Labelled by reference") : tr("Labelled by %1").arg(name));
}

void ClipBrowser::setAnnotators(const QList<QPair<qint64, QString>> &annotators)
{
    const QSignalBlocker blocker(m_annotator);
    m_annotator->clear();
    m_annotator->addItem(tr("Any annotator"), qint64(0));
    for (const auto &[id, name] : annotators)
        m_annotator->addItem(tr("Labelled by %1").arg(name), id);
}

void ClipBrowser::focusSearch()
{
    m_search->setFocus();
    m_search->selectAll();
}

void ClipBrowser::applyFilter()
{
    ClipFilter filter;
    filter.split = m_split->currentData().toString();
    const int target = m_target->currentData().toInt();
    if (target >= 0)
        filter.target = kAllTargets[target];
    filter.status = ClipFilter::LabelStatus(m_status->currentData().toInt());
    filter.disagreementOnly = m_disagreement->isChecked();
    filter.text = m_search->text().trimmed();
    filter.searchTranscripts = m_mode == ReviewMode::All || m_mode == ReviewMode::TextOnly;
    filter.labelledByAnnotator = m_annotator->currentData().toLongLong();
    if (m_batchOnly->isChecked())
        filter.onlyClips = m_batch;
    const qint64 current = currentClipId();
    m_filter->setFilter(filter);
    if (current != 0)
        selectClip(current);
    updateCount();
}

void ClipBrowser::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        updateCount();  // "12 / 90 labelled by you" is built with arg(): rebuilt in the new language
}

void ClipBrowser::updateCount()
{
    m_count->setText(tr("%1 of %2 clips").arg(m_filter->rowCount()).arg(m_model->rowCount()));
    if (m_batch.isEmpty()) {
        m_progress->setText(tr("%1 / %2 labelled by you").arg(m_model->doneCount()).arg(m_model->rowCount()));
        return;
    }
    int done = 0;
    for (int row = 0; row < m_model->rowCount(); ++row)
        if (const store::ClipOverview *clip = m_model->clipAt(row);
            clip && m_batch.contains(clip->id) && m_model->doneState(*clip) == ClipTableModel::DoneState::Done)
            ++done;
    m_progress->setText(tr("%1 / %2 of your batch labelled").arg(done).arg(m_batch.size()));
}

void ClipBrowser::setBatch(const QSet<qint64> &clips)
{
    const bool had = !m_batch.isEmpty();
    m_batch = clips;
    m_batchOnly->setVisible(!clips.isEmpty());
    if (clips.isEmpty())
        m_batchOnly->setChecked(false);
    else if (!had)
        m_batchOnly->setChecked(true);  // an annotator with a batch works through it first
    applyFilter();
}

qint64 ClipBrowser::currentClipId() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? current.data(ClipTableModel::ClipIdRole).toLongLong() : 0;
}

QList<qint64> ClipBrowser::listedClipIds() const
{
    QList<qint64> ids;
    for (int row = 0; row < m_filter->rowCount(); ++row)
        ids << m_filter->index(row, 0).data(ClipTableModel::ClipIdRole).toLongLong();
    return ids;
}

QList<qint64> ClipBrowser::selectedClipIds() const
{
    QList<qint64> ids;
    QModelIndexList rows = m_view->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    for (const QModelIndex &row : rows)
        ids << row.data(ClipTableModel::ClipIdRole).toLongLong();
    if (ids.isEmpty() && currentClipId() != 0)
        ids << currentClipId();
    return ids;
}

bool ClipBrowser::selectClip(qint64 clipId)
{
    const int sourceRow = m_model->rowOfClip(clipId);
    if (sourceRow < 0)
        return false;
    const QModelIndex index = m_filter->mapFromSource(m_model->index(sourceRow, 0));
    if (!index.isValid())
        return false;
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index);
    return true;
}

bool ClipBrowser::selectNext(int direction, const std::function<bool(const QModelIndex &)> &accept)
{
    const int rows = m_filter->rowCount();
    const int start = m_view->currentIndex().isValid() ? m_view->currentIndex().row() : (direction > 0 ? -1 : rows);
    for (int row = start + direction; row >= 0 && row < rows; row += direction) {
        const QModelIndex proxy = m_filter->index(row, 0);
        if (!accept || accept(m_filter->mapToSource(proxy))) {
            m_view->setCurrentIndex(proxy);
            m_view->scrollTo(proxy);
            return true;
        }
    }
    return false;
}

}  // namespace sl::ui
