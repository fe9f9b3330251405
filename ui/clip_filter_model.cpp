#include "ui/clip_filter_model.h"

#include "ui/clip_table_model.h"

#include <cmath>

namespace sl::ui {

ClipFilterModel::ClipFilterModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(ClipTableModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void ClipFilterModel::setFilter(const ClipFilter &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    invalidateFilter();
}

bool ClipFilterModel::statusAccepts(const QModelIndex &row) const
{
    using Status = ClipFilter::LabelStatus;
    if (m_filter.status == Status::Any)
        return true;
    const auto *model = static_cast<const ClipTableModel *>(sourceModel());
    const store::ClipOverview *clip = model->clipAt(row.row());
    if (!clip)
        return false;
    const auto done = model->doneState(*clip);
    switch (m_filter.status) {
    case Status::NotDoneByMe: return done != ClipTableModel::DoneState::Done;
    case Status::PartlyByMe: return done == ClipTableModel::DoneState::Partly;
    case Status::DoneByMe: return done == ClipTableModel::DoneState::Done;
    default: break;
    }
    const auto matches = [&](Target target) {
        const int i = store::targetIndex(target);
        switch (m_filter.status) {
        case Status::UnlabelledByMe: return !clip->own[i].has_value();
        case Status::LabelledByMe: return clip->own[i].has_value();
        case Status::LabelledByReference: return clip->reference[i].has_value();
        case Status::UnlabelledByAnyone: return !clip->own[i].has_value() && !clip->reference[i].has_value();
        default: return true;
        }
        return true;
    };
    if (m_filter.target)
        return matches(*m_filter.target);
    // Any target: "unlabelled" means some target is missing, "labelled" means every target is there.
    const bool wantsMissing = m_filter.status == Status::UnlabelledByMe || m_filter.status == Status::UnlabelledByAnyone;
    for (Target target : kAllTargets) {
        const bool ok = matches(target);
        if (wantsMissing && ok)
            return true;
        if (!wantsMissing && !ok)
            return false;
    }
    return !wantsMissing;
}

bool ClipFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex row = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!m_filter.split.isEmpty() && row.data(ClipTableModel::SplitRole).toString() != m_filter.split)
        return false;
    if (!statusAccepts(row))
        return false;
    if (!m_filter.onlyClips.isEmpty() && !m_filter.onlyClips.contains(row.data(ClipTableModel::ClipIdRole).toLongLong()))
        return false;
    if (m_filter.labelledByAnnotator != 0) {
        const store::ClipOverview *clip = static_cast<const ClipTableModel *>(sourceModel())->clipAt(sourceRow);
        const quint8 targets = clip ? clip->labelledBy.value(m_filter.labelledByAnnotator) : 0;
        const quint8 wanted = m_filter.target ? quint8(1u << store::targetIndex(*m_filter.target)) : quint8(0x0f);
        if ((targets & wanted) == 0)
            return false;
    }
    if (m_filter.disagreementOnly) {
        const QVariant prediction = row.data(ClipTableModel::PredictionRole);
        const QVariant label = sourceModel()->index(sourceRow, ClipTableModel::MColumn, sourceParent)
                                   .data(ClipTableModel::EffectiveLabelRole);
        if (!prediction.isValid() || !label.isValid() ||
            std::fabs(prediction.toDouble() - label.toDouble()) < m_filter.disagreementThreshold)
            return false;
    }
    if (!m_filter.text.isEmpty()) {
        const auto *model = static_cast<const ClipTableModel *>(sourceModel());
        const store::ClipOverview *clip = model->clipAt(sourceRow);
        const bool inTranscript = m_filter.searchTranscripts && clip && clip->transcript.contains(m_filter.text, Qt::CaseInsensitive);
        if (!clip || !(inTranscript ||
                       clip->videoId.contains(m_filter.text, Qt::CaseInsensitive) ||
                       clip->clipId.contains(m_filter.text, Qt::CaseInsensitive)))
            return false;
    }
    return true;
}

}  // namespace sl::ui
