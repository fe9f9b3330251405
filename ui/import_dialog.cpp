#include "ui/import_dialog.h"

#include "core/common/error.h"
#include "core/demo/demo_project.h"
#include "core/jobs/job_runner.h"
#include "core/jobs/project_import.h"
#include "core/store/project.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace sl::ui {

namespace {

QString stageText(const QString &stage)
{
    if (stage == QLatin1String("reading")) return ImportDialog::tr("Reading the file");
    if (stage == QLatin1String("checking")) return ImportDialog::tr("Checking every clip");
    if (stage == QLatin1String("writing")) return ImportDialog::tr("Writing the project");
    if (stage == QLatin1String("importing")) return ImportDialog::tr("Importing");
    if (stage == QLatin1String("generating")) return ImportDialog::tr("Generating the demo clips");
    return stage;
}

}  // namespace

QString defaultImportProjectFolder(const QString &source)
{
    const QFileInfo info(QDir::cleanPath(source));
    QString base = info.isDir() ? info.fileName() : info.completeBaseName();
    QDir beside = info.dir();
    if (info.isFile() && info.suffix().compare(QLatin1String("csv"), Qt::CaseInsensitive) == 0) {
        // label.csv names nothing: the dataset is the folder holding it, and the project goes beside that.
        base = info.dir().dirName();
        beside.cdUp();
    }
    return beside.filePath(base + QStringLiteral("-sentilens"));
}

ImportDialog::ImportDialog(const QString &title, const QString &description, QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("importDialog"));
    setWindowTitle(title);
    setAttribute(Qt::WA_DeleteOnClose);
    auto *layout = new QVBoxLayout(this);
    auto *what = new QLabel(description, this);
    what->setWordWrap(true);
    what->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_stage = new QLabel(this);
    m_progress = new QProgressBar(this);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("importMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_cancel = buttons->button(QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::rejected, this, &ImportDialog::reject);
    layout->addWidget(what);
    layout->addWidget(m_stage);
    layout->addWidget(m_progress);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    setMinimumWidth(520);
    m_runner = new jobs::JobRunner(this);
}

ImportDialog::~ImportDialog()
{
    // A half-made project is rolled back by the job itself; the job is not left running.
    m_runner->stop();
}

void ImportDialog::start(Job job, const QString &title)
{
    m_cancelRequested = false;
    m_running = true;
    m_error.clear();
    m_message->hide();
    m_progress->setRange(0, 0);
    m_stage->setText(tr("Starting…"));
    m_cancel->setText(tr("Cancel"));
    using Result = std::pair<QString, QString>;
    m_runner->start<Result>(
        {jobs::JobKind::Import, title.isEmpty() ? windowTitle() : title, QString()},
        [this, job = std::move(job)](jobs::JobContext &context) {
            // Progress comes from the worker thread: the dock reads the job's, the dialog gets its
            // own through post() (dropped when the dialog is gone).
            const Progress progress = [this, &context](const QString &stage, qint64 done, qint64 total) {
                context.setProgress(total > 0 ? double(done) / double(total) : 0.0, stageText(stage));
                context.post([this, stage, done, total] { showProgress(stage, done, total); });
            };
            return job(progress, *context.cancelFlag());
        },
        [this](const jobs::JobInfo &info, std::optional<Result> result) {
            const bool cancelled = m_cancelRequested || info.state == jobs::JobState::Cancelled;
            if (result && info.state == jobs::JobState::Done)
                finish(result->first, result->second, false);
            else
                finish(QString(), info.error, cancelled);
        });
}

bool ImportDialog::isRunning() const { return m_running; }

void ImportDialog::cancel()
{
    if (isRunning()) {
        m_cancelRequested = true;
        m_runner->cancel();
        m_stage->setText(tr("Cancelling…"));
        m_cancel->setEnabled(false);
    }
}

void ImportDialog::reject()
{
    if (isRunning()) {
        cancel();  // closes once the job has stopped and rolled back
        return;
    }
    QDialog::reject();
}

void ImportDialog::showProgress(const QString &stage, qint64 done, qint64 total)
{
    m_stage->setText(stageText(stage));
    if (total <= 0) {
        m_progress->setRange(0, 0);
        return;
    }
    // QProgressBar counts in int: a 4 GB file is shown in per mille.
    m_progress->setRange(0, 1000);
    m_progress->setValue(int(1000 * done / total));
}

void ImportDialog::finish(const QString &folder, const QString &text, bool cancelled)
{
    m_running = false;
    m_cancel->setEnabled(true);
    if (folder.isEmpty()) {
        m_error = text;
        m_stage->setText(cancelled ? tr("Cancelled") : tr("Failed"));
        m_progress->setRange(0, 1);
        m_progress->setValue(0);
        m_message->setText(text);
        m_message->show();
        m_cancel->setText(tr("Close"));
        emit failed(text);
        if (cancelled)
            QDialog::reject();
        return;
    }
    m_progress->setRange(0, 1);
    m_progress->setValue(1);
    emit projectReady(folder, text);
    accept();
}

ImportDialog *ImportDialog::startImport(const QString &source, const QString &projectFolder, QWidget *parent)
{
    auto *dialog = new ImportDialog(tr("Import"),
                                    tr("Importing %1\ninto the project %2")
                                        .arg(QDir::toNativeSeparators(source), QDir::toNativeSeparators(projectFolder)),
                                    parent);
    dialog->start([source, projectFolder](const Progress &progress, const std::atomic<bool> &cancel) {
        jobs::ProjectImportOptions options;
        options.progress = progress;
        options.cancel = &cancel;
        const jobs::ProjectImportResult result = jobs::importIntoProject(projectFolder, source, options);
        if (!result.report.committed)
            throw Error(jobs::describeImportProblems(result.report));
        QString summary = tr("Imported %1 clip(s) and %2 label(s) from %3")
                              .arg(result.report.clipsImported)
                              .arg(result.report.labelsImported)
                              .arg(QDir::toNativeSeparators(source));
        if (!result.report.skipped.isEmpty())
            summary += tr("; skipped %1").arg(result.report.skipped.size());
        return std::make_pair(result.projectFolder, summary);
    }, tr("Import %1").arg(QFileInfo(source).fileName()));
    return dialog;
}

ImportDialog *ImportDialog::startDemo(const QString &projectFolder, QWidget *parent)
{
    auto *dialog = new ImportDialog(tr("Demo project"),
                                    tr("Preparing the demo project in %1 (generated the first time, about a minute; "
                                       "opened at once afterwards)")
                                        .arg(QDir::toNativeSeparators(projectFolder)),
                                    parent);
    dialog->start([projectFolder](const Progress &progress, const std::atomic<bool> &cancel) {
        // The generator cannot stop half-way; a cancel is honoured when it is done (nothing opens).
        const demo::DemoProjectResult result = demo::buildDemoProject(
            projectFolder, demo::DemoOptions{}, false,
            [&progress](int done, int total) { progress(QStringLiteral("generating"), done, total); });
        if (cancel.load())
            throw Error(tr("Cancelled; the demo project is ready in %1 and opens at once next time")
                            .arg(QDir::toNativeSeparators(result.project->folder())));
        return std::make_pair(result.project->folder(), tr("Demo project with %1 clips").arg(result.clipCount));
    }, tr("Demo project in %1").arg(QDir::toNativeSeparators(projectFolder)));
    return dialog;
}

}  // namespace sl::ui
