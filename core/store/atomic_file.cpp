#include "core/store/atomic_file.h"

#include "core/store/write_error.h"

#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace sl::store {

namespace {

// QSaveFile is not used: its buffered writes and its commit() let a short write on a full disk
// pass unnoticed in some Qt versions, and it falls back to writing in place for some targets.
// Plain POSIX calls let every step be checked.
[[noreturn]] void fail(const QString &path, const char *step, int error)
{
    throw WriteError(QStringLiteral("%1: cannot be written (%2: %3); the previous file, if any, is unchanged")
                         .arg(path, QString::fromLatin1(step), QString::fromLocal8Bit(std::strerror(error))));
}

bool writeAll(int fd, const char *data, qsizetype size)
{
    while (size > 0) {
        const ssize_t written = ::write(fd, data, size_t(size));
        if (written < 0 && errno == EINTR)
            continue;
        if (written <= 0) {
            if (written == 0)
                errno = ENOSPC;  // a write that makes no progress is a full device
            return false;
        }
        data += written;
        size -= written;
    }
    return true;
}

}  // namespace

void writeFileAtomically(const QString &path, const QByteArray &bytes)
{
    const QFileInfo target(path);
    if (target.exists() && !target.isFile())
        throw WriteError(QStringLiteral("%1: cannot be written (not a regular file)").arg(path));
    // A new name beside the target (same file system, so the rename is atomic), created with
    // O_EXCL and mode 0666 so that the umask gives an export the permissions of any new file.
    QByteArray pattern;
    int fd = -1;
    for (int attempt = 0; fd < 0 && attempt < 100; ++attempt) {
        pattern = QFile::encodeName(QStringLiteral("%1/.%2.%3").arg(target.absolutePath(), target.fileName())
                                        .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0')));
        fd = ::open(pattern.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd < 0 && errno != EEXIST)
            break;
    }
    if (fd < 0)
        fail(path, "creating a temporary file beside it", errno);
    const auto abandon = [&](const char *step) {
        const int error = errno;
        ::close(fd);
        ::unlink(pattern.constData());
        fail(path, step, error);
    };
    if (!writeAll(fd, bytes.constData(), bytes.size()))
        abandon("write");
    if (::fsync(fd) != 0)
        abandon("flush to disk");
    if (::close(fd) != 0) {
        const int error = errno;
        ::unlink(pattern.constData());
        fail(path, "close", error);
    }
    if (::rename(pattern.constData(), QFile::encodeName(target.absoluteFilePath()).constData()) != 0) {
        const int error = errno;
        ::unlink(pattern.constData());
        fail(path, "rename into place", error);
    }
}

}  // namespace sl::store
