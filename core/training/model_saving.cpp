// LibTorch (through model_saving.h) before any Qt header.
#include "core/training/model_saving.h"

#include "core/store/atomic_file.h"
#include "core/store/write_error.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStorageInfo>
#include <QTemporaryDir>

namespace sl::training {

namespace {

// An upper bound of the archive's size: every parameter and buffer as float32 or wider (stored
// uncompressed), plus the TorchScript code and description, with a margin.
qint64 archiveSizeBound(ml::SentimentModel &model)
{
    qint64 bytes = 0;
    for (const torch::Tensor &p : model.parameters(true))
        bytes += p.numel() * qint64(p.element_size());
    for (const torch::Tensor &b : model.buffers(true))
        bytes += b.numel() * qint64(b.element_size());
    return 2 * bytes + 8 * 1024 * 1024;
}

// A folder on a file system with room for `bytes`: RAM-backed /dev/shm when it has room, else
// the system's temporary folder. Throws store::WriteError when neither has.
QString stagingParent(qint64 bytes, const QString &target)
{
    for (const QString &candidate : {QStringLiteral("/dev/shm"), QDir::tempPath()}) {
        const QFileInfo info(candidate);
        if (!info.isDir() || !info.isWritable())
            continue;
        const QStorageInfo storage(candidate);
        if (storage.isValid() && storage.bytesAvailable() > bytes)
            return candidate;
    }
    throw store::WriteError(QStringLiteral("%1: cannot be written (no room for %2 MB in /dev/shm or %3)")
                                .arg(target).arg(bytes / (1024 * 1024)).arg(QDir::tempPath()));
}

}  // namespace

void saveModelFile(const QString &path, ml::SentimentModel &model, const ml::ModelDescription &description)
{
    const QString folder = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(folder))
        throw store::WriteError(QStringLiteral("%1: cannot create the folder").arg(folder));
    QTemporaryDir staging(stagingParent(archiveSizeBound(model), path) + QStringLiteral("/sentilens-model-XXXXXX"));
    if (!staging.isValid())
        throw store::WriteError(QStringLiteral("%1: cannot be written (no temporary folder: %2)").arg(path, staging.errorString()));
    const QString staged = staging.filePath(QFileInfo(path).fileName());
    try {
        ml::saveModel(staged.toStdString(), model, description);
    } catch (const std::exception &error) {
        throw Error(QStringLiteral("%1: %2").arg(path, QString::fromUtf8(error.what())));
    }
    QFile file(staged);
    if (!file.open(QIODevice::ReadOnly))
        throw store::WriteError(QStringLiteral("%1: cannot read the staged model back (%2)").arg(staged, file.errorString()));
    store::writeFileAtomically(path, file.readAll());
}

}  // namespace sl::training
