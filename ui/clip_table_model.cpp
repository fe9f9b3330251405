#include "ui/clip_table_model.h"

#include "ui/plots/split_name.h"

#include "core/common/number_format.h"
#include "ui/target_text.h"

#include <QBrush>
#include <QFont>
#include <QGuiApplication>
#include <QPalette>
#include <algorithm>

namespace sl::ui {

ClipTableModel::ClipTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void ClipTableModel::setClips(QList<store::ClipOverview> clips, const QString &referenceName)
{
    beginResetModel();
    m_clips = std::move(clips);
    m_referenceName = referenceName;
    m_rowOf.clear();
    m_rowOf.reserve(m_clips.size());
    for (int row = 0; row < m_clips.size(); ++row)
        m_rowOf.insert(m_clips[row].id, row);
    endResetModel();
    recountDone();
}

void ClipTableModel::setRequiredTargets(const QList<Target> &targets)
{
    if (targets.isEmpty() || targets == m_required)
        return;
    m_required = targets;
    recountDone();
    if (!m_clips.isEmpty())
        emit dataChanged(index(0, StateColumn), index(rowCount() - 1, StateColumn));
}

void ClipTableModel::setShowOthers(bool show)
{
    if (show == m_showOthers)
        return;
    m_showOthers = show;
    if (!m_clips.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

ClipTableModel::DoneState ClipTableModel::doneState(const store::ClipOverview &clip) const
{
    int set = 0;
    for (Target target : m_required)
        set += clip.own[store::targetIndex(target)].has_value() ? 1 : 0;
    return set == 0 ? DoneState::None : set == m_required.size() ? DoneState::Done : DoneState::Partly;
}

void ClipTableModel::recountDone()
{
    const int before = m_doneCount;
    m_doneCount = int(std::count_if(m_clips.begin(), m_clips.end(),
                                    [this](const store::ClipOverview &clip) { return doneState(clip) == DoneState::Done; }));
    if (m_doneCount != before)
        emit doneCountChanged(m_doneCount);
}

QVariant ClipTableModel::stateData(const store::ClipOverview &clip, int role) const
{
    const DoneState state = doneState(clip);
    switch (role) {
    case Qt::DisplayRole:
        // A mark that reads without colour: full, half, nothing.
        return state == DoneState::Done ? QStringLiteral("●") : state == DoneState::Partly ? QStringLiteral("◐") : QString();
    case SortRole:
    case DoneStateRole: return int(state);
    case Qt::ToolTipRole:
        return state == DoneState::Done ? tr("Labelled by you") : state == DoneState::Partly ? tr("Partly labelled by you")
                                                                                             : tr("Not labelled by you yet");
    case Qt::TextAlignmentRole: return int(Qt::AlignCenter);
    default: return {};
    }
}

const store::ClipOverview *ClipTableModel::clipAt(int row) const
{
    return row >= 0 && row < m_clips.size() ? &m_clips[row] : nullptr;
}

void ClipTableModel::updateOwnLabel(qint64 clipId, Target target, std::optional<double> value)
{
    const int row = rowOfClip(clipId);
    if (row < 0)
        return;
    m_clips[row].own[store::targetIndex(target)] = value;
    const QModelIndex cell = index(row, columnOfTarget(target));
    emit dataChanged(cell, cell);
    const QModelIndex state = index(row, StateColumn);
    emit dataChanged(state, state);
    recountDone();
}

void ClipTableModel::setPendingLabels(const QSet<QPair<qint64, int>> &pending)
{
    const QSet<QPair<qint64, int>> changed = (m_pending - pending) + (pending - m_pending);
    m_pending = pending;
    for (const auto &[clipId, target] : changed) {
        const int row = rowOfClip(clipId);
        if (row < 0)
            continue;
        const QModelIndex cell = index(row, columnOfTarget(kAllTargets[size_t(target)]));
        emit dataChanged(cell, cell);
    }
}

void ClipTableModel::updateTranscript(qint64 clipId, const QString &text)
{
    const int row = rowOfClip(clipId);
    if (row < 0)
        return;
    m_clips[row].transcript = text;
    const QModelIndex cell = index(row, TranscriptColumn);
    emit dataChanged(cell, cell);
}

Target ClipTableModel::targetOfColumn(int column)
{
    switch (column) {
    case TColumn: return Target::T;
    case AColumn: return Target::A;
    case VColumn: return Target::V;
    default: return Target::M;
    }
}

int ClipTableModel::columnOfTarget(Target target)
{
    switch (target) {
    case Target::M: return MColumn;
    case Target::T: return TColumn;
    case Target::A: return AColumn;
    case Target::V: return VColumn;
    }
    return MColumn;
}

int ClipTableModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_clips.size()); }

int ClipTableModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant ClipTableModel::labelData(const store::ClipOverview &clip, Target target, int role) const
{
    const auto own = clip.own[store::targetIndex(target)];
    // Labelling blind, the reference annotator's value is not there for the view.
    const auto reference = m_showOthers ? clip.reference[store::targetIndex(target)] : std::nullopt;
    const auto effective = own ? own : reference;
    const bool pending = m_pending.contains({clip.id, store::targetIndex(target)});
    switch (role) {
    case Qt::DisplayRole:
        if (pending)  // typed, waiting for the project's write lock
            return own ? QString::number(*own, 'f', 1) + QLatin1Char('*') : QStringLiteral("–*");
        return effective ? QVariant(QString::number(*effective, 'f', 1)) : QVariant();
    case PendingRole:
        return pending;
    case SortRole:
    case EffectiveLabelRole:
        return effective ? QVariant(*effective) : QVariant();
    case HasOwnLabelRole:
        return own.has_value();
    case Qt::ForegroundRole:
        if (!own && reference)
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    case Qt::FontRole:
        if (!own && reference) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case Qt::ToolTipRole:
        if (pending)
            return tr("Not saved yet: another program is writing to the project; saved as soon as it lets go");
        if (own && reference)
            return tr("Your label %1; %2: %3").arg(formatLabelValue(*own), m_referenceName, formatLabelValue(*reference));
        if (reference)
            return tr("Not labelled by you yet; %1: %2").arg(m_referenceName, formatLabelValue(*reference));
        return own ? tr("Your label %1").arg(formatLabelValue(*own)) : tr("Not labelled");
    case Qt::TextAlignmentRole:
        return int(Qt::AlignRight | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant ClipTableModel::modelData(const store::ClipOverview &clip, int role) const
{
    const bool outside = clip.outside && !clip.outside->isEmpty();
    if (role == Qt::ToolTipRole) {
        const double m = *clip.prediction[store::targetIndex(Target::M)];
        QString tip = tr("Model M %1 on the label scale").arg(QString::number(m, 'f', 2));
        if (clip.rawPrediction && *clip.rawPrediction != m)
            tip += tr(" (the model gave %1, clipped)").arg(QString::number(*clip.rawPrediction, 'f', 2));
        if (outside)
            tip += QLatin1Char('\n') + tr("Outside the training data (%1): the model extrapolates; do not trust this "
                                          "prediction").arg(*clip.outside);
        else if (!clip.outside)
            tip += QLatin1Char('\n') + tr("No envelope: this model cannot tell clips outside its training data");
        return tip;
    }
    if (role == Qt::ForegroundRole && outside)
        return QColor(0xd9, 0x6c, 0x00);  // amber: readable on the light and the dark theme
    return {};
}

QVariant ClipTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_clips.size())
        return {};
    const store::ClipOverview &clip = m_clips[index.row()];
    switch (role) {
    case ClipIdRole: return clip.id;
    case SplitRole: return clip.split;
    case TranscriptRole: return clip.transcript;
    case PredictionRole: {
        const auto m = clip.prediction[store::targetIndex(Target::M)];
        return m && m_showOthers ? QVariant(*m) : QVariant();
    }
    case DoneStateRole: return int(doneState(clip));
    default: break;
    }
    const int column = index.column();
    if (column == StateColumn)
        return stateData(clip, role);
    if (column >= MColumn && column <= VColumn)
        return labelData(clip, targetOfColumn(column), role);
    if (role == Qt::DisplayRole || role == SortRole) {
        switch (column) {
        case VideoColumn: return clip.videoId;
        case ClipColumn: return clip.clipId;
        case SplitColumn: return role == SortRole ? QVariant(clip.split) : QVariant(plots::splitName(clip.split));
        case DurationColumn:
            if (!clip.durationSeconds)
                return {};
            return role == SortRole ? QVariant(*clip.durationSeconds) : QVariant(QString::number(*clip.durationSeconds, 'f', 1));
        case ModelColumn: {
            const auto m = clip.prediction[store::targetIndex(Target::M)];
            if (!m || !m_showOthers)
                return {};
            if (role == SortRole)
                return *m;
            // The value on the label scale, and a mark naming the modalities in which the clip lies
            // outside the model's training data (its tooltip says it in words).
            const bool outside = clip.outside && !clip.outside->isEmpty();
            return QString::number(*m, 'f', 2) + (outside ? QStringLiteral("  ⚠ %1").arg(*clip.outside) : QString());
        }
        case TranscriptColumn: return clip.transcript;
        default: return {};
        }
    }
    if (role == Qt::ToolTipRole && column == TranscriptColumn)
        return clip.transcript;
    if (column == ModelColumn && (role == Qt::ToolTipRole || role == Qt::ForegroundRole) && m_showOthers &&
        clip.prediction[store::targetIndex(Target::M)])
        return modelData(clip, role);
    if (role == Qt::TextAlignmentRole && (column == DurationColumn || column == ModelColumn))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant ClipTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole && section >= MColumn && section <= VColumn)
        return TargetText::meaning(targetOfColumn(section));
    if (role == Qt::ToolTipRole && section == StateColumn)
        return tr("Your progress: ● done, ◐ partly, empty: not started");
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case StateColumn: return QStringLiteral("✓");
    case VideoColumn: return tr("Video");
    case ClipColumn: return tr("Clip");
    case SplitColumn: return tr("Split");
    case DurationColumn: return tr("Length (s)");
    case MColumn: return QStringLiteral("M");
    case TColumn: return QStringLiteral("T");
    case AColumn: return QStringLiteral("A");
    case VColumn: return QStringLiteral("V");
    case ModelColumn: return tr("Model M");
    case TranscriptColumn: return tr("Transcript");
    default: return {};
    }
}

}  // namespace sl::ui
