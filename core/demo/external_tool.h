#pragma once
// Runs the external programs the generator needs (espeak-ng, ffmpeg) and turns every way they
// can fail into an sl::Error that names the file being made and quotes the program's stderr.
// Works without an event loop, so each worker thread runs its own processes.
#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace sl::demo {

// Full path of a program on PATH; throws sl::Error naming the program, the file it was needed
// for and the Debian package that provides it.
QString findTool(const QString &program, const QString &package, const QString &neededFor);

class ToolRun {
public:
    // Starts the program; subject is the file it makes, named in every error.
    ToolRun(const QString &program, const QString &package, const QStringList &arguments, const QString &subject);
    ~ToolRun();
    ToolRun(const ToolRun &) = delete;
    ToolRun &operator=(const ToolRun &) = delete;

    // Feeds bytes to the program's standard input, waiting while the pipe is full.
    void write(const QByteArray &bytes);
    // Closes standard input and waits for a clean exit.
    void finish(int timeoutMs);

private:
    [[noreturn]] void fail(const QString &what);

    QString m_program;
    QString m_subject;
    QProcess m_process;
};

}  // namespace sl::demo
