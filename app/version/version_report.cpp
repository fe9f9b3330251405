#include "app/version/version_report.h"

// Only LibTorch's version macros: no LibTorch code is compiled here.
#include <torch/version.h>

#include <opencv2/core/utility.hpp>

#include <QFileInfo>
#include <QtGlobal>

#include <link.h>

namespace sl::app {

namespace {

// The file LibTorch's CPU library was loaded from, resolved: shows which LibTorch runs (Debian's,
// or an official build found through CMAKE_PREFIX_PATH or LD_LIBRARY_PATH), and its full version
// where the file name carries it.
QString loadedTorchLibrary()
{
    QString found;
    dl_iterate_phdr(
        [](dl_phdr_info *info, size_t, void *data) {
            const QString path = QString::fromLocal8Bit(info->dlpi_name);
            if (!QFileInfo(path).fileName().startsWith(QLatin1String("libtorch_cpu.so")))
                return 0;
            *static_cast<QString *>(data) = QFileInfo(path).canonicalFilePath();
            return 1;
        },
        &found);
    return found;
}

}  // namespace

QString versionReport(const QString &program)
{
    // Qt and OpenCV answer from the shared libraries loaded now, which may differ from the headers
    // the program was built with; Qt says both when they differ. LibTorch has no run-time version
    // call: its version is the headers', which the loaded library's name must match in major and
    // minor version (libtorch_cpu.so.1.13) or it would not have loaded; that file is named too.
    QString torch = QStringLiteral(TORCH_VERSION);
    if (const QString library = loadedTorchLibrary(); !library.isEmpty())
        torch += QStringLiteral(" (%1)").arg(library);
    const QString qtRun = QString::fromLatin1(qVersion());
    const QString qtBuilt = QStringLiteral(QT_VERSION_STR);
    QString qt = QStringLiteral("Qt ") + qtRun;
    if (qtRun != qtBuilt)
        qt += QStringLiteral(" (built with %1)").arg(qtBuilt);
    return QStringLiteral("%1 %2\nLibTorch %3\n%4\nOpenCV %5\n")
        .arg(program, QStringLiteral(SENTILENS_VERSION), torch, qt,
             QString::fromStdString(cv::getVersionString()));
}

}  // namespace sl::app
