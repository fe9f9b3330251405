#pragma once
// The main window as the GUI tests use it: settings kept apart from the user's, a window shown at
// a fixed size, a project opened under a test annotator.
#include "ui/main_window.h"

#include "core/common/label_scale.h"

#include <QApplication>
#include <QString>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>
#include <optional>

namespace sl::test {

// QStandardPaths' test mode and cleared QSettings, so no test reads the user's (or another
// test's) layout, shortcuts or annotator.
void isolateSettings();

// A generated demo project of `clips` clips at dir/demo (no features): what the window tests open.
QString buildSmallDemo(const QTemporaryDir &dir, int clips = 6);

// Makes `window` a new main window shown at 1400x900 with `project` open as `annotator`; fails the
// calling test (QVERIFY) when the window is not exposed or the project does not open.
void openTestWindow(std::unique_ptr<ui::MainWindow> &window, const QString &project, const QString &annotator);

// openTestWindow with an annotator of its own for the running test function ("tester_<function>",
// so that no test sees another's labels), the label editor focused; returns the annotator's name.
QString openWindowForTestFunction(std::unique_ptr<ui::MainWindow> &window, const QString &project);

// The label `annotator` has for `target` of `clip` in the database, read over a connection of its
// own (so what the window wrote, not what it shows); empty when there is none.
std::optional<double> storedLabel(const QString &project, const QString &annotator, qint64 clip, Target target);

// The main() of a window test: the ffmpeg media backend, an application named `name` (so that its
// settings stay its own), then the test class's slots.
template <typename Test>
int runWindowTest(int argc, char *argv[], const char *name)
{
    qputenv("QT_MEDIA_BACKEND", "ffmpeg");
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("SentiLensTest"));
    QApplication::setApplicationName(QString::fromLatin1(name));
    Test test;
    return QTest::qExec(&test, argc, argv);
}

}  // namespace sl::test
