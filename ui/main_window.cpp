#include "ui/main_window.h"

#include "core/common/error.h"
#include "core/common/number_format.h"
#include "core/session/labeling_session.h"
#include "ui/clip_browser.h"
#include "ui/clip_table_model.h"
#include "ui/dock_layout.h"
#include "ui/jobs_panel.h"
#include "core/session/clip_timeline.h"
#include "ui/history_view.h"
#include "core/session/edit_history.h"
#include "core/jobs/job_runner.h"
#include "ui/help_overlay.h"
#include "ui/label_editor.h"
#include "ui/language.h"
#include "ui/model_panel.h"
#include "ui/open_server_dialog.h"
#include "ui/pending_labels.h"
#include "ui/player/palette_icons.h"
#include "ui/player/player_widget.h"
#include "ui/shortcut_dialog.h"
#include "ui/shortcut_registry.h"
#include "ui/speech_model_dialog.h"
#include "ui/text_encoder_dialog.h"
#include "ui/transcript_view.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QTimer>
#include <QStatusBar>
#include <QStyle>
#include <QTableView>
#include <QToolBar>
#include <cmath>

namespace sl::ui {

namespace {
const QString kRecentKey = QStringLiteral("recentProjects");
const QString kStateKey = QStringLiteral("window/state");
const QString kGeometryKey = QStringLiteral("window/geometry");
const QString kAnnotatorKey = QStringLiteral("annotator/name");
const QString kThemeKey = QStringLiteral("ui/theme");
const QString kAutoPlayKey = QStringLiteral("labelling/autoPlay");
const QString kAutoAdvanceKey = QStringLiteral("labelling/autoAdvance");
constexpr int kStateVersion = 1;
constexpr int kMaxRecent = 8;
}  // namespace

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    setObjectName(QStringLiteral("SentiLensMainWindow"));
    setDockNestingEnabled(true);
    m_extraction = new jobs::JobRunner(this);
    m_prediction = new jobs::JobRunner(this);
    m_shortcuts = new ShortcutRegistry(this);
    createDocks();
    createActions();
    createWorkbench();
    createJobsDock();
    createExplanationDocks();
    createStartPage();
    createMenus();
    createStatusBar();
    m_help = new HelpOverlay(*m_shortcuts, this);
    finishLayout();
    m_defaultState = saveState(kStateVersion);
    const QSettings settings;
    restoreGeometry(settings.value(kGeometryKey).toByteArray());
    restoreState(settings.value(kStateKey).toByteArray(), kStateVersion);
    // The layout is saved as it changes, a second after the last move, and not only on a clean
    // quit: a crash or a kill used to lose it (issue 18, defect 4).
    m_layoutSaver = new QTimer(this);
    m_layoutSaver->setSingleShot(true);
    m_layoutSaver->setInterval(1000);
    connect(m_layoutSaver, &QTimer::timeout, this, &MainWindow::saveLayout);
    for (QDockWidget *dock : findChildren<QDockWidget *>()) {
        const auto changed = [this] { m_layoutSaver->start(); };
        connect(dock, &QDockWidget::dockLocationChanged, this, changed);
        connect(dock, &QDockWidget::topLevelChanged, this, changed);
        connect(dock, &QDockWidget::visibilityChanged, this, changed);
    }
    setTheme(themeFromName(settings.value(kThemeKey).toString()));
    m_autoPlay = settings.value(kAutoPlayKey, false).toBool();
    m_autoAdvance = settings.value(kAutoAdvanceKey, false).toBool();
    m_shortcuts->action(QStringLiteral("label.autoPlay"))->setChecked(m_autoPlay);
    m_shortcuts->action(QStringLiteral("label.autoAdvance"))->setChecked(m_autoAdvance);
    updateTitle();
    updateRecentMenu();
}

MainWindow::~MainWindow()
{
    m_historyView->setHistory(nullptr, {});  // the history goes with the session
}

void MainWindow::createDocks()
{
    m_model = new ClipTableModel(this);
    m_browser = new ClipBrowser(m_model, this);
    m_player = new PlayerWidget(this);
    m_transcript = new TranscriptView(this);
    m_labels = new LabelEditor(this);
    m_modelPanel = new ModelPanel(this);
    m_historyView = new HistoryView(this);
    connect(m_historyView, &HistoryView::retranslated, this, [this] { updateUndoActions(); });

    const auto addDock = [this](QWidget *widget, const QString &title, const QString &name, Qt::DockWidgetArea area) {
        auto *dock = new QDockWidget(title, this);
        dock->setObjectName(name);
        dock->setWidget(widget);
        addDockWidget(area, dock);
        m_docks << dock;
        return dock;
    };
    addDock(m_browser, tr("Clips"), QStringLiteral("clipsDock"), Qt::LeftDockWidgetArea);
    QDockWidget *player = addDock(m_player, tr("Player"), QStringLiteral("playerDock"), Qt::RightDockWidgetArea);
    m_transcriptDock = addDock(m_transcript, tr("Transcript"), QStringLiteral("transcriptDock"), Qt::RightDockWidgetArea);
    QDockWidget *labels = addDock(m_labels, tr("Labels"), QStringLiteral("labelsDock"), Qt::RightDockWidgetArea);
    QDockWidget *model = addDock(m_modelPanel, tr("Model"), QStringLiteral("modelDock"), Qt::RightDockWidgetArea);
    QDockWidget *history = addDock(m_historyView, tr("History"), QStringLiteral("historyDock"), Qt::RightDockWidgetArea);
    splitDockWidget(player, labels, Qt::Horizontal);
    splitDockWidget(player, m_transcriptDock, Qt::Vertical);
    splitDockWidget(labels, model, Qt::Vertical);
    tabifyDockWidget(model, history);
    model->raise();
    resizeDocks({m_docks.first(), player, labels}, {420, 640, 300}, Qt::Horizontal);
    resizeDocks({player, m_transcriptDock}, {560, 160}, Qt::Vertical);
    // QMainWindow needs a central widget; the docks hold everything, so it stays empty and small.
    auto *central = new QWidget(this);
    central->setMaximumSize(0, 0);
    setCentralWidget(central);

    connect(m_browser, &ClipBrowser::currentClipChanged, this, &MainWindow::showClip);
    connect(m_labels, &LabelEditor::labelEditRequested, this, &MainWindow::requestLabel);
    connect(m_labels, &LabelEditor::keyLeftScale, this, [this](Target target, double value) {
        statusBar()->showMessage(tr("%1 stops at %2: the scale goes from %3 to %4")
                                     .arg(targetName(target), formatLabelValue(value),
                                          formatLabelValue(m_session->scale().minimum()), formatLabelValue(m_session->scale().maximum())),
                                 5000);
    });
    connect(m_transcript, &TranscriptView::transcriptEditRequested, this, &MainWindow::requestTranscript);
    connect(m_player, &PlayerWidget::positionChanged, m_transcript, &TranscriptView::setPosition);
    connect(m_player, &PlayerWidget::errorOccurred, this,
            [this](const QString &message) { statusBar()->showMessage(message, 10000); });
}

void MainWindow::createActions()
{
    using Keys = QList<QKeySequence>;
    ShortcutRegistry &r = *m_shortcuts;
    const auto bind = [this](QAction *action, auto slot) { connect(action, &QAction::triggered, this, slot); };

    bind(r.add(QStringLiteral("file.open"), tr("&Open project…"), {QKeySequence::Open}), [this] {
        const QString folder = QFileDialog::getExistingDirectory(this, tr("Open SentiLens project"));
        if (!folder.isEmpty())
            openProject(folder);
    });
    bind(r.add(QStringLiteral("file.openServer"), tr("Open &server project…"), {}), [this] {
        OpenServerDialog dialog(this);
        if (dialog.exec() == QDialog::Accepted)
            openProject(dialog.url());
    });
    bind(r.add(QStringLiteral("file.close"), tr("&Close project"), {QKeySequence(Qt::CTRL | Qt::Key_W)}), [this] { closeProject(); });
    bind(r.add(QStringLiteral("file.quit"), tr("&Quit"), {QKeySequence::Quit}), [this] { close(); });

    // The history is the session's (core/session/edit_history.h); these only call it.
    QAction *undo = m_undoAction = new QAction(tr("&Undo"), this);
    undo->setShortcuts(Keys{QKeySequence::Undo});
    connect(undo, &QAction::triggered, this, &MainWindow::undo);
    QAction *redo = m_redoAction = new QAction(tr("&Redo"), this);
    connect(redo, &QAction::triggered, this, &MainWindow::redo);
    // QKeySequence::Redo is Ctrl+Shift+Z on Linux: listing both made the key ambiguous, and an
    // ambiguous shortcut does nothing (issue 17). Each key once, Ctrl+Y too.
    Keys redoKeys{QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z)};
    for (const QKeySequence &key : QKeySequence::keyBindings(QKeySequence::Redo) + Keys{QKeySequence(Qt::CTRL | Qt::Key_Y)})
        if (!redoKeys.contains(key))
            redoKeys << key;
    redo->setShortcuts(redoKeys);
    undo->setObjectName(QStringLiteral("edit.undo"));
    redo->setObjectName(QStringLiteral("edit.redo"));
    addAction(undo);
    addAction(redo);
    updateUndoActions();
    bind(r.add(QStringLiteral("edit.applyToSelection"), tr("Set this label on the &selected clips"), {}),
         [this] { applyLabelToSelection(); });
    bind(r.add(QStringLiteral("edit.transcript"), tr("&Edit transcript"), {QKeySequence(Qt::Key_F2)}),
         [this] { m_transcript->startEditing(); });
    bind(r.add(QStringLiteral("edit.language"), tr("Set clip &language…"), {}), [this] { askClipLanguage(); });
    bind(r.add(QStringLiteral("edit.shortcuts"), tr("&Keyboard shortcuts…"), {}), [this] {
        ShortcutDialog dialog(*m_shortcuts, this);
        dialog.exec();
    });

    bind(r.add(QStringLiteral("go.next"), tr("&Next clip"), {QKeySequence(Qt::Key_PageDown), QKeySequence(Qt::Key_J)}),
         [this] { m_browser->selectNext(1); });
    bind(r.add(QStringLiteral("go.previous"), tr("&Previous clip"), {QKeySequence(Qt::Key_PageUp), QKeySequence(Qt::Key_K)}),
         [this] { m_browser->selectNext(-1); });
    bind(r.add(QStringLiteral("go.unlabelled"), tr("Next &unlabelled clip"), {QKeySequence(Qt::Key_U)}),
         [this] { nextUnlabelled(); });
    bind(r.add(QStringLiteral("go.disagreement"), tr("Next &disagreement"), {QKeySequence(Qt::Key_D)}),
         [this] { nextDisagreement(); });
    bind(r.add(QStringLiteral("go.back"), tr("&Back to the clip before"), {QKeySequence(Qt::ALT | Qt::Key_Left), QKeySequence(Qt::Key_B)}),
         [this] { goBack(); });
    bind(r.add(QStringLiteral("go.search"), tr("&Search clips"), {QKeySequence::Find}), [this] { m_browser->focusSearch(); });

    bind(r.add(QStringLiteral("play.toggle"), tr("&Play / pause"), {QKeySequence(Qt::Key_Space)}), [this] { m_player->togglePlay(); });
    bind(r.add(QStringLiteral("play.frameForward"), tr("Frame &forward"), {QKeySequence(Qt::Key_Period)}), [this] { m_player->stepFrames(1); });
    bind(r.add(QStringLiteral("play.frameBack"), tr("Frame &back"), {QKeySequence(Qt::Key_Comma)}), [this] { m_player->stepFrames(-1); });
    bind(r.add(QStringLiteral("play.seekForward"), tr("Seek 1 s forward"), {QKeySequence(Qt::Key_Right)}), [this] { m_player->seekBy(1000); });
    bind(r.add(QStringLiteral("play.seekBack"), tr("Seek 1 s back"), {QKeySequence(Qt::Key_Left)}), [this] { m_player->seekBy(-1000); });
    bind(r.add(QStringLiteral("play.seekForwardLong"), tr("Seek 5 s forward"), {QKeySequence(Qt::SHIFT | Qt::Key_Right)}), [this] { m_player->seekBy(5000); });
    bind(r.add(QStringLiteral("play.seekBackLong"), tr("Seek 5 s back"), {QKeySequence(Qt::SHIFT | Qt::Key_Left)}), [this] { m_player->seekBy(-5000); });
    bind(r.add(QStringLiteral("play.restart"), tr("Back to the start"), {QKeySequence(Qt::Key_Home)}), [this] { m_player->seekTo(0); });
    bind(r.add(QStringLiteral("play.faster"), tr("Faster"), {QKeySequence(Qt::Key_BracketRight)}),
         [this] { m_player->setSpeed(std::min(2.0, m_player->speed() + 0.25)); });
    bind(r.add(QStringLiteral("play.slower"), tr("Slower"), {QKeySequence(Qt::Key_BracketLeft)}),
         [this] { m_player->setSpeed(std::max(0.5, m_player->speed() - 0.25)); });
    bind(r.add(QStringLiteral("play.loop"), tr("&Loop clip"), {QKeySequence(Qt::Key_L)}), [this] { m_player->setLoop(!m_player->isLooping()); });
    bind(r.add(QStringLiteral("play.mute"), tr("&Mute"), {QKeySequence(Qt::CTRL | Qt::Key_M)}), [this] { m_player->setMuted(!m_player->isAudioMuted()); });

    bind(r.add(QStringLiteral("label.nextTarget"), tr("Next target"), {QKeySequence(Qt::Key_Tab)}), [this] { m_labels->nextTarget(1); });
    bind(r.add(QStringLiteral("label.previousTarget"), tr("Previous target"), {QKeySequence(Qt::SHIFT | Qt::Key_Backtab), QKeySequence(Qt::Key_Backtab)}),
         [this] { m_labels->nextTarget(-1); });

    // Label keys are window shortcuts (not only keys of the editor), so they work whatever has the
    // focus, except while typing in the search field or the transcript editor.
    using session::LabelKeyAction;
    for (int digit = 0; digit <= 9; ++digit)
        bind(r.add(QStringLiteral("label.digit%1").arg(digit), tr("Set label size %1").arg(digit),
                   {QKeySequence(Qt::Key(Qt::Key_0 + digit))}),
             [this, digit] {
                 m_labels->applyKey(LabelKeyAction::Digit, digit);
                 afterDigit();
             });
    bind(r.add(QStringLiteral("label.up"), tr("Label up one unit"), {QKeySequence(Qt::Key_Plus), QKeySequence(Qt::Key_Equal)}),
         [this] { m_labels->applyKey(LabelKeyAction::StepUp); });
    bind(r.add(QStringLiteral("label.down"), tr("Label down one unit"), {QKeySequence(Qt::Key_Minus)}),
         [this] { m_labels->applyKey(LabelKeyAction::StepDown); });
    bind(r.add(QStringLiteral("label.fineUp"), tr("Label up a fine step"), {QKeySequence(Qt::ALT | Qt::Key_Plus), QKeySequence(Qt::ALT | Qt::Key_Equal)}),
         [this] { m_labels->applyKey(LabelKeyAction::FineUp); });
    bind(r.add(QStringLiteral("label.fineDown"), tr("Label down a fine step"), {QKeySequence(Qt::ALT | Qt::Key_Minus)}),
         [this] { m_labels->applyKey(LabelKeyAction::FineDown); });
    bind(r.add(QStringLiteral("label.negate"), tr("Flip the label's sign"), {QKeySequence(Qt::Key_N)}),
         [this] { m_labels->applyKey(LabelKeyAction::Negate); });
    bind(r.add(QStringLiteral("label.clear"), tr("Clear the label"), {QKeySequence(Qt::Key_Delete)}),
         [this] { m_labels->applyKey(LabelKeyAction::Clear); });
    QAction *autoPlay = r.add(QStringLiteral("label.autoPlay"), tr("Auto-&play each clip"), {});
    autoPlay->setCheckable(true);
    connect(autoPlay, &QAction::toggled, this, &MainWindow::setAutoPlay);
    QAction *autoAdvance = r.add(QStringLiteral("label.autoAdvance"), tr("Auto-&advance after each digit"), {});
    autoAdvance->setCheckable(true);
    connect(autoAdvance, &QAction::toggled, this, &MainWindow::setAutoAdvance);
    m_blindAction = r.add(QStringLiteral("label.blind"), tr("Label &blind (this project)"), {});
    m_blindAction->setCheckable(true);
    m_blindAction->setEnabled(false);
    m_blindAction->setToolTip(tr("Hide other annotators' and the model's labels while labelling"));
    connect(m_blindAction, &QAction::triggered, this, &MainWindow::setBlind);

    m_reviewGroup = new QActionGroup(this);
    const std::pair<ReviewMode, QString> modes[] = {{ReviewMode::All, tr("Review: &all modalities")},
                                                    {ReviewMode::TextOnly, tr("Review: &text only")},
                                                    {ReviewMode::AudioOnly, tr("Review: a&udio only")},
                                                    {ReviewMode::VideoOnly, tr("Review: &video only")}};
    int number = 1;
    for (const auto &[mode, text] : modes) {
        QAction *action = r.add(QStringLiteral("review.%1").arg(number), text,
                                {QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_0 + number))});
        action->setCheckable(true);
        action->setChecked(mode == ReviewMode::All);
        action->setData(int(mode));
        m_reviewGroup->addAction(action);
        connect(action, &QAction::triggered, this, [this, mode = mode] { setReviewMode(mode); });
        ++number;
    }

    bind(r.add(QStringLiteral("jobs.extract"), tr("E&xtract features"), {QKeySequence(Qt::CTRL | Qt::Key_E)}),
         [this] { startExtraction(); });
    bind(r.add(QStringLiteral("jobs.predict"), tr("&Predict with the active model"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P)}),
         [this] { startPrediction(); });
    bind(r.add(QStringLiteral("jobs.cancel"), tr("&Cancel the running job"), {}), [this] { m_extraction->cancel(); });
    bind(r.add(QStringLiteral("jobs.textEncoder"), tr("&Text encoder…"), {}), [this] {
        if (m_session)
            TextEncoderDialog(m_session->project().folder(), this).exec();
    });
    bind(r.add(QStringLiteral("jobs.speechModel"), tr("&Speech recogniser…"), {}), [this] {
        if (m_session)
            SpeechModelDialog(m_session->project().folder(), this).exec();
    });

    bind(r.add(QStringLiteral("help.keys"), tr("Keyboard &help"), {QKeySequence(Qt::Key_F1), QKeySequence(Qt::Key_Question)}),
         [this] { m_help->showOver(this); });
    bind(r.add(QStringLiteral("view.resetLayout"), tr("&Reset layout"), {}), [this] { resetLayout(); });
    bind(r.add(QStringLiteral("view.present"), tr("&Presentation mode"), {QKeySequence(Qt::Key_F11)}), [this] { enterPresentation(); });
}

void MainWindow::createMenus()
{
    const auto act = [this](const char *id) { return m_shortcuts->action(QString::fromLatin1(id)); };
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(act("file.open"));
    file->addAction(act("file.openServer"));
    m_recentMenu = file->addMenu(tr("Open &recent"));
    addStartMenus(file);
    file->addAction(act("file.close"));
    file->addSeparator();
    file->addAction(act("file.quit"));

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(findChild<QAction *>(QStringLiteral("edit.undo")));
    edit->addAction(findChild<QAction *>(QStringLiteral("edit.redo")));
    edit->addSeparator();
    edit->addAction(act("edit.applyToSelection"));
    edit->addAction(act("edit.transcript"));
    edit->addAction(act("edit.language"));
    edit->addAction(act("edit.shortcuts"));

    QMenu *go = menuBar()->addMenu(tr("&Go"));
    for (const char *id : {"go.next", "go.previous", "go.unlabelled", "go.disagreement", "go.back", "go.search"})
        go->addAction(act(id));

    QMenu *playback = menuBar()->addMenu(tr("&Playback"));
    for (const char *id : {"play.toggle", "play.frameForward", "play.frameBack", "play.seekForward", "play.seekBack",
                           "play.seekForwardLong", "play.seekBackLong", "play.restart", "play.faster", "play.slower",
                           "play.loop", "play.mute"})
        playback->addAction(act(id));

    QMenu *review = menuBar()->addMenu(tr("&Review"));
    review->addActions(m_reviewGroup->actions());

    QMenu *jobs = menuBar()->addMenu(tr("&Jobs"));
    jobs->addAction(act("jobs.extract"));
    jobs->addAction(act("jobs.train"));
    jobs->addAction(act("jobs.predict"));
    jobs->addAction(act("jobs.cancel"));
    jobs->addSeparator();
    jobs->addAction(act("jobs.textEncoder"));
    jobs->addAction(act("jobs.speechModel"));
    jobs->addSeparator();
    jobs->addAction(dockOf(m_jobsPanel)->toggleViewAction());

    QMenu *view = menuBar()->addMenu(tr("&View"));
    for (QDockWidget *dock : m_docks)
        view->addAction(dock->toggleViewAction());
    view->addSeparator();
    view->addAction(act("label.autoPlay"));
    view->addAction(act("label.autoAdvance"));
    view->addAction(act("label.blind"));
    view->addSeparator();
    view->addAction(act("view.present"));
    QMenu *theme = view->addMenu(tr("&Theme"));
    auto *themes = new QActionGroup(this);
    const std::pair<Theme, QString> choices[] = {{Theme::System, tr("&System")}, {Theme::Light, tr("&Light")}, {Theme::Dark, tr("&Dark")}};
    for (const auto &[value, text] : choices) {
        QAction *action = theme->addAction(text);
        action->setCheckable(true);
        action->setChecked(themeFromName(QSettings().value(kThemeKey).toString()) == value);
        themes->addAction(action);
        connect(action, &QAction::triggered, this, [this, value = value] { setTheme(value); });
    }
    QMenu *language = view->addMenu(tr("&Language"));
    auto *languages = new QActionGroup(this);
    const std::pair<QString, QString> languageChoices[] = {
        {QString(), tr("System default")}, {QStringLiteral("en"), QStringLiteral("English")},
        {QStringLiteral("zh_CN"), QStringLiteral("简体中文")}};
    for (const auto &[code, text] : languageChoices) {
        QAction *action = language->addAction(text);
        action->setCheckable(true);
        action->setChecked(chosenLanguage() == code);
        languages->addAction(action);
        // Applies at once: installing the translation sends every window a LanguageChange event.
        connect(action, &QAction::triggered, this, [code = code] {
            chooseLanguage(code);
            installTranslations(*qApp, code);
        });
    }
    view->addAction(act("view.resetLayout"));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(act("help.keys"));

    QToolBar *toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolbar"));
    QAction *open = act("file.open");
    setPaletteIcon(open, *this, QStyle::SP_DialogOpenButton);
    toolbar->addAction(open);
    QAction *undo = findChild<QAction *>(QStringLiteral("edit.undo"));
    setPaletteIcon(undo, *this, QStyle::SP_ArrowBack);
    QAction *redo = findChild<QAction *>(QStringLiteral("edit.redo"));
    setPaletteIcon(redo, *this, QStyle::SP_ArrowForward);
    toolbar->addAction(undo);
    toolbar->addAction(redo);
    toolbar->addSeparator();
    QAction *unlabelled = act("go.unlabelled");
    setPaletteIcon(unlabelled, *this, QStyle::SP_MediaSkipForward);  // a dark glyph: drawn light in the dark theme
    toolbar->addAction(unlabelled);
    toolbar->addSeparator();
    toolbar->addActions(m_reviewGroup->actions());
    QAction *helpAction = act("help.keys");
    setPaletteIcon(helpAction, *this, QStyle::SP_MessageBoxQuestion);
    toolbar->addAction(helpAction);
}

void MainWindow::createStatusBar()
{
    m_projectLabel = new QLabel(this);
    m_annotatorLabel = new QLabel(this);
    m_savedLabel = new QLabel(this);
    m_jobProgress = new QProgressBar(this);
    m_jobProgress->setMaximumWidth(200);
    m_jobProgress->hide();
    m_cancelJob = new QPushButton(tr("Cancel"), this);
    m_cancelJob->hide();
    statusBar()->addPermanentWidget(m_jobProgress);
    statusBar()->addPermanentWidget(m_cancelJob);
    connect(m_cancelJob, &QPushButton::clicked, m_extraction, &jobs::JobRunner::cancel);
    statusBar()->addPermanentWidget(m_savedLabel);
    statusBar()->addPermanentWidget(m_annotatorLabel);
    statusBar()->addPermanentWidget(m_projectLabel);
}

QString MainWindow::rememberedAnnotator() { return QSettings().value(kAnnotatorKey).toString(); }

void MainWindow::rememberAnnotator(const QString &name)
{
    if (!name.trimmed().isEmpty())
        QSettings().setValue(kAnnotatorKey, name.trimmed());
}

bool MainWindow::openProject(const QString &path, const QString &annotator)
{
    // Without a name the project opens for browsing; the first label asks for one (ensureAnnotator).
    const QString name = annotator.trimmed().isEmpty() ? rememberedAnnotator() : annotator.trimmed();
    std::unique_ptr<session::LabelingSession> session;
    try {
        session = std::make_unique<session::LabelingSession>(store::Project::open(path), name);
    } catch (const Error &error) {
        showError(error.message());
        return false;
    }
    closeProject();
    rememberAnnotator(name);
    m_session = std::move(session);
    connect(m_session.get(), &session::LabelingSession::labelChanged, this, &MainWindow::onLabelChanged);
    connect(&m_session->history(), &session::EditHistory::changed, this, &MainWindow::updateUndoActions);
    m_historyView->setHistory(&m_session->history(), [this](const QString &message) { showError(message); });
    updateUndoActions();
    new PendingLabelsView(*this, *m_session);  // labels waiting for another program's write lock
    connect(m_session.get(), &session::LabelingSession::transcriptChanged, this, [this](qint64 clipId, const QString &text) {
        m_model->updateTranscript(clipId, text);
        if (clipId == m_currentClip)
            showClip(clipId);
    });
    try {
        m_model->setClips(m_session->loadOverview(), m_session->referenceAnnotatorName());
    } catch (const Error &error) {
        showError(error.message());
    }
    m_labels->setScale(m_session->scale());
    m_labels->setReferenceName(m_session->referenceAnnotatorName());
    m_browser->setReferenceName(m_session->referenceAnnotatorName());
    QList<QPair<qint64, QString>> annotators;
    try {
        for (const store::Annotator &annotator : m_session->project().annotators().list())
            annotators << qMakePair(annotator.id, annotator.name);
    } catch (const Error &error) {
        showError(error.message());
    }
    m_browser->setAnnotators(annotators);
    showAnnotatorBatch();
    m_modelPanel->setHasModel(m_session->activeModelId() != 0);
    setWorkbenchProject(&m_session->project());
    setExplanationProject(m_session->project().folder());
    addRecentProject(m_session->project().folder());
    updateTitle();
    applyBlind();
    m_browser->selectNext(1);
    m_labels->setFocus();
    return true;
}

void MainWindow::closeProject()
{
    if (m_session)
        settlePendingLabels(this, *m_session, false);  // labels typed while another program wrote
    stopJobs();
    m_player->setClip({});
    m_transcript->clear();
    m_labels->showClip(nullptr);
    m_modelPanel->showClip(nullptr);
    m_historyView->setHistory(nullptr, {});
    m_model->setClips({}, {});
    m_visited.clear();
    m_currentClip = 0;
    setWorkbenchProject(nullptr);
    setExplanationProject({});
    m_session.reset();
    updateUndoActions();
    applyBlind();
    updateTitle();
}

void MainWindow::updateTitle()
{
    rememberProjectName();
    updateStartPage();
    updateFeaturesNote();
    if (!m_session) {
        setWindowTitle(tr("SentiLens"));
        m_projectLabel->setText(tr("No project"));
        m_annotatorLabel->clear();
        m_savedLabel->clear();
        return;
    }
    const store::Project &project = m_session->project();
    setWindowTitle(tr("%1 — SentiLens").arg(projectTitle()));
    m_projectLabel->setText(tr("Project: %1 (%2)").arg(project.name(), project.labelScale().name()));
    m_annotatorLabel->setText(m_session->hasAnnotator() ? tr("Annotator: %1").arg(m_session->annotator().name)
                                                        : tr("Browsing (your name is asked at the first label)"));
    m_savedLabel->setText(tr("All labels saved"));
}

void MainWindow::showClip(qint64 clipId)
{
    if (m_currentClip != 0 && m_currentClip != clipId && (m_visited.isEmpty() || m_visited.last() != m_currentClip))
        m_visited << m_currentClip;
    m_currentClip = clipId;
    showExplanations(clipId);
    const int row = m_model->rowOfClip(clipId);
    const store::ClipOverview *overview = m_model->clipAt(row);
    m_labels->showClip(overview);
    m_labels->setCurrentTarget(m_labels->firstTarget());  // every clip starts on the first target
    m_modelPanel->showClip(m_session && m_session->isBlind() ? nullptr : overview);
    if (!overview || !m_session) {
        m_player->setClip({});
        m_transcript->clear();
        return;
    }
    QList<store::TranscriptCueRecord> cues;
    try {
        cues = m_session->cues(clipId);
    } catch (const Error &error) {
        showError(error.message());
    }
    m_transcript->showTranscript(overview->transcript, overview->transcriptSource, cues);
    const QString mediaFile = m_session->project().absolutePath(overview->mediaPath);
    if (mediaFile.isEmpty())
        m_player->setClipWithoutMedia();
    else
        m_player->setClip(mediaFile);
    if (m_autoPlay && !mediaFile.isEmpty())
        m_player->play();
    showTimeline(clipId, mediaFile);
}

void MainWindow::showTimeline(qint64 clipId, const QString &mediaFile)
{
    try {
        const session::ClipTimeline timeline = session::loadClipTimeline(m_session->project(), clipId);
        QList<TimelineCurve> curves;
        for (const session::TimelineSeries &series : timeline.curves)
            curves << TimelineCurve{series.name, series.times, series.values,
                                    series.fromAudio ? CurveSource::Audio : CurveSource::Video};
        m_player->setCurves(curves);
        m_player->setFaceBoxes(timeline.faceTimes, timeline.faceBoxes);
    } catch (const Error &error) {
        statusBar()->showMessage(error.message(), 10000);
    }
    loadWaveform(clipId, mediaFile);
}

void MainWindow::onExtractionFinished(const QString &summary, const QString &error)
{
    m_jobProgress->hide();
    m_cancelJob->hide();
    if (!error.isEmpty()) {
        showError(error);
        return;
    }
    statusBar()->showMessage(summary, 15000);
    reloadClips();
}

void MainWindow::reloadClips()
{
    if (!m_session)
        return;
    const qint64 current = m_currentClip;
    try {
        m_model->setClips(m_session->loadOverview(), m_session->referenceAnnotatorName());
    } catch (const Error &error) {
        showError(error.message());
        return;
    }
    showAnnotatorBatch();
    if (current != 0 && !m_browser->selectClip(current))
        m_browser->selectNext(1);
}

void MainWindow::requestLabel(Target target, std::optional<double> value)
{
    if (!m_session || m_currentClip == 0 || !ensureAnnotator())
        return;
    const store::ClipOverview *clip = m_model->clipAt(m_model->rowOfClip(m_currentClip));
    if (!clip)
        return;
    // The history reads the value it replaces from the store, not from this table's copy.
    try {
        m_session->history().setLabel(m_currentClip, target, value);
    } catch (const Error &error) {
        showError(error.message());
    }
}

void MainWindow::requestTranscript(const QString &text)
{
    if (!m_session || m_currentClip == 0)
        return;
    try {
        m_session->history().setTranscript(m_currentClip, text);
    } catch (const Error &error) {
        showError(error.message());
    }
}

session::EditHistory *MainWindow::editHistory() const { return m_session ? &m_session->history() : nullptr; }

void MainWindow::undo()
{
    try {
        if (m_session)
            m_session->history().undo();
    } catch (const Error &error) {
        showError(error.message());
    }
}

void MainWindow::redo()
{
    try {
        if (m_session)
            m_session->history().redo();
    } catch (const Error &error) {
        showError(error.message());
    }
}

void MainWindow::updateUndoActions()
{
    const session::EditHistory *history = editHistory();
    const bool canUndo = history && history->canUndo(), canRedo = history && history->canRedo();
    m_undoAction->setEnabled(canUndo);
    m_redoAction->setEnabled(canRedo);
    m_undoAction->setText(canUndo ? tr("&Undo %1").arg(editStepText(history->step(history->index() - 1))) : tr("&Undo"));
    m_redoAction->setText(canRedo ? tr("&Redo %1").arg(editStepText(history->step(history->index()))) : tr("&Redo"));
}

int MainWindow::applyLabelToSelection()
{
    if (!m_session || m_currentClip == 0 || !ensureAnnotator())
        return 0;
    const Target target = m_labels->currentTarget();
    const QList<qint64> clips = m_browser->selectedClipIds();
    try {
        const int changed = m_session->history().setLabels(clips, target, m_session->ownLabel(m_currentClip, target));
        statusBar()->showMessage(tr("%1 set on %n clip(s)", nullptr, changed).arg(targetName(target)), 5000);
        return changed;
    } catch (const Error &error) {
        showError(error.message());
        return 0;
    }
}

void MainWindow::onLabelChanged(qint64 clipId, Target target, std::optional<double> value)
{
    m_model->updateOwnLabel(clipId, target, value);
    if (clipId == m_currentClip)
        m_labels->setOwnValue(target, value);
    m_savedLabel->setText(m_session && m_session->isPending(clipId, target)
                              ? tr("%1 of %2 waits to be saved").arg(targetName(target), clipName(clipId))
                              : tr("Saved %1 of %2").arg(targetName(target), clipName(clipId)));
}

QString MainWindow::clipName(qint64 clipId) const
{
    const store::ClipOverview *clip = m_model->clipAt(m_model->rowOfClip(clipId));
    return clip ? clip->videoId + QLatin1Char('/') + clip->clipId : QString::number(clipId);
}

void MainWindow::setAutoPlay(bool on)
{
    m_autoPlay = on;
    QSettings().setValue(kAutoPlayKey, on);
    m_shortcuts->action(QStringLiteral("label.autoPlay"))->setChecked(on);
}

void MainWindow::setAutoAdvance(bool on)
{
    m_autoAdvance = on;
    QSettings().setValue(kAutoAdvanceKey, on);
    m_shortcuts->action(QStringLiteral("label.autoAdvance"))->setChecked(on);
}

void MainWindow::afterDigit()
{
    const Target target = m_labels->currentTarget();
    // Only a digit that reached the database moves on (a refused write stays put).
    if (!m_autoAdvance || m_currentClip == 0 || !m_labels->ownValue(target))
        return;
    const QList<Target> &order = m_labels->order();
    if (target != order.last()) {
        m_labels->setCurrentTarget(order[order.indexOf(target) + 1]);
        return;
    }
    if (m_labels->isComplete())
        nextUnlabelled();
}

void MainWindow::setBlind(bool blind)
{
    if (!m_session)
        return;
    try {
        m_session->setBlind(blind);
    } catch (const Error &error) {
        showError(error.message());
    }
    applyBlind();
}

void MainWindow::applyBlind()
{
    const bool blind = m_session && m_session->isBlind();
    m_blindAction->setEnabled(m_session != nullptr);
    m_blindAction->setChecked(blind);
    m_labels->setShowOthers(!blind);
    m_browser->setShowOthers(!blind);
    updateModelPanel();
    if (m_currentClip != 0)
        m_labels->showClip(m_model->clipAt(m_model->rowOfClip(m_currentClip)));
}

void MainWindow::nextUnlabelled()
{
    // The next clip not done: one that lacks any of the targets being labelled.
    const bool found = m_browser->selectNext(1, [this](const QModelIndex &source) {
        const store::ClipOverview *clip = m_model->clipAt(source.row());
        return clip && m_model->doneState(*clip) != ClipTableModel::DoneState::Done;
    });
    if (!found)
        statusBar()->showMessage(tr("No clip further down is waiting for your labels"), 5000);
}

void MainWindow::nextDisagreement()
{
    const bool found = m_browser->selectNext(1, [this](const QModelIndex &source) {
        const store::ClipOverview *clip = m_model->clipAt(source.row());
        if (!clip)
            return false;
        const int m = store::targetIndex(Target::M);
        const auto label = clip->own[m] ? clip->own[m] : clip->reference[m];
        return clip->prediction[m] && label && std::fabs(*clip->prediction[m] - *label) >= 1.0;
    });
    if (!found)
        statusBar()->showMessage(tr("No further clip where the model and the label disagree"), 5000);
}

void MainWindow::goBack()
{
    while (!m_visited.isEmpty()) {
        const qint64 previous = m_visited.takeLast();
        if (previous != m_currentClip && m_browser->selectClip(previous)) {
            if (!m_visited.isEmpty() && m_visited.last() == previous)
                m_visited.removeLast();
            m_visited.removeAll(previous);
            return;
        }
    }
}

void MainWindow::setReviewMode(ReviewMode mode)
{
    m_mode = mode;
    m_player->setReviewMode(mode);
    // Words colour how voice and face are judged, so the transcript shows only where words are judged.
    m_transcriptDock->setVisible(mode == ReviewMode::All || mode == ReviewMode::TextOnly);
    for (QAction *action : m_reviewGroup->actions())
        action->setChecked(action->data().toInt() == int(mode));
    QList<Target> order;
    switch (mode) {
    case ReviewMode::TextOnly: order = {Target::T}; break;
    case ReviewMode::AudioOnly: order = {Target::A}; break;
    case ReviewMode::VideoOnly: order = {Target::V}; break;
    case ReviewMode::All: order = {Target::M, Target::T, Target::A, Target::V}; break;
    }
    m_labels->setOrder(order);
    m_labels->setCurrentTarget(order.first());
    m_model->setRequiredTargets(order);
    m_browser->setReviewMode(mode);
    updateModelPanel();
}

void MainWindow::updateModelPanel()
{
    // The model's M, T, A and V are other judgements: not while labelling blind, and not in a
    // review mode, where they would tell the other modalities' verdicts.
    m_modelPanel->setVisible(m_mode == ReviewMode::All && !(m_session && m_session->isBlind()));
}

void MainWindow::setTheme(Theme theme)
{
    applyTheme(theme);
    refreshPaletteIcons(this);  // the toolbar's and the player's icons, for the new background
    QSettings().setValue(kThemeKey, themeName(theme));
}

void MainWindow::resetLayout()
{
    // The default state knows which docks show (the explanation views stay closed); the window
    // then fits the screen again.
    restoreState(m_defaultState, kStateVersion);
    setReviewMode(m_mode);
    fitWindowToScreen(this);
}

void MainWindow::showError(const QString &message)
{
    m_lastError = message;
    statusBar()->showMessage(message, 15000);
    // Non-blocking, so that a failing write never stalls playback or labelling.
    auto *box = new QMessageBox(QMessageBox::Warning, tr("SentiLens"), message, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::addRecentProject(const QString &path)
{
    QSettings settings;
    QStringList recent = settings.value(kRecentKey).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > kMaxRecent)
        recent.removeLast();
    settings.setValue(kRecentKey, recent);
    updateRecentMenu();
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(kRecentKey).toStringList();
    for (const QString &path : recent) {
        QAction *action = m_recentMenu->addAction(QDir::toNativeSeparators(path));
        connect(action, &QAction::triggered, this, [this, path] { openProject(path); });
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::saveLayout()
{
    if (isPresenting())
        return;
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState(kStateVersion));
    settings.sync();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // Labels are already in the database (each edit is written at once); only the layout is left.
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState(kStateVersion));
    m_player->pause();
    // A running job is stopped at its next clip; what it finished is already in the project.
    stopJobs();
    event->accept();
}

void MainWindow::resizeEvent(QResizeEvent *event)
{
    QMainWindow::resizeEvent(event);
    if (m_layoutSaver)
        m_layoutSaver->start();
    if (m_help && m_help->isVisible())
        m_help->setGeometry(rect());
    layoutStartPage();
}

}  // namespace sl::ui
