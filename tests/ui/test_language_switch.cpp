// View > Language applies at once (issue 17): switching to Simplified Chinese and back while a
// project is open changes the menus, the docks' titles, the clip table's header and split names,
// the timeline's lane names and the status bar without a restart. Expected texts come from
// QCoreApplication::translate of the source strings (the .ts file), so a widget that keeps its
// first text fails; a window switched to Chinese is also compared with one started in Chinese.
#include "tests/support_gui/extracted_demo.h"
#include "tests/support_gui/test_window.h"
#include "ui/clip_browser.h"
#include "ui/clip_table_model.h"
#include "ui/language.h"
#include "ui/main_window.h"
#include "ui/player/timeline_plot.h"

#include <QAbstractButton>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QStatusBar>
#include <QTableView>
#include <QtTest>
#include <qcustomplot.h>

using namespace sl;

namespace {

QString translated(const char *context, const char *source) { return QCoreApplication::translate(context, source); }

QStringList laneNames(ui::MainWindow &window)
{
    auto *timeline = window.findChild<ui::TimelinePlot *>();
    if (!timeline)
        return {};
    QStringList names;
    const auto ticker = timeline->yAxis->ticker().dynamicCast<QCPAxisTickerText>();
    for (const QString &name : ticker->ticks())
        names << name;
    return names;
}

QTableView *clipTable(ui::MainWindow &window) { return window.findChild<ui::ClipBrowser *>()->findChild<QTableView *>(); }

QString header(ui::MainWindow &window, const QString &source)
{
    // The column whose header read `source` in English: the Split column, found by its role.
    QAbstractItemModel *model = clipTable(window)->model();
    for (int column = 0; column < model->columnCount(); ++column)
        if (model->headerData(column, Qt::Horizontal).toString() == source
            || model->headerData(column, Qt::Horizontal).toString() == translated("sl::ui::ClipTableModel", source.toUtf8().constData()))
            return model->headerData(column, Qt::Horizontal).toString();
    return {};
}

QString dockTitle(ui::MainWindow &window, const char *name)
{
    return window.findChild<QDockWidget *>(QString::fromLatin1(name))->windowTitle();
}

// Every text the window shows that a switch must reach: actions (menus, toolbar), menu titles,
// dock titles, labels and buttons, the clip table's header.
QStringList shownTexts(ui::MainWindow &window)
{
    QStringList texts;
    for (QAction *action : window.findChildren<QAction *>())
        if (!action->text().isEmpty())
            texts << QStringLiteral("action ") + action->text();
    for (QDockWidget *dock : window.findChildren<QDockWidget *>())
        texts << QStringLiteral("dock ") + dock->windowTitle();
    for (QLabel *label : window.findChildren<QLabel *>())
        if (label->isVisibleTo(&window) && !label->text().isEmpty())
            texts << QStringLiteral("label ") + label->text();
    for (QAbstractButton *button : window.findChildren<QAbstractButton *>())
        if (button->isVisibleTo(&window) && !button->text().isEmpty())
            texts << QStringLiteral("button ") + button->text();
    QAbstractItemModel *model = clipTable(window)->model();
    for (int column = 0; column < model->columnCount(); ++column)
        texts << QStringLiteral("header ") + model->headerData(column, Qt::Horizontal).toString();
    texts.sort();
    texts.removeDuplicates();
    return texts;
}

void chooseLanguage(ui::MainWindow &window, const QString &text)
{
    for (QAction *action : window.menuBar()->findChildren<QAction *>())
        if (action->text() == text) {
            action->trigger();
            QCoreApplication::processEvents();  // the LanguageChange events are posted
            return;
        }
    QFAIL(qPrintable(QStringLiteral("no language action ") + text));
}

}  // namespace

class TestLanguageSwitch : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        test::isolateSettings();
        QVERIFY(m_dir.isValid());
        m_project = m_dir.filePath(QStringLiteral("demo"));
        test::buildExtractedDemo(m_project, 4);
        QCOMPARE(ui::installTranslations(*qApp, QStringLiteral("en")), QStringLiteral("en"));
    }

    void switchesToChineseAndBackAtOnce()
    {
        std::unique_ptr<ui::MainWindow> window;
        test::openTestWindow(window, m_project, QStringLiteral("switcher"));
        QTRY_VERIFY(laneNames(*window).contains(QStringLiteral("smile")));
        const QString split = clipTable(*window)->model()->index(0, 0).data(ui::ClipTableModel::SplitRole).toString();
        QVERIFY(split == QLatin1String("train") || split == QLatin1String("valid") || split == QLatin1String("test"));
        const auto splitShown = [&] {
            QAbstractItemModel *model = clipTable(*window)->model();
            for (int column = 0; column < model->columnCount(); ++column)
                if (model->headerData(column, Qt::Horizontal).toString() == header(*window, QStringLiteral("Split")))
                    return model->index(0, column).data().toString();
            return QString();
        };
        QCOMPARE(splitShown(), split);
        QCOMPARE(dockTitle(*window, "clipsDock"), QStringLiteral("Clips"));
        QLabel *projectLabel = nullptr;
        for (QLabel *label : window->statusBar()->findChildren<QLabel *>())
            if (label->text().startsWith(QLatin1String("Project: ")))
                projectLabel = label;
        QVERIFY(projectLabel);
        const QString englishProject = projectLabel->text();

        chooseLanguage(*window, QStringLiteral("简体中文"));
        // The expectations are the translations of the source strings, so they differ from English.
        QVERIFY(translated("sl::ui::MainWindow", "Clips") != QLatin1String("Clips"));
        QTRY_COMPARE(dockTitle(*window, "clipsDock"), translated("sl::ui::MainWindow", "Clips"));
        QCOMPARE(dockTitle(*window, "playerDock"), translated("sl::ui::MainWindow", "Player"));
        QCOMPARE(window->menuBar()->actions().first()->text(), translated("sl::ui::MainWindow", "&File"));
        QCOMPARE(header(*window, QStringLiteral("Split")), translated("sl::ui::ClipTableModel", "Split"));
        QVERIFY(header(*window, QStringLiteral("Split")) != QLatin1String("Split"));
        QCOMPARE(splitShown(), translated("sl::plots::Splits", split.toLatin1().constData()));
        QVERIFY(splitShown() != split);
        const QStringList lanes = laneNames(*window);
        QVERIFY2(lanes.contains(translated("sl::ui::TimelinePlot", "smile")), qPrintable(lanes.join(QLatin1Char('|'))));
        QVERIFY(!lanes.contains(QStringLiteral("smile")));
        QVERIFY(lanes.contains(translated("sl::ui::TimelinePlot", "loudness (dB)")));
        const QString projectPrefix = translated("sl::ui::MainWindow", "Project: %1 (%2)").section(QStringLiteral("%1"), 0, 0);
        QVERIFY(projectPrefix != QLatin1String("Project: "));
        QVERIFY2(projectLabel->text().startsWith(projectPrefix), qPrintable(projectLabel->text()));

        // Everything the switched window shows is what a window started in Chinese shows.
        {
            std::unique_ptr<ui::MainWindow> fresh;
            test::openTestWindow(fresh, m_project, QStringLiteral("switcher"));
            QTRY_COMPARE(laneNames(*fresh).size(), laneNames(*window).size());  // the waveform comes later
            QCOMPARE(laneNames(*window), laneNames(*fresh));
            const QStringList switched = shownTexts(*window), started = shownTexts(*fresh);
            QStringList missing;
            for (const QString &text : started)
                if (!switched.contains(text))
                    missing << text;
            QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("not switched: ") + missing.join(QStringLiteral(" | "))));
        }

        chooseLanguage(*window, QStringLiteral("English"));
        QTRY_COMPARE(dockTitle(*window, "clipsDock"), QStringLiteral("Clips"));
        QCOMPARE(window->menuBar()->actions().first()->text(), QStringLiteral("&File"));
        QCOMPARE(header(*window, QStringLiteral("Split")), QStringLiteral("Split"));
        QCOMPARE(splitShown(), split);
        QVERIFY(laneNames(*window).contains(QStringLiteral("smile")));
        QCOMPARE(projectLabel->text(), englishProject);
    }

    void startPageSwitchesToo()
    {
        // No project: the start page, the menus and the status bar's "No project".
        ui::installTranslations(*qApp, QStringLiteral("en"));
        ui::MainWindow window;
        window.resize(1366, 768);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QStringList english = shownTexts(window);
        chooseLanguage(window, QStringLiteral("简体中文"));
        QTRY_COMPARE(window.menuBar()->actions().first()->text(), translated("sl::ui::MainWindow", "&File"));
        const QStringList switched = shownTexts(window);
        QVERIFY(switched != english);
        ui::MainWindow fresh;
        fresh.resize(1366, 768);
        fresh.show();
        QVERIFY(QTest::qWaitForWindowExposed(&fresh));
        QStringList missing;
        for (const QString &text : shownTexts(fresh))
            if (!switched.contains(text))
                missing << text;
        QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("not switched: ") + missing.join(QStringLiteral(" | "))));
        chooseLanguage(window, QStringLiteral("English"));
        QTRY_VERIFY(shownTexts(window).contains(QStringLiteral("action &File")));
        QStringList extra, lost;
        for (const QString &text : shownTexts(window))
            if (!english.contains(text))
                extra << text;
        for (const QString &text : english)
            if (!shownTexts(window).contains(text))
                lost << text;
        QVERIFY2(extra.isEmpty() && lost.isEmpty(),
                 qPrintable(QStringLiteral("back in English, new: ") + extra.join(QStringLiteral(" | ")) + QStringLiteral("; gone: ") + lost.join(QStringLiteral(" | "))));
    }

private:
    QTemporaryDir m_dir;
    QString m_project;
};

int main(int argc, char *argv[]) { return sl::test::runWindowTest<TestLanguageSwitch>(argc, argv, "test_language_switch"); }

#include "test_language_switch.moc"
