#pragma once
// Filtering and sorting of the clip list: by split, by who labelled which target, by disagreement
// between the model and the label, and by text in the ids or the transcript.
#include <QSet>
#include <QSortFilterProxyModel>
#include <optional>

#include "core/common/label_scale.h"

namespace sl::ui {

struct ClipFilter {
    enum class LabelStatus { Any, UnlabelledByMe, LabelledByMe, LabelledByReference, UnlabelledByAnyone,
                             // the current annotator's progress over the targets being labelled
                             NotDoneByMe, PartlyByMe, DoneByMe };

    QString split;                      // empty = all
    std::optional<Target> target;       // empty = any target (for the label status)
    LabelStatus status = LabelStatus::Any;
    bool disagreementOnly = false;      // |model M - label M| >= disagreementThreshold
    double disagreementThreshold = 1.0;
    QString text;                       // searched in video id, clip id and (if allowed) transcript
    bool searchTranscripts = true;      // off where the words must not be seen (audio or video only)
    qint64 labelledByAnnotator = 0;     // 0 = anyone; else clips this annotator labelled (for `target`)
    QSet<qint64> onlyClips;             // empty = all; else only these (the annotator's batch)

    bool operator==(const ClipFilter &) const = default;
};

class ClipFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit ClipFilterModel(QObject *parent = nullptr);

    void setFilter(const ClipFilter &filter);
    const ClipFilter &filter() const { return m_filter; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    bool statusAccepts(const QModelIndex &row) const;

    ClipFilter m_filter;
};

}  // namespace sl::ui
