#include "tests/cli/cli_runner.h"

#include <QProcess>
#include <QtGlobal>

namespace sl::test {

CliResult cli(const QStringList &args, int timeoutMs)
{
    QProcess process;
    process.start(qEnvironmentVariable("SENTILENS_CLI"), args);
    if (!process.waitForFinished(timeoutMs))
        qFatal("sentilens-cli %s did not finish", qPrintable(args.join(QLatin1Char(' '))));
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, process.readAllStandardOutput(),
            process.readAllStandardError()};
}

}  // namespace sl::test
