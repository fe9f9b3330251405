#pragma once
// The main window as the GUI tests use it: settings kept apart from the user's, a window shown at
// a fixed size, a project opened under a test annotator.
#include "ui/main_window.h"

#include <QString>
#include <memory>

namespace sl::test {

// QStandardPaths' test mode and cleared QSettings, so no test reads the user's (or another
// test's) layout, shortcuts or annotator.
void isolateSettings();

// Makes `window` a new main window shown at 1400x900 with `project` open as `annotator`; fails the
// calling test (QVERIFY) when the window is not exposed or the project does not open.
void openTestWindow(std::unique_ptr<ui::MainWindow> &window, const QString &project, const QString &annotator);

}  // namespace sl::test
