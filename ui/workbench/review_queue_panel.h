#pragma once
// The review queue dock: from the active model, the clips whose labels most disagree with its
// predictions and the clips it is least sure about, so an annotator fixes the labels that matter
// first. Built in the background (sampling the model takes a moment); activating an entry
// announces its clip with clipActivated().
#include "core/training/review_queue.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;
class QTabWidget;

namespace sl::jobs {
class JobRunner;
}

namespace sl::ui {

class ReviewQueuePanel : public QWidget {
    Q_OBJECT
public:
    explicit ReviewQueuePanel(QWidget *parent = nullptr);
    ~ReviewQueuePanel() override;  // waits for a running build: it holds its own project connection

    // The project the queue is built from (its folder, or a server location; core's
    // buildReviewQueue opens it on a worker thread); empty empties the dock.
    void setProject(const QString &projectPath);
    // Rebuilds the queue in the background; false when no project is open. Asked while a build
    // runs (the active model changed meanwhile), it builds again once that one is done, so the
    // queue always ends on the latest state.
    bool refresh();
    // True from refresh() until the last build's result is shown.
    bool isBuilding() const { return m_building; }
    const training::ReviewQueue &queue() const { return m_queue; }

    QTableWidget *disagreements() const { return m_disagreements; }
    QTableWidget *uncertain() const { return m_uncertain; }
    QString status() const;

    static constexpr int kQueueLength = 50;

signals:
    void clipActivated(qint64 clipId);

private:
    void showQueue();
    QString clipName(qint64 clipId) const;

    QString m_projectPath;
    QLabel *m_status;
    QPushButton *m_refresh;
    QTabWidget *m_tabs;
    QTableWidget *m_disagreements;
    QTableWidget *m_uncertain;
    jobs::JobRunner *m_runner;  // the build, on the application's job queue
    bool m_building = false;
    bool m_rebuildAsked = false;
    training::ReviewQueue m_queue;
};

}  // namespace sl::ui
