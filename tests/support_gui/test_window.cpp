#include "tests/support_gui/test_window.h"

#include <QSettings>
#include <QStandardPaths>
#include <QtTest>

namespace sl::test {

void isolateSettings()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
}

void openTestWindow(std::unique_ptr<ui::MainWindow> &window, const QString &project, const QString &annotator)
{
    window = std::make_unique<ui::MainWindow>();
    window->resize(1400, 900);
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    QVERIFY2(window->openProject(project, annotator), qPrintable(window->lastError()));
}

}  // namespace sl::test
