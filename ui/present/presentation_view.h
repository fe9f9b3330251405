#pragma once
// The presentation: a full-screen layout for a booth or a stage, readable from three metres. The
// clip large, its transcript as captions, the model's prediction as a big gauge and the three
// modality contributions as bars that build up while the clip plays. It plays a playlist round
// and round, pauses on Space, and makes live takes (R; keep with K, discard with X). Esc asks to
// leave (the main window restores its own layout).
#include "core/explain/shapley_contributions.h"
#include "ui/present/contribution_animation.h"
#include "ui/present/playlist_cursor.h"
#include "ui/present/presentation_clip.h"
#include "ui/present/take_lifecycle.h"

#include <QMediaPlayer>
#include <QWidget>
#include <memory>
#include <optional>

class QLabel;
class QProgressBar;
class QTemporaryDir;
class QTimer;

namespace sl::ui {
class VideoSurface;
}
namespace sl::jobs {
class JobRunner;
}

namespace sl::present {

// The playlist's Shapley values are computed in core (core/explain/shapley_contributions.h).
using explain::ShapleyContributions;

class ContributionBars;
class FittedLabel;
class LiveTake;
class PredictionGauge;

class PresentationView : public QWidget {
    Q_OBJECT
public:
    explicit PresentationView(QWidget *parent = nullptr);
    ~PresentationView() override;

    void setScale(double minimum, double maximum);
    // Starts playing the first clip (or shows that the playlist is empty).
    void setClips(QList<PresentationClip> clips);
    // Live takes are analysed against this project; their recordings and the scratch analysis go
    // to a temporary folder that disappears with the view (a kept take is copied into the project).
    // With a project, setClips() also starts computing (or reading) the clips' Shapley values in
    // the background: the bars show unimodal predictions until they arrive.
    void setProject(const QString &projectPath);
    // Replaces the contributions of these clips (the one on screen keeps its progress) and adds
    // the model's KAN or causal-mask view where it has one.
    void applyExplanations(const ShapleyContributions &explanations);
    // E: the bars show the model's KAN or causal-mask view of the clip instead (and back).
    void toggleModelView();
    bool isShowingModelView() const { return m_modelView; }
    bool isLoadingShapley() const;
    LiveTake *liveTake() const { return m_take; }
    // How long the end of a clip stays on screen before the next one starts: long enough to read
    // the result; the setting presentation/holdSeconds changes the default (kHoldSeconds).
    void setHoldMs(int ms) { m_holdMs = ms; }
    int holdMs() const { return m_holdMs; }
    static constexpr double kHoldSeconds = 6;
    QString headline() const;
    QString barSum() const;      // the line under the bars that adds them up to the gauge
    QString modelName() const;   // the model whose values are shown (once the explanations came)

    const QList<PresentationClip> &clips() const { return m_clips; }
    // The clip on screen: a playlist clip, or the live take being shown.
    const PresentationClip *currentClip() const;
    int position() const { return m_cursor.position(); }
    int rounds() const { return m_cursor.rounds(); }
    bool isPaused() const { return m_cursor.isPaused(); }
    bool isShowingTake() const { return m_takeClip.has_value(); }
    QString caption() const;
    QString message() const;
    const ContributionAnimation &animation() const { return m_animation; }
    QMediaPlayer *player() const { return m_player; }

public slots:
    void next();
    void previous();
    void togglePause();
    void startTake();
    void keepTake();
    void discardTake();

signals:
    void exitRequested();
    void clipShown(int position);
    void takeKept(qint64 clipId);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void buildLayout();
    void showClip(const PresentationClip &clip);
    void showCurrent();
    void onPosition(qint64 ms);
    void onStatus(QMediaPlayer::MediaStatus status);
    void onTakeState(TakeState state);
    void showMessage(const QString &text);
    void releaseVideo();
    void fitBarScale();
    void showBars();
    void updateHeadline();

    QList<PresentationClip> m_clips;
    PlaylistCursor m_cursor;
    std::optional<PresentationClip> m_takeClip;
    const PresentationClip *m_shown = nullptr;
    ContributionAnimation m_animation;
    double m_min = -3, m_max = 3;
    int m_holdMs = int(kHoldSeconds * 1000);
    bool m_modelView = false;

    QMediaPlayer *m_player;
    ui::VideoSurface *m_surface;
    FittedLabel *m_headline;
    QLabel *m_counter;
    FittedLabel *m_captions;
    FittedLabel *m_takeStatus;
    QProgressBar *m_level;
    QLabel *m_message;
    FittedLabel *m_hints;
    PredictionGauge *m_gauge;
    ContributionBars *m_bars;
    FittedLabel *m_sum;
    FittedLabel *m_model;
    QTimer *m_hold;
    QTimer *m_messageTimer;
    LiveTake *m_take = nullptr;
    std::unique_ptr<QTemporaryDir> m_workFolder;
    QString m_projectPath;
    jobs::JobRunner *m_shapley = nullptr;  // the playlist's Shapley values, on the job queue
};

}  // namespace sl::present
