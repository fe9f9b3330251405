// Issue 17, "Labelling: blind, visible, fast": the keys, the review modes' blindness in the clip
// table, the blind-labelling setting, the done state and its counter, the auto options, and the
// number of keystrokes one fully labelled clip takes. Driven like an annotator, under offscreen.
// LibTorch (through the window's headers) before any Qt header.
#include "core/training/project_training.h"

#include "core/demo/demo_project.h"
#include "core/session/labeling_session.h"
#include "core/store/project.h"
#include "ui/clip_browser.h"
#include "ui/clip_filter_model.h"
#include "ui/clip_table_model.h"
#include "ui/help_overlay.h"
#include "ui/label_editor.h"
#include "ui/label_slider.h"
#include "ui/main_window.h"
#include "ui/model_panel.h"
#include "ui/player/player_widget.h"
#include "ui/shortcut_registry.h"
#include "tests/support_gui/test_window.h"

#include <QApplication>
#include <QComboBox>
#include <QItemSelectionModel>
#include <QLabel>
#include <QStandardItemModel>
#include <QLineEdit>
#include <QStatusBar>
#include <QTableView>
#include "core/session/edit_history.h"
#include <QtTest>

using namespace sl;
using namespace sl::ui;

namespace {
// One key as the annotator types it.
struct Key {
    Qt::Key key;
    Qt::KeyboardModifiers modifiers = Qt::NoModifier;
};
}  // namespace

class TestLabellingFlow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        test::isolateSettings();
        QVERIFY(m_dir.isValid());
        demo::DemoOptions options;
        options.clipCount = 6;
        m_projectPath = m_dir.filePath(QStringLiteral("demo"));
        demo::buildDemoProject(m_projectPath, options, false);
    }

    void init()
    {
        m_annotator = test::openWindowForTestFunction(m_window, m_projectPath);
    }

    void cleanup()
    {
        m_window->setAutoAdvance(false);
        m_window->setAutoPlay(false);
        m_window->setBlind(false);
        m_window.reset();
    }

    void redoKeyRedoes()
    {
        const qint64 clip = m_window->currentClipId();
        QAction *redo = m_window->findChild<QAction *>(QStringLiteral("edit.redo"));
        QVERIFY(redo);
        const QList<QKeySequence> keys = redo->shortcuts();
        QCOMPARE(QSet<QKeySequence>(keys.begin(), keys.end()).size(), keys.size());  // no key twice
        QTest::keyClick(m_window.get(), Qt::Key_2);
        QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(storedLabel(clip, Target::M), std::optional<double>());
        QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(storedLabel(clip, Target::M), std::optional<double>(2.0));
        QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier);
        QTest::keyClick(m_window.get(), Qt::Key_Y, Qt::ControlModifier);
        QCOMPARE(storedLabel(clip, Target::M), std::optional<double>(2.0));
    }

    void negateOnAnEmptyLabelWritesNothing()
    {
        const qint64 clip = m_window->currentClipId();
        QTest::keyClick(m_window.get(), Qt::Key_N);
        QCOMPARE(storedLabel(clip, Target::M), std::optional<double>());
        QCOMPARE(m_window->editHistory()->count(), 0);
        QTest::keyClick(m_window.get(), Qt::Key_2);
        QTest::keyClick(m_window.get(), Qt::Key_N);
        QCOMPARE(storedLabel(clip, Target::M), std::optional<double>(-2.0));
    }

    void aDigitBeyondTheScaleSaysSo()
    {
        const qint64 clip = m_window->currentClipId();
        QTest::keyClick(m_window.get(), Qt::Key_7);  // the demo is on the -3..3 scale
        QCOMPARE(storedLabel(clip, Target::M), std::optional<double>(3.0));
        const QString message = m_window->statusBar()->currentMessage();
        QVERIFY2(message.contains(QStringLiteral("stops at 3")) && message.contains(QStringLiteral("-3")), qPrintable(message));
        m_window->statusBar()->clearMessage();
        QTest::keyClick(m_window.get(), Qt::Key_2);  // on the scale: no message
        QVERIFY(m_window->statusBar()->currentMessage().isEmpty());
    }

    void oneKeystrokeIsOneUndoStep()
    {
        const qint64 clip = m_window->currentClipId();
        QTest::keyClick(m_window.get(), Qt::Key_3);
        QTest::keyClick(m_window.get(), Qt::Key_Minus);
        QTest::keyClick(m_window.get(), Qt::Key_Minus);
        QCOMPARE(storedLabel(clip, Target::M), std::optional<double>(1.0));
        QCOMPARE(m_window->editHistory()->count(), 3);
        QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(storedLabel(clip, Target::M), std::optional<double>(2.0));
    }

    void aBatchOverTheSelectionIsOneUndoStep()
    {
        // Issue 17: the undo history is the session's (core); a label set on the selected clips
        // is one step, named in the Edit menu, and one Ctrl+Z takes all of it back.
        QTableView *view = m_window->clipBrowser()->view();
        const QList<qint64> clips = m_window->clipBrowser()->listedClipIds().mid(0, 3);
        QTest::keyClick(m_window.get(), Qt::Key_2);  // the current (first) clip's M
        QCOMPARE(m_window->currentClipId(), clips.first());
        for (int row = 1; row < 3; ++row)
            view->selectionModel()->select(view->model()->index(row, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QCOMPARE(m_window->clipBrowser()->selectedClipIds(), clips);
        QAction *apply = m_window->shortcuts()->action(QStringLiteral("edit.applyToSelection"));
        QVERIFY(apply);
        apply->trigger();
        QCOMPARE(m_window->editHistory()->count(), 2);  // the digit, then the batch
        for (const qint64 clip : clips)
            QCOMPARE(storedLabel(clip, Target::M), std::optional<double>(2.0));
        QAction *undo = m_window->findChild<QAction *>(QStringLiteral("edit.undo"));
        QVERIFY2(undo->text().contains(QStringLiteral("2 clips")), qPrintable(undo->text()));
        QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(storedLabel(clips[0], Target::M), std::optional<double>(2.0));
        QCOMPARE(storedLabel(clips[1], Target::M), std::optional<double>());
        QCOMPARE(storedLabel(clips[2], Target::M), std::optional<double>());
        QCOMPARE(m_window->clipModel()->clipAt(m_window->clipModel()->rowOfClip(clips[1]))->own[0], std::optional<double>());
    }

    void undoPutsBackTheStoredValueNotTheTablesCopy()
    {
        // Another program labels the current clip after the window read the list: the window's
        // table still shows no label, but the edit replaces -1, so undo writes -1 back.
        const qint64 clip = m_window->currentClipId();
        {
            auto other = store::Project::open(m_projectPath);
            other->labels().set(clip, other->annotators().find(m_annotator)->id, Target::M, -1.0);
        }
        QTest::keyClick(m_window.get(), Qt::Key_2);
        QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(storedLabel(clip, Target::M), std::optional<double>(-1.0));
    }

    void eachClipStartsOnTheFirstTarget()
    {
        for (int i = 0; i < 3; ++i)
            QTest::keyClick(m_window.get(), Qt::Key_Tab);
        QCOMPARE(m_window->labelEditor()->currentTarget(), Target::V);
        QTest::keyClick(m_window.get(), Qt::Key_U);
        QCOMPARE(m_window->labelEditor()->currentTarget(), Target::M);
        // In a review mode the first (and only) target is the mode's.
        QTest::keyClick(m_window.get(), Qt::Key_3, Qt::ControlModifier);
        QTest::keyClick(m_window.get(), Qt::Key_Tab);
        QCOMPARE(m_window->labelEditor()->currentTarget(), Target::A);
        QTest::keyClick(m_window.get(), Qt::Key_J);
        QCOMPARE(m_window->labelEditor()->currentTarget(), Target::A);
    }

    void muteIsControlM()
    {
        QAction *mute = m_window->shortcuts()->action(QStringLiteral("play.mute"));
        QCOMPARE(mute->shortcuts(), QList<QKeySequence>{QKeySequence(Qt::CTRL | Qt::Key_M)});
        const bool muted = m_window->player()->isAudioMuted();
        QTest::keyClick(m_window.get(), Qt::Key_M);
        QCOMPARE(m_window->player()->isAudioMuted(), muted);
        QTest::keyClick(m_window.get(), Qt::Key_M, Qt::ControlModifier);
        QCOMPARE(m_window->player()->isAudioMuted(), !muted);
        QVERIFY(m_window->helpOverlay()->helpText().contains(QStringLiteral("<b>Ctrl+M</b>")));  // the key table's row
        QVERIFY(m_window->helpOverlay()->helpText().contains(QStringLiteral("Ctrl+Shift+Z or Ctrl+Y")));
    }

    void reviewModesAreBlindInTheClipTable()
    {
        QTableView *table = m_window->clipBrowser()->view();
        const ClipFilterModel *rows = m_window->clipBrowser()->filterModel();
        // A word of the first clip's transcript finds it while words may be seen.
        const QString word = m_window->clipModel()->clipAt(0)->transcript.section(QLatin1Char(' '), 0, 0);
        QVERIFY(word.size() >= 3);
        m_window->clipBrowser()->findChild<QLineEdit *>()->setText(word);
        QVERIFY(rows->rowCount() >= 1);
        QVERIFY(!table->isColumnHidden(ClipTableModel::TranscriptColumn));

        const struct {
            Qt::Key key;
            Target own;
            bool words;
        } modes[] = {{Qt::Key_2, Target::T, true}, {Qt::Key_3, Target::A, false}, {Qt::Key_4, Target::V, false}};
        for (const auto &mode : modes) {
            QTest::keyClick(m_window.get(), mode.key, Qt::ControlModifier);
            QCOMPARE(table->isColumnHidden(ClipTableModel::TranscriptColumn), !mode.words);
            QCOMPARE(rows->rowCount() >= 1, mode.words);  // the search looks at words only where allowed
            QVERIFY(table->isColumnHidden(ClipTableModel::ModelColumn));
            QVERIFY(m_window->modelPanel()->isHidden());
            for (Target target : kAllTargets)
                QCOMPARE(table->isColumnHidden(ClipTableModel::columnOfTarget(target)), target != mode.own);
        }
        QTest::keyClick(m_window.get(), Qt::Key_1, Qt::ControlModifier);
        QVERIFY(rows->rowCount() >= 1);
        for (int column = 0; column < ClipTableModel::ColumnCount; ++column)
            QVERIFY(!table->isColumnHidden(column));
        QVERIFY(!m_window->modelPanel()->isHidden());
    }

    void blindLabellingHidesOthersLabels()
    {
        LabelEditor *labels = m_window->labelEditor();
        const ClipTableModel *model = m_window->clipModel();
        const int row = model->rowOfClip(m_window->currentClipId());
        const QModelIndex m = model->index(row, ClipTableModel::MColumn);
        // The demo's own labels are there to hide: the card and the table show them first.
        QVERIFY(model->clipAt(row)->reference[0].has_value());
        QVERIFY(cardTexts(labels).contains(QStringLiteral("dataset")));
        QVERIFY(m.data().isValid());
        m_window->setBlind(true);
        QVERIFY(!cardTexts(labels).contains(QStringLiteral("dataset")));
        QVERIFY(!cardTexts(labels).contains(QStringLiteral("model")));
        QVERIFY(!m.data().isValid());
        QVERIFY(m_window->clipBrowser()->view()->isColumnHidden(ClipTableModel::ModelColumn));
        QVERIFY(m_window->modelPanel()->isHidden());
        // Nor can the filters tell: "labelled by" another annotator and the reference's statuses are off.
        QList<QComboBox *> combos = m_window->clipBrowser()->findChildren<QComboBox *>();
        int disabled = 0;
        for (QComboBox *combo : combos)
            disabled += combo->isEnabled() ? 0 : 1;
        QCOMPARE(disabled, 1);
        int checked = 0;
        for (QComboBox *combo : combos) {
            const int row = combo->findData(int(ClipFilter::LabelStatus::LabelledByReference));
            if (combo->isEnabled() && row >= 0 && combo->itemText(row).contains(QStringLiteral("dataset"))) {
                QVERIFY(!qobject_cast<QStandardItemModel *>(combo->model())->item(row)->isEnabled());
                ++checked;
            }
        }
        QCOMPARE(checked, 1);  // the status filter's "Labelled by dataset"
        // A project setting: the next window on this project is blind too.
        test::openTestWindow(m_window, m_projectPath, QStringLiteral("someone_else"));
        QVERIFY(m_window->session()->isBlind());
        QVERIFY(!cardTexts(m_window->labelEditor()).contains(QStringLiteral("dataset")));
    }

    void doneStateCounterAndFilter()
    {
        const ClipTableModel *model = m_window->clipModel();
        ClipBrowser *browser = m_window->clipBrowser();
        const qint64 clip = m_window->currentClipId();
        const QModelIndex state = model->index(model->rowOfClip(clip), ClipTableModel::StateColumn);
        QCOMPARE(browser->progressText(), QStringLiteral("0 / 6 labelled by you"));
        QCOMPARE(state.data(ClipTableModel::DoneStateRole).toInt(), int(ClipTableModel::DoneState::None));
        QVERIFY(m_window->labelEditor()->slider(Target::M)->isEmpty());  // empty, not 0
        QTest::keyClick(m_window.get(), Qt::Key_0);
        QVERIFY(!m_window->labelEditor()->slider(Target::M)->isEmpty());
        QCOMPARE(state.data(ClipTableModel::DoneStateRole).toInt(), int(ClipTableModel::DoneState::Partly));
        QCOMPARE(state.data().toString(), QStringLiteral("◐"));
        for (int i = 0; i < 3; ++i) {
            QTest::keyClick(m_window.get(), Qt::Key_Tab);
            QTest::keyClick(m_window.get(), Qt::Key_1);
        }
        QCOMPARE(state.data(ClipTableModel::DoneStateRole).toInt(), int(ClipTableModel::DoneState::Done));
        QCOMPARE(state.data().toString(), QStringLiteral("●"));
        QCOMPARE(browser->progressText(), QStringLiteral("1 / 6 labelled by you"));
        ClipFilter filter = browser->filterModel()->filter();
        filter.status = ClipFilter::LabelStatus::DoneByMe;
        browser->filterModel()->setFilter(filter);
        QCOMPARE(browser->filterModel()->rowCount(), 1);
        filter.status = ClipFilter::LabelStatus::NotDoneByMe;
        browser->filterModel()->setFilter(filter);
        QCOMPARE(browser->filterModel()->rowCount(), 5);
        // The status bar names the clip as video/clip, not by its internal id.
        const store::ClipOverview *overview = model->clipAt(model->rowOfClip(clip));
        const QString name = overview->videoId + QLatin1Char('/') + overview->clipId;
        QVERIFY2(statusTexts().contains(QStringLiteral("Saved V of %1").arg(name)), qPrintable(statusTexts()));
    }

    void autoPlayStartsEachClip()
    {
        m_window->setAutoPlay(true);
        QTest::keyClick(m_window.get(), Qt::Key_J);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->player()->isPlaying(), 5000);
        m_window->setAutoPlay(false);
        m_window->player()->pause();
        QTest::keyClick(m_window.get(), Qt::Key_J);
        QTest::qWait(300);
        QVERIFY(!m_window->player()->isPlaying());
    }

    // Keys to give one clip M=2, T=-1, A=0, V=3 and reach the next clip, counted as they are sent.
    void keystrokesPerLabelledClip()
    {
        const QList<Key> manual = {{Qt::Key_2}, {Qt::Key_Tab}, {Qt::Key_Minus}, {Qt::Key_1}, {Qt::Key_Tab},
                                   {Qt::Key_0}, {Qt::Key_Tab}, {Qt::Key_3}, {Qt::Key_U}};
        const QList<Key> automatic = {{Qt::Key_2}, {Qt::Key_Minus}, {Qt::Key_1}, {Qt::Key_0}, {Qt::Key_3}};
        QCOMPARE(labelOneClip(manual), 9);
        m_window->setAutoAdvance(true);
        QCOMPARE(labelOneClip(automatic), 5);
        QCOMPARE(labelOneClip(automatic), 5);  // and again on the clip it moved to
        qInfo("keystrokes per fully labelled clip: %d by hand, %d with auto-advance", 9, 5);
    }

private:
    std::optional<double> storedLabel(qint64 clip, Target target) const
    {
        return test::storedLabel(m_projectPath, m_annotator, clip, target);
    }

    // Sends `keys` on the current clip; checks that it ends fully labelled and that the window went
    // on to another clip; returns how many keys were sent.
    int labelOneClip(const QList<Key> &keys)
    {
        const qint64 clip = m_window->currentClipId();
        int sent = 0;
        for (const Key &key : keys) {
            QTest::keyClick(m_window.get(), key.key, key.modifiers);
            ++sent;
        }
        const std::optional<double> expected[] = {2.0, -1.0, 0.0, 3.0};
        for (Target target : kAllTargets)
            if (storedLabel(clip, target) != expected[store::targetIndex(target)])
                return -1;
        return m_window->currentClipId() != clip ? sent : -2;
    }

    QString cardTexts(LabelEditor *editor) const
    {
        QStringList texts;
        for (QLabel *label : editor->findChildren<QLabel *>())
            texts << label->text();
        return texts.join(QLatin1Char('\n'));
    }

    QString statusTexts() const
    {
        QStringList texts;
        for (QLabel *label : m_window->statusBar()->findChildren<QLabel *>())
            texts << label->text();
        return texts.join(QLatin1Char('\n'));
    }

    QTemporaryDir m_dir;
    QString m_projectPath;
    QString m_annotator;
    std::unique_ptr<MainWindow> m_window;
};

int main(int argc, char *argv[]) { return test::runWindowTest<TestLabellingFlow>(argc, argv, "test_labelling_flow"); }

#include "test_labelling_flow.moc"
