// MainWindow's first start and ways to a project (issue 17, "Layout and first start"): the start
// page while no project is open, File > New and File > Import (in the background, through the
// import the CLI runs), the demo project, the annotator's name asked when the first label is set,
// the note on a project without features, a title that tells two projects of one name apart, and
// docks that never push the window past the screen. Its own file, so that the annotator's layout
// code in main_window.cpp stays apart.
#include "ui/main_window.h"

#include "core/common/error.h"
#include "core/session/labeling_session.h"
#include "core/store/project.h"
#include "ui/clip_table_model.h"
#include "ui/dock_layout.h"
#include "core/jobs/job_runner.h"
#include "ui/import_dialog.h"
#include "ui/new_project_dialog.h"
#include "ui/shortcut_registry.h"
#include "ui/start_page.h"

#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QLayout>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyle>
#include <QToolBar>
#include <functional>

namespace sl::ui {

namespace {
const QString kRecentNamesKey = QStringLiteral("recentProjectNames");  // folder -> project name
const QString kRecentKey = QStringLiteral("recentProjects");

// Calls `relayout` whenever a watched widget is shown, moved or resized: the menu bar and the status
// bar get their geometry only once the window is laid out, after the window's resize. (Not on
// hiding: the window hides them while it is destroyed, when its layout is already gone.)
class GeometryWatcher : public QObject {
public:
    GeometryWatcher(std::function<void()> relayout, QObject *parent) : QObject(parent), m_relayout(std::move(relayout)) {}

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        switch (event->type()) {
        case QEvent::Show:
        case QEvent::Move:
        case QEvent::Resize: m_relayout(); break;
        default: break;
        }
        return QObject::eventFilter(watched, event);
    }

private:
    std::function<void()> m_relayout;
};
}  // namespace

void MainWindow::createStartPage()
{
    const auto bind = [this](QAction *action, auto slot) { connect(action, &QAction::triggered, this, slot); };
    ShortcutRegistry &r = *m_shortcuts;
    bind(r.add(QStringLiteral("file.new"), tr("&New project…"), {QKeySequence::New}), [this] { newProject(); });
    bind(r.add(QStringLiteral("file.demo"), tr("Open the &demo project"), {}), [this] { openDemoProject(); });
    const std::pair<QString, QString> imports[] = {
        {QStringLiteral("pickle"), tr("MMSA feature &pickle (.pkl)…")},
        {QStringLiteral("csv"), tr("&label.csv…")},
        {QStringLiteral("dataset"), tr("&Dataset folder (label.csv and Raw/)…")},
        {QStringLiteral("videos"), tr("Folder of &videos…")},
    };
    for (const auto &[kind, text] : imports)
        bind(r.add(QStringLiteral("file.import.") + kind, text, {}), [this, kind = kind] { chooseImport(kind); });

    m_startPage = new StartPage(this);
    auto *watcher = new GeometryWatcher([this] { layoutStartPage(); }, this);
    menuBar()->installEventFilter(watcher);
    statusBar()->installEventFilter(watcher);
    connect(m_startPage, &StartPage::openRecentRequested, this, [this](const QString &path) { openProject(path); });
    connect(m_startPage, &StartPage::openRequested, m_shortcuts->action(QStringLiteral("file.open")), &QAction::trigger);
    connect(m_startPage, &StartPage::demoRequested, this, [this] { openDemoProject(); });
    connect(m_startPage, &StartPage::newProjectRequested, this, [this] { newProject(); });
    connect(m_startPage, &StartPage::importRequested, this, &MainWindow::chooseImport);

    // A project without features cannot be trained, predicted or explained: a note says so, with
    // the action that extracts them.
    m_featuresNote = new QToolBar(tr("Features"), this);
    m_featuresNote->setObjectName(QStringLiteral("featuresNote"));
    m_featuresNote->setMovable(false);
    auto *icon = new QLabel(m_featuresNote);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxInformation).pixmap(20, 20));
    m_featuresNote->addWidget(icon);
    auto *noteText = new QLabel(tr("This project has no features yet: training, predictions and explanations need them. "),
                                m_featuresNote);
    noteText->setToolTip(tr("From a terminal: sentilens-cli extract PROJECT"));
    m_featuresNote->addWidget(noteText);
    m_featuresNote->addAction(m_shortcuts->action(QStringLiteral("jobs.extract")));
    m_featuresNote->hide();
    connect(m_extraction, &jobs::JobRunner::finished, this, [this] { updateFeaturesNote(); });
}

void MainWindow::addStartMenus(QMenu *file)
{
    QAction *open = m_shortcuts->action(QStringLiteral("file.open"));
    file->insertAction(open, m_shortcuts->action(QStringLiteral("file.new")));
    QMenu *import = new QMenu(tr("&Import into a new project"), file);
    for (const char *kind : {"pickle", "csv", "dataset", "videos"})
        import->addAction(m_shortcuts->action(QStringLiteral("file.import.") + QLatin1String(kind)));
    file->insertMenu(open, import)->setObjectName(QStringLiteral("file.importMenu"));
    file->insertAction(open, m_shortcuts->action(QStringLiteral("file.demo")));
    file->insertSeparator(open);
}

void MainWindow::finishLayout()
{
    for (QDockWidget *dock : findChildren<QDockWidget *>())
        makeDockShrinkable(dock);
    addToolBarBreak();
    addToolBar(Qt::TopToolBarArea, m_featuresNote);
    // Laying out the docks while they were made had set the window's minimum to what their content
    // needed then (1151x907): computed again now, so that the window can be as small as the screen.
    layout()->activate();
}

void MainWindow::updateStartPage()
{
    QList<RecentProject> recent;
    const QVariantMap names = QSettings().value(kRecentNamesKey).toMap();
    for (const QString &path : QSettings().value(kRecentKey).toStringList())
        recent << RecentProject{path, names.value(path).toString()};
    m_startPage->setRecentProjects(recent);
    m_startPage->setVisible(!m_session);
    if (!m_session) {
        layoutStartPage();
        m_startPage->raise();
    }
}

void MainWindow::layoutStartPage()
{
    if (!m_startPage)
        return;
    // Over the docks, between the menu bar and the status bar.
    const int top = menuBar()->isVisible() ? menuBar()->geometry().bottom() + 1 : 0;
    const int bottom = statusBar()->isVisible() ? statusBar()->geometry().top() : height();
    m_startPage->setGeometry(0, top, width(), std::max(0, bottom - top));
}

void MainWindow::updateFeaturesNote()
{
    bool missing = false;
    try {
        missing = m_session && m_session->project().features().sets().isEmpty();
    } catch (const Error &) {
        missing = false;  // an unreadable project shows its error elsewhere
    }
    m_featuresNote->setVisible(missing);
}

QString MainWindow::projectTitle() const
{
    if (!m_session)
        return {};
    const store::Project &project = m_session->project();
    const QString folder = project.folder();
    QVariantMap names = QSettings().value(kRecentNamesKey).toMap();
    // Another project known by the same name: the folder tells them apart.
    for (auto it = names.cbegin(); it != names.cend(); ++it)
        if (it.value().toString() == project.name() && QDir::cleanPath(it.key()) != QDir::cleanPath(folder))
            return tr("%1 (%2)").arg(project.name(), QDir::toNativeSeparators(folder));
    return project.name();
}

void MainWindow::rememberProjectName()
{
    if (!m_session)
        return;
    QSettings settings;
    QVariantMap names = settings.value(kRecentNamesKey).toMap();
    names.insert(m_session->project().folder(), m_session->project().name());
    // Only the recent projects are kept (a name is known as long as its folder is listed).
    const QStringList recent = settings.value(kRecentKey).toStringList();
    for (const QString &path : names.keys())
        if (!recent.contains(path))
            names.remove(path);
    settings.setValue(kRecentNamesKey, names);
}

bool MainWindow::ensureAnnotator()
{
    if (!m_session)
        return false;
    if (m_session->hasAnnotator())
        return true;
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Who is labelling?"),
                                               tr("Your name is stored with every label you give (asked only once):"),
                                               QLineEdit::Normal, QString(), &ok)
                             .trimmed();
    if (!ok || name.isEmpty()) {
        statusBar()->showMessage(tr("No label was set: labels are kept under your name, and none was given."), 8000);
        return false;
    }
    try {
        m_session->setAnnotator(name);
    } catch (const Error &error) {
        showError(error.message());
        return false;
    }
    rememberAnnotator(name);
    reloadClips();  // the clip list now shows this annotator's own labels (and done state)
    updateTitle();
    return true;
}

bool MainWindow::createProject(const QString &folder, const QString &name, const LabelScale &scale)
{
    try {
        store::Project::create(folder, name, scale);
    } catch (const Error &error) {
        showError(error.message());
        return false;
    }
    return openProject(folder);
}

void MainWindow::newProject()
{
    // The dialog creates the project (a folder's file or a server's database) and keeps the reason
    // on screen when it cannot; here it only opens.
    NewProjectDialog dialog(this);
    if (dialog.exec() == QDialog::Accepted)
        openProject(dialog.location());
}

void MainWindow::chooseImport(const QString &kind)
{
    QString source;
    if (kind == QLatin1String("pickle"))
        source = QFileDialog::getOpenFileName(this, tr("Import an MMSA feature pickle"), {}, tr("MMSA feature pickles (*.pkl)"));
    else if (kind == QLatin1String("csv"))
        source = QFileDialog::getOpenFileName(this, tr("Import a label.csv"), {}, tr("Label files (*.csv)"));
    else if (kind == QLatin1String("dataset"))
        source = QFileDialog::getExistingDirectory(this, tr("Import a dataset folder (label.csv and Raw/)"));
    else
        source = QFileDialog::getExistingDirectory(this, tr("Import a folder of videos"));
    if (source.isEmpty())
        return;
    const QString project = QFileDialog::getSaveFileName(this, tr("Folder of the new project"), defaultImportProjectFolder(source),
                                                         {}, nullptr, QFileDialog::ShowDirsOnly);
    if (!project.isEmpty())
        importData(source, project);
}

ImportDialog *MainWindow::importData(const QString &source, const QString &projectFolder)
{
    if (m_import) {
        m_import->raise();
        statusBar()->showMessage(tr("An import is already running"), 5000);
        return nullptr;
    }
    m_import = ImportDialog::startImport(source, projectFolder, this);
    watchProjectJob(m_import);
    return m_import;
}

ImportDialog *MainWindow::openDemoProject()
{
    if (m_import) {
        m_import->raise();
        return nullptr;
    }
    const QString folder = QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation))
                               .filePath(QStringLiteral("demo-project"));
    if (store::Project::existsAt(folder) && openProject(folder))
        return nullptr;
    m_import = ImportDialog::startDemo(folder, this);
    watchProjectJob(m_import);
    return m_import;
}

void MainWindow::watchProjectJob(ImportDialog *dialog)
{
    connect(dialog, &ImportDialog::projectReady, this, [this](const QString &folder, const QString &summary) {
        if (openProject(folder))
            statusBar()->showMessage(summary, 15000);
    });
    connect(dialog, &ImportDialog::failed, this, [this](const QString &message) { m_lastError = message; });
    dialog->open();
}

}  // namespace sl::ui
