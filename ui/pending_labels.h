#pragma once
// Labels the annotator typed that wait for the project's write lock (issue 18, defect 11: a long
// `sentilens-cli import` holds it for minutes). The session queues them and retries; this shows
// them: "not saved yet" on the label cards and a mark in the clip list, a note in the status bar
// instead of a dialog per failed write (a modal dialog swallowed the keys typed after it), and
// before the window closes a question if any still wait.
#include <QLabel>
#include <QObject>
#include <QPointer>

class QWidget;

namespace sl::session {
class LabelingSession;
}

namespace sl::ui {

class MainWindow;

class PendingLabelsView : public QObject {
    Q_OBJECT
public:
    // Lives as long as the session (its parent); watches the window for the clip shown and for
    // closing.
    PendingLabelsView(MainWindow &window, session::LabelingSession &session);
    ~PendingLabelsView() override;

    // The status-bar note ("3 labels not saved yet"); hidden while nothing waits.
    QLabel *note() const { return m_note; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void refresh();

    MainWindow &m_window;
    session::LabelingSession &m_session;
    QPointer<QLabel> m_note;
    int m_shownCount = 0;
};

// Before the project closes: tries to write the waiting labels (waiting a few seconds for the
// lock), then, if some still wait, asks whether to wait longer or close without them (and, with
// allowCancel, to keep the project open). Returns false when the user chose to keep it open.
bool settlePendingLabels(QWidget *parent, session::LabelingSession &session, bool allowCancel);

}  // namespace sl::ui
