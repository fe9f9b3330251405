#pragma once
// A generated demo project with its features extracted: what every workbench test trains on.
#include <QString>

namespace sl::test {

// Builds a demo project of `clips` clips in `folder` and extracts its features; fails the calling
// test (QVERIFY) when extraction reports a failed clip.
void buildExtractedDemo(const QString &folder, int clips);

}  // namespace sl::test
