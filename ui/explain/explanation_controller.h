#pragma once
// Keeps the explanation and dataset views in step with the selected clip and the active model.
// The explanations are computed in the background (the job queue; the core stores them in the
// project, so a clip seen before comes back at once) one job at a time: the selected clip first,
// then the whole project for the dataset views. Only the latest selection is kept while a job
// runs, so clicking through clips never piles up work or freezes the window.
#include "ui/plots/explanation_plot_data.h"

#include <QHash>
#include <QObject>
#include <optional>

namespace sl::jobs {
class JobRunner;
struct JobInfo;
}

namespace sl::ui {

class ExplanationController : public QObject {
    Q_OBJECT
public:
    explicit ExplanationController(QObject *parent = nullptr);
    ~ExplanationController() override;

    // Empty: no project (the views say so). A new project or model forgets what was shown.
    void setProject(const QString &projectPath);
    void showClip(qint64 clipId);
    void refresh();  // the active model (or the features) changed
    // While disabled (no view visible) requests are only remembered; enabling runs them.
    void setEnabled(bool enabled);
    bool isEnabled() const { return m_enabled; }
    bool isBusy() const;
    void waitForIdle();  // blocks until every queued job has run (tests, closing)

    qint64 currentClip() const { return m_clip; }
    const plots::ExplanationPlots &dataset() const { return m_dataset; }

signals:
    void clipReady(const sl::plots::ClipPlots &clip);
    void datasetReady(const sl::plots::ExplanationPlots &dataset);
    void failed(const QString &message);  // no model, no features, ...
    void busyChanged(bool busy);

private:
    void startNext();
    void onFinished(const jobs::JobInfo &info, std::optional<plots::ExplanationPlots> computed);

    jobs::JobRunner *m_runner;
    QString m_path;
    qint64 m_clip = 0;
    qint64 m_shownClip = 0;  // the clip whose plots were last handed out (this generation)
    bool m_enabled = true;
    bool m_clipPending = false, m_datasetPending = false;
    bool m_running = false;  // from starting a job until its result is handled
    bool m_runningDataset = false;
    qint64 m_runningClip = 0;
    int m_generation = 0, m_runningGeneration = 0;  // results of an older project/model are dropped
    plots::ExplanationPlots m_dataset;
};

}  // namespace sl::ui
