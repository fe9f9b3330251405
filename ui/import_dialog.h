#pragma once
// A project made in the background, with progress and cancel: an import (File > Import, through
// core/jobs/project_import.h, the code `sentilens-cli import` runs) or the demo project. When it is
// done the dialog announces the project's folder, and the window opens it.
#include <QDialog>
#include <atomic>
#include <functional>
#include <memory>

class QLabel;
class QProgressBar;
class QPushButton;

namespace sl::jobs {
class JobRunner;
}

namespace sl::ui {

class ImportDialog : public QDialog {
    Q_OBJECT
public:
    // What the job reports on the way: a stage, work done and total (0 when unknown).
    using Progress = std::function<void(const QString &stage, qint64 done, qint64 total)>;
    // Runs on a worker thread; returns the project's folder and a summary, or throws sl::Error.
    using Job = std::function<std::pair<QString, QString>(const Progress &progress, const std::atomic<bool> &cancel)>;

    ImportDialog(const QString &title, const QString &description, QWidget *parent = nullptr);
    ~ImportDialog() override;

    // Imports `source` (what `sentilens-cli import` takes) into `projectFolder`.
    static ImportDialog *startImport(const QString &source, const QString &projectFolder, QWidget *parent);
    // Builds (or reuses) the demo project in `projectFolder`.
    static ImportDialog *startDemo(const QString &projectFolder, QWidget *parent);

    // Runs the job on the application's job queue (listed in the Jobs dock as `title`; the
    // dialog's title when empty).
    void start(Job job, const QString &title = QString());
    // From start() until the result is handled (the project announced, or the error shown).
    bool isRunning() const;
    void cancel();
    // The error of a failed job (shown in the dialog), empty otherwise.
    QString error() const { return m_error; }

signals:
    void projectReady(const QString &projectFolder, const QString &summary);
    void failed(const QString &message);

protected:
    void reject() override;  // Esc and the close button cancel a running job first

private:
    void showProgress(const QString &stage, qint64 done, qint64 total);
    void finish(const QString &folder, const QString &text, bool cancelled);

    QLabel *m_stage = nullptr;
    QLabel *m_message = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_cancel = nullptr;
    jobs::JobRunner *m_runner = nullptr;
    bool m_cancelRequested = false;
    QString m_error;
    bool m_running = false;
};

// The project folder an import of `source` goes to by default: "<name>-sentilens" beside it, where
// name is the file's base name, or the folder's name (for label.csv, the folder holding it).
QString defaultImportProjectFolder(const QString &source);

}  // namespace sl::ui
