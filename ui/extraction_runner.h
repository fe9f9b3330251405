#pragma once
// Runs the feature extraction job off the UI thread and reports back on it: progress, the end,
// and cancellation. The job opens its own connection to the project.
#include "core/jobs/extraction_job.h"

#include <QFutureWatcher>
#include <QObject>
#include <atomic>

namespace sl::ui {

class ExtractionRunner : public QObject {
    Q_OBJECT
public:
    explicit ExtractionRunner(QObject *parent = nullptr);
    ~ExtractionRunner() override;  // cancels and waits: the job must not outlive the window

    bool isRunning() const { return m_watcher.isRunning(); }
    // Starts extraction of the acoustic, visual and text features of every clip (transcripts
    // resolved first); false when one is running.
    // By default one core is left to the interface, so that playback and labelling stay smooth.
    bool start(const QString &projectPath, int workers = defaultWorkers());
    static int defaultWorkers();
    void cancel();
    void waitForFinished();

signals:
    void progressed(int done, int total, double etaSeconds, int failed);
    // `error` is empty when the job ran to its end (or was cancelled).
    void finished(const sl::jobs::ExtractionReport &report, const QString &error);

private:
    struct Outcome {
        jobs::ExtractionReport report;
        QString error;
    };
    QFutureWatcher<Outcome> m_watcher;
    std::atomic_bool m_cancel{false};
};

}  // namespace sl::ui
