#include "app/version/version_report.h"

// Only LibTorch's version macros: no LibTorch code is compiled here.
#include <torch/version.h>

#include <opencv2/core/utility.hpp>

#include <QtGlobal>

namespace sl::app {

QString versionReport(const QString &program)
{
    // Qt and OpenCV answer from the shared libraries loaded now, which may differ from the headers
    // the program was built with; Qt says both when they differ. LibTorch has no run-time version
    // call, but Debian's library name carries its version (libtorch.so.1.13), so the headers' one
    // is the one loaded.
    const QString qtRun = QString::fromLatin1(qVersion());
    const QString qtBuilt = QStringLiteral(QT_VERSION_STR);
    QString qt = QStringLiteral("Qt ") + qtRun;
    if (qtRun != qtBuilt)
        qt += QStringLiteral(" (built with %1)").arg(qtBuilt);
    return QStringLiteral("%1 %2\nLibTorch %3\n%4\nOpenCV %5\n")
        .arg(program, QStringLiteral(SENTILENS_VERSION), QStringLiteral(TORCH_VERSION), qt,
             QString::fromStdString(cv::getVersionString()));
}

}  // namespace sl::app
