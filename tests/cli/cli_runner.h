#pragma once
// Runs the real sentilens-cli (path in $SENTILENS_CLI) for the end-to-end CLI tests.
#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

namespace sl::test {

struct CliResult {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

// Aborts the test run when the command does not finish in time.
CliResult cli(const QStringList &args, int timeoutMs = 120000);

}  // namespace sl::test
