#pragma once
// The clip list with its filter bar. Emits the selected clip; navigation (next, next unlabelled,
// next disagreement) walks the filtered and sorted order the user sees.
#include "ui/clip_filter_model.h"
#include "ui/player/review_mode.h"

#include <QWidget>
#include <functional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace sl::ui {

class ClipTableModel;

class ClipBrowser : public QWidget {
    Q_OBJECT
public:
    ClipBrowser(ClipTableModel *model, QWidget *parent = nullptr);

    ClipFilterModel *filterModel() const { return m_filter; }
    QTableView *view() const { return m_view; }
    qint64 currentClipId() const;
    // The clips the list shows now (its filters applied), top to bottom.
    QList<qint64> listedClipIds() const;
    // The clips selected in the list, top to bottom (the current one when none is selected).
    QList<qint64> selectedClipIds() const;
    bool selectClip(qint64 clipId);
    // Moves to the next (direction 1) or previous (-1) visible clip after the current one that
    // satisfies `accept` (all clips when empty). Returns false when there is none.
    bool selectNext(int direction, const std::function<bool(const QModelIndex &sourceRow)> &accept = {});
    void setReferenceName(const QString &name);
    // The annotators offered by the "labelled by" filter: id and name.
    void setAnnotators(const QList<QPair<qint64, QString>> &annotators);
    void focusSearch();
    // A review mode shows only what its modality may see: its own label column, the transcript
    // only where words are judged (and only there does the search look into it), no model column.
    void setReviewMode(ReviewMode mode);
    // Labelling blind: no model column and no model-disagreement filter.
    void setShowOthers(bool show);
    QString progressText() const;
    // The current annotator's batch (sentilens-cli assign); empty when they have none. With a
    // batch, the progress counts it, and "My batch" shows only its clips (on by default).
    void setBatch(const QSet<qint64> &clips);
    QCheckBox *batchFilter() const { return m_batchOnly; }

signals:
    void currentClipChanged(qint64 clipId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyFilter();
    void updateCount();
    void updateColumns();

    ClipTableModel *m_model;
    ClipFilterModel *m_filter;
    QTableView *m_view;
    QComboBox *m_split;
    QComboBox *m_target;
    QComboBox *m_status;
    QComboBox *m_annotator;
    QCheckBox *m_disagreement;
    QCheckBox *m_batchOnly;
    QSet<qint64> m_batch;
    QLineEdit *m_search;
    QLabel *m_count;
    QLabel *m_progress;
    ReviewMode m_mode = ReviewMode::All;
    bool m_showOthers = true;
};

}  // namespace sl::ui
