// Presentation mode under the offscreen platform, on a generated demo project with features and a
// small trained model: entering and leaving restores the window's layout, the playlist shows both
// kinds of clip and advances (at a clip's end and on a key), a file-backed live take is recorded,
// analysed (speech recognition, features, prediction) and presented, kept or discarded, and the
// path without camera and microphone says so while the clips play on.
// LibTorch (through project_training.h) before any Qt header.
#include "core/training/project_training.h"

#include "core/store/project.h"
#include "tests/support_gui/extracted_demo.h"
#include "tests/support_gui/test_window.h"
#include "ui/main_window.h"
#include "ui/present/contribution_bars.h"
#include "ui/present/live_take.h"
#include "ui/present/presentation_view.h"
#include "ui/shortcut_registry.h"

#include <QDockWidget>
#include <QAudioDevice>
#include <QCameraDevice>
#include <QMediaDevices>
#include <QStandardPaths>
#include <QtTest>

using namespace sl;
using namespace sl::ui;
using present::PresentationView;
using present::TakeState;

class TestPresentation : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        test::isolateSettings();
        QVERIFY(m_dir.isValid());
        m_projectPath = m_dir.filePath(QStringLiteral("demo"));
        test::buildExtractedDemo(m_projectPath, 6);
        auto project = store::Project::open(m_projectPath);
        training::TrainRequest request;
        request.architecture = QStringLiteral("late-fusion");
        request.trainer.epochs = 2;
        training::trainOnProject(*project, request);  // registers the model and stores its predictions
        m_clipCount = project->clips().count();
        m_takeSource = project->absolutePath(project->clips().list().first().mediaPath);
    }

    void init()
    {
        test::openTestWindow(m_window, m_projectPath, QStringLiteral("presenter"));
    }

    void cleanup() { m_window.reset(); }

    void enteringAndLeavingRestoresTheLayout()
    {
        // A window that fits the screen (the offscreen screen is smaller than the window's minimum
        // size, so maximised): one that does not is fitted on leaving (test_presentation_fit).
        m_window->showMaximized();
        QTRY_VERIFY(m_window->isMaximized());
        // A layout of the user's own: one dock closed, another floated.
        m_window->findChild<QDockWidget *>(QStringLiteral("historyDock"))->hide();
        m_window->findChild<QDockWidget *>(QStringLiteral("modelDock"))->setFloating(true);
        QTest::qWait(300);  // let the docks settle into the new layout
        const QByteArray before = m_window->saveState();
        const QRect geometry = m_window->geometry();

        m_window->shortcuts()->action(QStringLiteral("view.present"))->trigger();  // F11 / View menu
        QVERIFY(m_window->isPresenting());
        PresentationView *view = m_window->presentationView();
        QVERIFY(view && view->isVisible());
        QVERIFY(QTest::qWaitForWindowActive(view));
        QVERIFY(view->isWindow());  // its own window: the main window's shortcuts do not reach it
        QVERIFY(view->isFullScreen());
        QTest::keyClick(view, Qt::Key_Space);  // the presentation's pause, not the main player's
        QVERIFY(view->isPaused());
        QCOMPARE(m_window->shortcuts()->action(QStringLiteral("view.present"))->shortcut(), QKeySequence(Qt::Key_F11));

        QTest::keyClick(view, Qt::Key_Escape);
        QTRY_VERIFY(!m_window->isPresenting());
        QVERIFY(m_window->isVisible());
        QCOMPARE(m_window->saveState(), before);
        QCOMPARE(m_window->geometry(), geometry);
        QVERIFY(!m_window->findChild<QDockWidget *>(QStringLiteral("historyDock"))->isVisible());
        QVERIFY(m_window->findChild<QDockWidget *>(QStringLiteral("modelDock"))->isFloating());
        // And again: a booth enters and leaves many times.
        QVERIFY(m_window->enterPresentation(QSize(1280, 720)));
        m_window->leavePresentation();
        QCOMPARE(m_window->saveState(), before);
    }

    void playlistShowsBothKindsAndAdvances()
    {
        PresentationView *view = present();
        QVERIFY(view);
        QVERIFY(view->clips().size() >= 2);
        bool agreeing = false, conflicting = false;
        for (const present::PresentationClip &clip : view->clips()) {
            agreeing |= clip.kind == present::PlaylistKind::Agreeing;
            conflicting |= clip.kind == present::PlaylistKind::Conflicting;
            QVERIFY(clip.prediction.has_value());  // the trained model's
            QVERIFY(!clip.captions.isEmpty());
        }
        QVERIFY(agreeing && conflicting);  // the demo's 6 clips have 2 conflicting ones
        QCOMPARE(view->position(), 0);

        // A key moves on.
        QTest::keyClick(view, Qt::Key_Right);
        QCOMPARE(view->position(), 1);
        QCOMPARE(view->currentClip()->clipId, view->clips()[1].clipId);

        // While it plays, captions appear and the bars build up.
        const auto *bars = view->findChild<present::ContributionBars *>();
        QVERIFY(bars);
        QTRY_VERIFY_WITH_TIMEOUT(view->animation().progress() > 0.2, 20000);
        QVERIFY(!view->caption().isEmpty());
        if (view->currentClip()->contributions)
            QVERIFY(std::fabs(bars->values()[0]) + std::fabs(bars->values()[1]) + std::fabs(bars->values()[2]) > 0);

        // The end of the clip moves on by itself.
        view->setHoldMs(0);
        QTRY_COMPARE_WITH_TIMEOUT(view->position(), 2, 30000);

        // Space pauses: the clip stops and nothing advances.
        QTest::keyClick(view, Qt::Key_Space);
        QVERIFY(view->isPaused());
        QTRY_VERIFY(view->player()->playbackState() != QMediaPlayer::PlayingState);
        QTest::qWait(300);
        QCOMPARE(view->position(), 2);
        QTest::keyClick(view, Qt::Key_Space);
        QVERIFY(!view->isPaused());
        QTest::keyClick(view, Qt::Key_Left);
        QCOMPARE(view->position(), 1);

        // The Shapley values arrive from the background and replace the unimodal predictions.
        QTRY_VERIFY_WITH_TIMEOUT(!view->isLoadingShapley(), 120000);
        QVERIFY(view->currentClip()->contributions);
        QVERIFY(view->currentClip()->contributions->shapley);
        // E asks for the model's own view; late fusion has neither a KAN nor a causal mask.
        QTest::keyClick(view, Qt::Key_E);
        QVERIFY(view->isShowingModelView());
        QVERIFY(view->message().contains(QStringLiteral("neither a KAN nor a causal mask")));
        QTest::keyClick(view, Qt::Key_E);
        QVERIFY(!view->isShowingModelView());
    }

    void fileBackedTakeIsAnalysedPresentedAndKeptOrDiscarded()
    {
        PresentationView *view = present();
        QVERIFY(view);
        present::LiveTake *take = view->liveTake();
        QVERIFY(take);
        take->setFileSource(m_takeSource);
        take->setTimings(1, 2);
        QVERIFY(take->deviceProblem().isEmpty());

        // First take: recorded, analysed, presented, discarded.
        QSignalSpy levels(take, &present::LiveTake::levelChanged);
        QTest::keyClick(view, Qt::Key_R);
        QCOMPARE(take->lifecycle().state(), TakeState::Countdown);
        QTRY_COMPARE_WITH_TIMEOUT(take->lifecycle().state(), TakeState::Recording, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(take->lifecycle().state(), TakeState::Analysing, 15000);
        QVERIFY(!levels.isEmpty());  // the meter followed the take's sound
        QTRY_VERIFY_WITH_TIMEOUT(take->lifecycle().state() != TakeState::Analysing, 180000);
        QVERIFY2(take->lifecycle().state() == TakeState::Presenting, qPrintable(take->lifecycle().error()));
        const present::TakeAnalysis first = take->analysis();
        QVERIFY(first.multimodal.has_value());
        QCOMPARE(first.transcriptSource, QStringLiteral("asr"));  // recognised, not read from a file
        QVERIFY(view->isShowingTake());
        QCOMPARE(view->currentClip()->prediction, first.multimodal);
        QVERIFY(QFileInfo::exists(first.takeFile));
        QTest::keyClick(view, Qt::Key_X);
        QCOMPARE(take->lifecycle().state(), TakeState::Discarded);
        QVERIFY(!view->isShowingTake());
        QVERIFY(!QFileInfo::exists(first.takeFile));
        QCOMPARE(store::Project::open(m_projectPath)->clips().count(), m_clipCount);  // nothing saved

        // Second take: kept, so it lands in the project for labelling.
        QTest::keyClick(view, Qt::Key_R);
        QTRY_VERIFY_WITH_TIMEOUT(take->lifecycle().state() == TakeState::Presenting || take->lifecycle().state() == TakeState::Failed, 180000);
        QVERIFY2(take->lifecycle().state() == TakeState::Presenting, qPrintable(take->lifecycle().error()));
        QTest::keyClick(view, Qt::Key_K);
        QCOMPARE(take->lifecycle().state(), TakeState::Kept);
        auto project = store::Project::open(m_projectPath);
        QCOMPARE(project->clips().count(), m_clipCount + 1);
        bool found = false;
        for (const store::Clip &clip : project->clips().list()) {
            if (clip.videoId != QLatin1String("takes"))
                continue;
            found = true;
            QVERIFY(QFileInfo::exists(project->absolutePath(clip.mediaPath)));
            QCOMPARE(clip.transcriptSource, take->analysis().transcript.isEmpty() ? QStringLiteral("none") : QStringLiteral("asr"));
        }
        QVERIFY(found);
    }

    void withoutCameraOrMicrophoneTheModeSaysSoAndPlaysOn()
    {
        if (!QMediaDevices::videoInputs().isEmpty() && !QMediaDevices::audioInputs().isEmpty())
            QSKIP("this machine has a camera and a microphone");
        PresentationView *view = present();
        QVERIFY(view);
        QTest::keyClick(view, Qt::Key_R);
        QVERIFY(view->message().contains(QStringLiteral("No camera")) || view->message().contains(QStringLiteral("No microphone")));
        QCOMPARE(view->liveTake()->lifecycle().state(), TakeState::Idle);
        QVERIFY(view->currentClip());
        QTRY_VERIFY_WITH_TIMEOUT(view->player()->playbackState() == QMediaPlayer::PlayingState, 10000);
        QTest::keyClick(view, Qt::Key_Right);
        QCOMPARE(view->position(), 1);
    }

private:
    // Enters the mode at a fixed size and waits until the presentation has the keyboard.
    PresentationView *present()
    {
        if (!m_window->enterPresentation(QSize(1280, 720)))
            return nullptr;
        PresentationView *view = m_window->presentationView();
        return QTest::qWaitForWindowActive(view) ? view : nullptr;
    }

    QTemporaryDir m_dir;
    QString m_projectPath;
    QString m_takeSource;
    int m_clipCount = 0;
    std::unique_ptr<MainWindow> m_window;
};

QTEST_MAIN(TestPresentation)
#include "test_presentation.moc"
