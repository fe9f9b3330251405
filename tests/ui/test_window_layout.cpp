// The window's layout on small screens (issue 17): opening any dock keeps the window inside a
// 1366x768 screen, every dock asks for little room (plots scroll inside their dock), View > Reset
// layout gives the default docks and not all the explanation views, and saved or first-start
// geometries fit the screen.
#include "ui/dock_layout.h"
#include "ui/main_window.h"
#include "ui/shortcut_registry.h"
#include "tests/support_gui/test_window.h"

#include <QAction>
#include <QDockWidget>
#include <QtTest>

using namespace sl;
using namespace sl::ui;

namespace {
// A 1366x768 screen less a title bar and a panel: the client area a window gets there.
constexpr QSize kSmallClient(1366, 700);
}  // namespace

class TestWindowLayout : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        test::isolateSettings();
        QVERIFY(m_dir.isValid());
        m_projectPath = test::buildSmallDemo(m_dir);
    }

    void init()
    {
        test::openWindowForTestFunction(m_window, m_projectPath);
        QVERIFY(m_window);
        m_window->resize(kSmallClient);
        QCoreApplication::processEvents();
    }

    void cleanup() { m_window.reset(); }

    void openingAnExplanationDockKeepsTheWindowOnTheScreen()
    {
        for (QDockWidget *dock : m_window->explanationDocks()) {
            dock->show();
            dock->raise();
            QCoreApplication::processEvents();
            QVERIFY2(m_window->width() <= kSmallClient.width() && m_window->height() <= kSmallClient.height(),
                     qPrintable(QStringLiteral("%1 made the window %2x%3").arg(dock->objectName()).arg(m_window->width()).arg(m_window->height())));
        }
        // All of them at once, untabbed (a researcher may split them), still fit.
        const QList<QDockWidget *> docks = m_window->explanationDocks();
        for (int i = 1; i < docks.size(); ++i)
            m_window->splitDockWidget(docks[i - 1], docks[i], Qt::Horizontal);
        QCoreApplication::processEvents();
        const QSize needed = m_window->minimumSizeHint();
        QVERIFY2(needed.width() <= kSmallClient.width() && needed.height() <= kSmallClient.height(),
                 qPrintable(QStringLiteral("the window needs %1x%2").arg(needed.width()).arg(needed.height())));
        QVERIFY(m_window->height() <= kSmallClient.height());
    }

    void aNewWindowTakesASmallScreensSize()
    {
        // The docks' first layout had set the window's minimum to 1151x907, so that a window made
        // for a 1366x768 screen came up 907 px tall.
        MainWindow window;
        window.resize(kSmallClient);
        QCOMPARE(window.size(), kSmallClient);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.size(), kSmallClient);
    }

    void everyDockAsksForLittleRoom()
    {
        // The dock's title bar and frame come on top of its content's minimum.
        const QSize limit = dockMinimumSize() + QSize(40, 60);
        for (QDockWidget *dock : m_window->findChildren<QDockWidget *>()) {
            const QSize needed = dock->minimumSizeHint().expandedTo(dock->minimumSize());
            QVERIFY2(needed.width() <= limit.width() && needed.height() <= limit.height(),
                     qPrintable(QStringLiteral("%1 needs %2x%3").arg(dock->objectName()).arg(needed.width()).arg(needed.height())));
        }
    }

    void resetLayoutGivesTheDefaultDocks()
    {
        for (QDockWidget *dock : m_window->explanationDocks())
            dock->show();
        auto *clips = m_window->findChild<QDockWidget *>(QStringLiteral("clipsDock"));
        clips->hide();
        m_window->shortcuts()->action(QStringLiteral("view.resetLayout"))->trigger();
        QCoreApplication::processEvents();
        for (QDockWidget *dock : m_window->explanationDocks())
            QVERIFY2(dock->isHidden(), qPrintable(dock->objectName()));
        for (const char *name : {"clipsDock", "playerDock", "transcriptDock", "labelsDock"})
            QVERIFY2(!m_window->findChild<QDockWidget *>(QLatin1String(name))->isHidden(), name);
        QVERIFY(m_window->height() <= kSmallClient.height());
    }

    void geometriesAreFittedToTheScreen()
    {
        // What the manual test saw at 1080p (1920x1122) comes back inside the screen.
        QCOMPARE(fittedGeometry(QRect(0, 0, 1920, 1122), QRect(0, 0, 1920, 1080)), QRect(0, 0, 1920, 1080));
        // A layout saved on a large screen, restored on a 1366x768 one.
        QCOMPARE(fittedGeometry(QRect(300, 200, 1600, 1000), QRect(0, 27, 1366, 741)), QRect(0, 27, 1366, 741));
        QCOMPARE(fittedGeometry(QRect(900, 500, 800, 600), QRect(0, 0, 1366, 768)), QRect(566, 168, 800, 600));
        QCOMPARE(fittedGeometry(QRect(10, 20, 800, 600), QRect(0, 0, 1366, 768)), QRect(10, 20, 800, 600));
        // First start: maximised where 1600x1000 does not fit, that size where it does.
        QVERIFY(firstStartMaximised(QSize(1366, 741)));
        QVERIFY(firstStartMaximised(QSize(1440, 870)));
        QVERIFY(!firstStartMaximised(QSize(1920, 1053)));
        QCOMPARE(firstStartSize(QSize(1920, 1053)), QSize(1600, 1000));
    }

private:
    QTemporaryDir m_dir;
    QString m_projectPath;
    std::unique_ptr<MainWindow> m_window;
};

int main(int argc, char *argv[]) { return test::runWindowTest<TestWindowLayout>(argc, argv, "test_window_layout"); }

#include "test_window_layout.moc"
