#pragma once
// What `sentilens --version` and `sentilens-cli --version` print: the program's version and the
// versions of the libraries it runs with, so that a bug report says which LibTorch, Qt and OpenCV
// produced a result.
#include <QString>

namespace sl::app {

// Several lines: "<program> <version>", then "LibTorch ...", "Qt ...", "OpenCV ...".
QString versionReport(const QString &program);

}  // namespace sl::app
