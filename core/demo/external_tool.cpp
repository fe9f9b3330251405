#include "core/demo/external_tool.h"

#include "core/common/error.h"

#include <QStandardPaths>

namespace sl::demo {

namespace {

constexpr int kStartTimeoutMs = 30000;
constexpr int kWriteTimeoutMs = 60000;
constexpr qint64 kMaxPendingBytes = 4 << 20;  // bounds the memory a slow encoder can pile up
constexpr qsizetype kStderrTail = 600;

}  // namespace

QString findTool(const QString &program, const QString &package, const QString &neededFor)
{
    const QString path = QStandardPaths::findExecutable(program);
    if (path.isEmpty())
        throw Error(QStringLiteral("%1: the program '%2' is needed but was not found on PATH (install the "
                                   "Debian package '%3')")
                        .arg(neededFor, program, package));
    return path;
}

ToolRun::ToolRun(const QString &program, const QString &package, const QStringList &arguments, const QString &subject)
    : m_program(program), m_subject(subject)
{
    m_process.setProgram(findTool(program, package, subject));
    m_process.setArguments(arguments);
    m_process.setStandardOutputFile(QProcess::nullDevice());  // both tools write files, not stdout
    m_process.start();
    if (!m_process.waitForStarted(kStartTimeoutMs))
        fail(QStringLiteral("could not be started: %1").arg(m_process.errorString()));
}

ToolRun::~ToolRun()
{
    // Reached with the program still running only when an error is on its way out.
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(kStartTimeoutMs);
    }
}

void ToolRun::write(const QByteArray &bytes)
{
    if (m_process.state() != QProcess::Running)
        fail(QStringLiteral("stopped before reading all of its input"));
    m_process.write(bytes);
    while (m_process.bytesToWrite() > kMaxPendingBytes) {
        if (!m_process.waitForBytesWritten(kWriteTimeoutMs))
            fail(QStringLiteral("stopped reading its input: %1").arg(m_process.errorString()));
    }
}

void ToolRun::finish(int timeoutMs)
{
    while (m_process.bytesToWrite() > 0) {
        if (!m_process.waitForBytesWritten(kWriteTimeoutMs))
            fail(QStringLiteral("stopped reading its input: %1").arg(m_process.errorString()));
    }
    m_process.closeWriteChannel();
    if (!m_process.waitForFinished(timeoutMs))
        fail(QStringLiteral("did not finish within %1 s").arg(timeoutMs / 1000));
    if (m_process.exitStatus() != QProcess::NormalExit)
        fail(QStringLiteral("crashed"));
    if (m_process.exitCode() != 0)
        fail(QStringLiteral("failed with exit code %1").arg(m_process.exitCode()));
}

void ToolRun::fail(const QString &what)
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(kStartTimeoutMs);
    }
    const QString stderrText = QString::fromLocal8Bit(m_process.readAllStandardError()).trimmed();
    QString message = QStringLiteral("%1: %2 %3").arg(m_subject, m_program, what);
    if (!stderrText.isEmpty())
        message += QStringLiteral("; its last output was: ") + stderrText.right(kStderrTail);
    throw Error(message);
}

}  // namespace sl::demo
