#pragma once
// Item model over the clips of a project: one row per clip, label columns for the current
// annotator (the reference annotator's value shown, greyed, where the annotator has none yet).
// Rows are loaded in one go from the store's overview and updated in place on label changes, so a
// 25,000-clip project stays responsive.
#include "core/store/clip_overview.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QPair>
#include <QSet>

namespace sl::ui {

class ClipTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { StateColumn, VideoColumn, ClipColumn, SplitColumn, DurationColumn, MColumn, TColumn, AColumn, VColumn,
                  ModelColumn, TranscriptColumn, ColumnCount };
    enum Role {
        ClipIdRole = Qt::UserRole + 1,
        SortRole,           // numbers for numeric columns, so sorting is numeric
        SplitRole,
        TranscriptRole,
        HasOwnLabelRole,    // bool, per label column
        EffectiveLabelRole, // own label, else reference label (double or invalid)
        PredictionRole,     // the active model's M prediction (double or invalid)
        DoneStateRole,      // int(DoneState) of the current annotator
        PendingRole,        // bool, per label column: typed, not yet in the project
    };
    // How far the current annotator is with a clip, over the targets being labelled.
    enum class DoneState { None, Partly, Done };

    explicit ClipTableModel(QObject *parent = nullptr);

    void setClips(QList<store::ClipOverview> clips, const QString &referenceName);
    const QList<store::ClipOverview> &clips() const { return m_clips; }
    int rowOfClip(qint64 clipId) const { return m_rowOf.value(clipId, -1); }
    const store::ClipOverview *clipAt(int row) const;

    void updateOwnLabel(qint64 clipId, Target target, std::optional<double> value);
    void updateTranscript(qint64 clipId, const QString &text);
    // Labels typed but not yet in the project ((clip id, target index) pairs): their cells show
    // the value with a '*' and say why in the tooltip.
    void setPendingLabels(const QSet<QPair<qint64, int>> &pending);
    bool isPending(qint64 clipId, Target target) const { return m_pending.contains({clipId, store::targetIndex(target)}); }

    // The targets that make a clip "done" (all four, or the one of a review mode).
    void setRequiredTargets(const QList<Target> &targets);
    DoneState doneState(const store::ClipOverview &clip) const;
    // Clips done by the current annotator (kept up to date on every label change).
    int doneCount() const { return m_doneCount; }
    // Whether label columns fall back to the reference annotator's value and the model column shows
    // predictions (off while labelling blind).
    void setShowOthers(bool show);
    bool showsOthers() const { return m_showOthers; }

    static Target targetOfColumn(int column);
    static int columnOfTarget(Target target);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void doneCountChanged(int done);

private:
    void recountDone();
    QVariant stateData(const store::ClipOverview &clip, int role) const;
    // Tooltip and colour of the model column: raw value, out-of-distribution flag.
    QVariant modelData(const store::ClipOverview &clip, int role) const;
    QVariant labelData(const store::ClipOverview &clip, Target target, int role) const;

    QList<store::ClipOverview> m_clips;
    QHash<qint64, int> m_rowOf;
    QString m_referenceName;
    QList<Target> m_required{Target::M, Target::T, Target::A, Target::V};
    bool m_showOthers = true;
    int m_doneCount = 0;
    QSet<QPair<qint64, int>> m_pending;
};

}  // namespace sl::ui
