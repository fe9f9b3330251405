#pragma once
// The Jobs dock: every job of the application's queue (core/jobs/job_queue.h), newest last, with
// its title, a progress bar with the job's latest message, its state, the error of a failed one
// (naming the file or the problem), a Cancel button while it is queued or runs, and Clear finished.
#include <QHash>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;

namespace sl::jobs {
class JobQueue;
enum class JobKind;
enum class JobState;
}

namespace sl::ui {

class JobsPanel : public QWidget {
    Q_OBJECT
public:
    enum Column { TitleColumn, ProgressColumn, StateColumn, DetailColumn, CancelColumn };

    explicit JobsPanel(jobs::JobQueue *queue, QWidget *parent = nullptr);

    jobs::JobQueue *queue() const { return m_queue; }
    QTableWidget *table() const { return m_table; }
    QPushButton *clearButton() const { return m_clear; }
    int rowOf(qint64 jobId) const;  // -1 when the job is not listed
    // The row's cancel button; null when the job has ended.
    QPushButton *cancelButton(qint64 jobId) const;
    static QString kindText(jobs::JobKind kind);
    static QString stateText(jobs::JobState state);

private:
    void addJob(qint64 id);
    void updateJob(qint64 id);
    void removeJob(qint64 id);
    void updateSummary();

    jobs::JobQueue *m_queue;
    QLabel *m_summary;
    QPushButton *m_clear;
    QTableWidget *m_table;
};

}  // namespace sl::ui
