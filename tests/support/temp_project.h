#pragma once
// Small helpers that tests use to build their own inputs in a temporary folder.
#include <QByteArray>
#include <QString>
#include <QTemporaryDir>

namespace sl::test {

// Writes bytes to dir/relativePath, creating folders; fails the test on error.
QString writeFile(const QTemporaryDir &dir, const QString &relativePath, const QByteArray &bytes);

// SHA-256 of a file's bytes, hex encoded (empty when the file cannot be read).
QByteArray fileHash(const QString &path);

}  // namespace sl::test
