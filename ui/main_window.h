#pragma once
// The annotator's desktop: docks for the clip list, player, transcript, labels, model and edit
// history around one project. Every label change is a step of the session's undo history (in core)
// and is written to the database at once.
#include "core/common/label_scale.h"
#include "ui/player/review_mode.h"
#include "ui/theme.h"

#include <QMainWindow>
#include <QPointer>
#include <memory>
#include <optional>
#include <vector>

class QActionGroup;
class QPushButton;
class QDockWidget;
class QLabel;
class QMenu;
class QProgressBar;
class QTimer;
class QToolBar;

namespace sl::session {
class EditHistory;
class LabelingSession;
}
namespace sl::jobs {
class JobRunner;
}
namespace sl::present {
class PresentationView;
}
namespace sl::store {
class Project;
}

namespace sl::ui {

class ClipBrowser;
class ContributionsView;
class DatasetView;
class ExplanationController;
class KanView;
class MaskView;
class SaliencyView;
class JobsPanel;
class HistoryView;
class ClipTableModel;
class ImportDialog;
class StartPage;
class HelpOverlay;
class LabelEditor;
class ModelPanel;
class ModelRegistryPanel;
class ReviewQueuePanel;
class AgreementPanel;
class TrainDialog;
class PlayerWidget;
class ShortcutRegistry;
class TranscriptView;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens a project folder (or its project.sqlite). On failure a message names the problem and
    // the window keeps whatever it had; returns false.
    bool openProject(const QString &path, const QString &annotator = {});
    void closeProject();

    session::LabelingSession *session() const { return m_session.get(); }
    ClipBrowser *clipBrowser() const { return m_browser; }
    ClipTableModel *clipModel() const { return m_model; }
    LabelEditor *labelEditor() const { return m_labels; }
    ModelPanel *modelPanel() const { return m_modelPanel; }
    PlayerWidget *player() const { return m_player; }
    TranscriptView *transcript() const { return m_transcript; }
    // The open session's undo history (null without a project).
    session::EditHistory *editHistory() const;
    // Sets the current target's label (the current clip's value of it) on every clip selected in
    // the clip list: one undo step. Returns how many clips changed.
    int applyLabelToSelection();
    ShortcutRegistry *shortcuts() const { return m_shortcuts; }
    HelpOverlay *helpOverlay() const { return m_help; }
    QString lastError() const { return m_lastError; }
    jobs::JobRunner *extraction() const { return m_extraction; }
    JobsPanel *jobsPanel() const { return m_jobsPanel; }
    // Starts feature extraction for the open project in the background.
    bool startExtraction();
    // Predicts every clip with the project's active model in the background.
    bool startPrediction();
    bool isPredicting() const;
    qint64 currentClipId() const { return m_currentClip; }

    // The retraining workbench (main_window_workbench.cpp): Jobs > Train model… opens (or raises)
    // the train dialog; null without a project.
    TrainDialog *openTrainDialog();
    ModelRegistryPanel *modelRegistry() const { return m_registry; }
    // Shows one part of the workbench for a look or a screenshot: "train" (the dialog), "training"
    // (the dialog, training with its defaults on a scratch copy: the project stays as it is), "models", "compare" (the two newest models) or
    // "review" (rebuilt), "agreement" or "adjudicate" (the Agreement dock's tabs); the docks float at a readable size. Returns the widget showing it, or
    // null for an unknown part or without a project.
    QWidget *showWorkbench(const QString &part);
    ReviewQueuePanel *reviewQueue() const { return m_reviewQueue; }

    // The explanation and dataset views (main_window_explain.cpp), docked at the bottom and hidden
    // until shown (View menu); they follow the selected clip while visible.
    ExplanationController *explanations() const { return m_explanations; }
    ContributionsView *contributionsView() const { return m_contributionsView; }
    SaliencyView *saliencyView() const { return m_saliencyView; }
    KanView *kanView() const { return m_kanView; }
    MaskView *maskView() const { return m_maskView; }
    DatasetView *datasetView() const { return m_datasetView; }
    QList<QDockWidget *> explanationDocks() const;
    // Shows one view's dock ("contributions", "saliency", "kan", "mask", "dataset") for the current
    // clip; null for an unknown name or without a project.
    QWidget *showExplanationView(const QString &view);

    void setReviewMode(ReviewMode mode);
    ReviewMode reviewMode() const { return m_mode; }

    // Labelling options (View menu; kept in the user's settings): play each clip as it opens, and
    // move on by itself: a digit sets the current target and goes to the next one, the last one to
    // the next clip not yet done.
    void setAutoPlay(bool on);
    bool autoPlay() const { return m_autoPlay; }
    void setAutoAdvance(bool on);
    bool autoAdvance() const { return m_autoAdvance; }
    // The project's blind-labelling setting (View menu): hides other annotators' and the model's
    // labels while labelling.
    void setBlind(bool blind);
    // "video/clip" of a clip of the open project (what the status bar and the history name).
    QString clipName(qint64 clipId) const;
    // The language of clips (main_window_language.cpp): Edit > Set clip language… asks for a code
    // and whether it is for the current clip or every clip the list shows. setClipLanguage does it
    // (an empty code: unknown) and reports in the status bar; false with an error shown.
    bool setClipLanguage(const QList<qint64> &clipIds, const QString &code);
    void setTheme(Theme theme);
    void resetLayout();

    // Presentation mode (F11): the open project's most telling clips full screen, for a booth.
    // Leaving (Esc) brings the window back with exactly the layout it had. `size` other than empty
    // shows the presentation at that size instead of full screen (screenshots).
    bool enterPresentation(const QSize &size = {});
    void leavePresentation();
    bool isPresenting() const { return m_presentation != nullptr; }
    present::PresentationView *presentationView() const { return m_presentation; }

    // First start and new projects (main_window_start.cpp). The start page shows while no project
    // is open. createProject makes an empty project and opens it (false, with the error shown, when
    // it cannot); importData imports `source` into `projectFolder` in the background (as
    // `sentilens-cli import` does) and opens the project when done; openDemoProject opens the demo
    // project, generating it the first time. Both return the progress dialog, or null when nothing
    // had to run in the background.
    StartPage *startPage() const { return m_startPage; }
    bool createProject(const QString &folder, const QString &name, const LabelScale &scale);
    void newProject();
    ImportDialog *importData(const QString &source, const QString &projectFolder);
    ImportDialog *openDemoProject();
    QToolBar *featuresNote() const { return m_featuresNote; }
    // A project opens for browsing without a name; the first label asks for it. False when the user
    // gave none (nothing is written then).
    bool ensureAnnotator();

    // The annotator's name is asked once and kept; an empty result keeps the previous one.
    static QString rememberedAnnotator();
    static void rememberAnnotator(const QString &name);

protected:
    void closeEvent(QCloseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;  // a language change: every text anew (main_window_retranslate.cpp)

private:
    // Writes the window's geometry and dock layout to the settings (not while presenting, whose
    // full-screen layout is temporary).
    void saveLayout();
    void createDocks();
    void createActions();
    void createMenus();
    void createStatusBar();
    void showClip(qint64 clipId);
    void requestLabel(Target target, std::optional<double> value);
    void requestTranscript(const QString &text);
    void undo();
    void redo();
    void updateUndoActions();  // texts and enabled state from the session's history
    void onLabelChanged(qint64 clipId, Target target, std::optional<double> value);
    void showError(const QString &message);
    void updateRecentMenu();
    void addRecentProject(const QString &path);
    void updateTitle();
    void nextUnlabelled();
    void afterDigit();  // auto-advance
    void applyBlind();  // the session's blind setting to the views
    void updateModelPanel();
    void nextDisagreement();
    void goBack();
    void showTimeline(qint64 clipId, const QString &mediaFile);
    void reloadClips();
    void askClipLanguage();
    // The current annotator's batch (a lead's assignment) in the clip list.
    void showAnnotatorBatch();
    void onExtractionFinished(const QString &summary, const QString &error);
    // The window's background work (main_window_jobs.cpp): the Jobs dock, the current clip's
    // waveform, and stopping the window's jobs when the project closes.
    void createJobsDock();
    QWidget *showJobs();  // --show jobs: the Jobs dock, floating, with the window's jobs started
    void loadWaveform(qint64 clipId, const QString &mediaFile);
    void stopJobs();
    void createWorkbench();
    void setWorkbenchProject(const store::Project *project);
    void onActiveModelChanged();  // after training, prediction or a new active model
    void createExplanationDocks();
    void setExplanationProject(const QString &projectPath);
    void showExplanations(qint64 clipId);
    void showExplanationMessage(const QString &message);  // in every view, e.g. why there is nothing
    void offerKanModels();  // the project's KAN models, to the KAN dock
    void createStartPage();
    void fitScreenAfterPresentation();
    void addStartMenus(QMenu *file);
    // Every dock small enough to open without pushing the window off the screen, and the features
    // note on a row of its own under the main toolbar.
    void finishLayout();
    void updateStartPage();
    void layoutStartPage();
    void updateFeaturesNote();
    QString projectTitle() const;  // the name, and the folder when another project has that name
    void rememberProjectName();
    void chooseImport(const QString &kind);
    void watchProjectJob(ImportDialog *dialog);

    std::unique_ptr<session::LabelingSession> m_session;
    ClipTableModel *m_model = nullptr;
    ClipBrowser *m_browser = nullptr;
    PlayerWidget *m_player = nullptr;
    TranscriptView *m_transcript = nullptr;
    LabelEditor *m_labels = nullptr;
    ModelPanel *m_modelPanel = nullptr;
    HistoryView *m_historyView = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    ShortcutRegistry *m_shortcuts = nullptr;
    HelpOverlay *m_help = nullptr;
    QList<QDockWidget *> m_docks;
    QDockWidget *m_transcriptDock = nullptr;
    QMenu *m_recentMenu = nullptr;
    QActionGroup *m_reviewGroup = nullptr;
    QLabel *m_projectLabel = nullptr;
    QLabel *m_annotatorLabel = nullptr;
    QLabel *m_savedLabel = nullptr;
    QProgressBar *m_jobProgress = nullptr;
    QPushButton *m_cancelJob = nullptr;
    // Background work goes through the application's job queue (core/jobs/job_queue.h).
    jobs::JobRunner *m_extraction = nullptr;
    jobs::JobRunner *m_prediction = nullptr;
    qint64 m_waveformJob = 0;  // the current clip's waveform, on the queue's waveform lane
    JobsPanel *m_jobsPanel = nullptr;
    QByteArray m_defaultState;
    QList<qint64> m_visited;  // for "back"
    qint64 m_currentClip = 0;
    ReviewMode m_mode = ReviewMode::All;
    bool m_autoPlay = false;
    bool m_autoAdvance = false;
    QAction *m_blindAction = nullptr;
    QString m_lastError;
    ModelRegistryPanel *m_registry = nullptr;
    ReviewQueuePanel *m_reviewQueue = nullptr;
    AgreementPanel *m_agreement = nullptr;
    QPointer<TrainDialog> m_trainDialog;
    present::PresentationView *m_presentation = nullptr;
    QByteArray m_presentState, m_presentGeometry;  // the layout to come back to
    bool m_presentMaximized = false;  // so is leaving: maximised again (issue 17)
    QTimer *m_layoutSaver = nullptr;  // saves the layout a moment after it last changed
    QList<QAction *> m_pausedActions;  // window shortcuts switched off while presenting
    ExplanationController *m_explanations = nullptr;
    ContributionsView *m_contributionsView = nullptr;
    SaliencyView *m_saliencyView = nullptr;
    KanView *m_kanView = nullptr;
    MaskView *m_maskView = nullptr;
    DatasetView *m_datasetView = nullptr;
    QList<QDockWidget *> m_explanationDocks;
    StartPage *m_startPage = nullptr;
    QToolBar *m_featuresNote = nullptr;
    QPointer<ImportDialog> m_import;
};

}  // namespace sl::ui
