#pragma once
// The annotator's desktop: docks for the clip list, player, transcript, labels, model and edit
// history around one project. Every label change becomes an undoable command that is written to
// the database at once.
#include "core/common/label_scale.h"
#include "ui/player/review_mode.h"
#include "ui/theme.h"

#include <QMainWindow>
#include <QPointer>
#include <memory>
#include <optional>
#include <vector>

template <typename T>
class QFutureWatcher;
class QActionGroup;
class QPushButton;
class QDockWidget;
class QLabel;
class QMenu;
class QProgressBar;
class QUndoStack;
class QUndoView;

namespace sl::session {
class LabelingSession;
}
namespace sl::training {
struct BatchPredictionResult;
}

namespace sl::ui {

class ClipBrowser;
class ExtractionRunner;
class ClipTableModel;
class HelpOverlay;
class LabelEditor;
class ModelPanel;
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
    PlayerWidget *player() const { return m_player; }
    TranscriptView *transcript() const { return m_transcript; }
    QUndoStack *undoStack() const { return m_undo; }
    ShortcutRegistry *shortcuts() const { return m_shortcuts; }
    HelpOverlay *helpOverlay() const { return m_help; }
    QString lastError() const { return m_lastError; }
    ExtractionRunner *extraction() const { return m_extraction; }
    // Starts feature extraction for the open project in the background.
    bool startExtraction();
    // Predicts every clip with the project's active model in the background.
    bool startPrediction();
    bool isPredicting() const;
    qint64 currentClipId() const { return m_currentClip; }

    void setReviewMode(ReviewMode mode);
    ReviewMode reviewMode() const { return m_mode; }
    void setTheme(Theme theme);
    void resetLayout();

    // The annotator's name is asked once and kept; an empty result keeps the previous one.
    static QString rememberedAnnotator();
    static void rememberAnnotator(const QString &name);

protected:
    void closeEvent(QCloseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void createDocks();
    void createActions();
    void createMenus();
    void createStatusBar();
    void showClip(qint64 clipId);
    void requestLabel(Target target, std::optional<double> value);
    void requestTranscript(const QString &text);
    void onLabelChanged(qint64 clipId, Target target, std::optional<double> value);
    void showError(const QString &message);
    void updateRecentMenu();
    void addRecentProject(const QString &path);
    void updateTitle();
    void nextUnlabelled();
    void nextDisagreement();
    void goBack();
    void showTimeline(qint64 clipId, const QString &mediaFile);
    void reloadClips();
    void onExtractionFinished(const QString &summary, const QString &error);

    std::unique_ptr<session::LabelingSession> m_session;
    ClipTableModel *m_model = nullptr;
    ClipBrowser *m_browser = nullptr;
    PlayerWidget *m_player = nullptr;
    TranscriptView *m_transcript = nullptr;
    LabelEditor *m_labels = nullptr;
    ModelPanel *m_modelPanel = nullptr;
    QUndoStack *m_undo = nullptr;
    QUndoView *m_undoView = nullptr;
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
    ExtractionRunner *m_extraction = nullptr;
    QFutureWatcher<std::vector<float>> *m_waveform = nullptr;
    QFutureWatcher<training::BatchPredictionResult> *m_prediction = nullptr;
    qint64 m_waveformClip = 0;
    QByteArray m_defaultState;
    QList<qint64> m_visited;  // for "back"
    qint64 m_currentClip = 0;
    ReviewMode m_mode = ReviewMode::All;
    QString m_lastError;
};

}  // namespace sl::ui
