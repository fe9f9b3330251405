#include "tests/support_gui/test_window.h"

#include "core/demo/demo_project.h"
#include "core/store/project.h"
#include "ui/label_editor.h"

#include <QSettings>
#include <QStandardPaths>
#include <QtTest>

namespace sl::test {

void isolateSettings()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
}

QString buildSmallDemo(const QTemporaryDir &dir, int clips)
{
    demo::DemoOptions options;
    options.clipCount = clips;
    const QString folder = dir.filePath(QStringLiteral("demo"));
    demo::buildDemoProject(folder, options, false);
    return folder;
}

void openTestWindow(std::unique_ptr<ui::MainWindow> &window, const QString &project, const QString &annotator)
{
    window = std::make_unique<ui::MainWindow>();
    window->resize(1400, 900);
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    QVERIFY2(window->openProject(project, annotator), qPrintable(window->lastError()));
}

QString openWindowForTestFunction(std::unique_ptr<ui::MainWindow> &window, const QString &project)
{
    const QString annotator = QStringLiteral("tester_%1").arg(QString::fromLatin1(QTest::currentTestFunction()));
    openTestWindow(window, project, annotator);
    if (window) {
        window->activateWindow();
        window->labelEditor()->setFocus();
    }
    return annotator;
}

std::optional<double> storedLabel(const QString &project, const QString &annotator, qint64 clip, Target target)
{
    auto opened = store::Project::open(project);
    const auto who = opened->annotators().find(annotator);
    return who ? opened->labels().value(clip, who->id, target) : std::nullopt;
}

}  // namespace sl::test
