#pragma once
// What every sentilens-cli command shares: argument parsing conventions, exit codes, human or
// JSON output, and errors on stderr.
#include <QCommandLineParser>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QTextStream>
#include <exception>
#include <memory>

namespace sl::store {
class Project;
}

namespace sl::cli {

// Exit codes, also listed by `sentilens-cli --help`.
enum ExitCode {
    Success = 0,
    InputProblems = 1,  // the input had problems (e.g. an import with bad rows); nothing was changed
    UsageError = 2,     // wrong arguments
    ProjectError = 3,   // the project cannot be opened or written (missing, locked, newer, read-only)
    ToolError = 4,      // an external tool or the media pipeline failed
};

class Command {
public:
    Command(const QString &name, const QString &description, const QStringList &arguments);

    QCommandLineParser &parser() { return m_parser; }
    // Parses; on --help prints help and returns false with exitCode() = Success; on a usage error
    // prints it and returns false with exitCode() = UsageError.
    bool parse(int positionalCount, int optionalPositionals = 0);
    int exitCode() const { return m_exitCode; }
    QString positional(int index) const;
    bool json() const { return m_parser.isSet(QStringLiteral("json")); }

    // Prints a line for people (nothing in --json mode).
    void say(const QString &line);
    // Prints the JSON result (in --json mode only).
    void emitJson(const QJsonObject &object);
    // Prints an error on stderr and returns `code`.
    int fail(int code, const QString &message);
    // Prints what `error` says and returns its exit code: ProjectError for a file that cannot be
    // written (store::WriteError: locked, read-only, full disk), `code` for anything else. A
    // LibTorch error's backtrace is left out (see describeException).
    int fail(const std::exception &error, int code);
    // Opens the project folder named by positional argument `index`. When it cannot be opened
    // (missing, locked, newer, read-only), prints why and returns null with exitCode() = ProjectError.
    std::unique_ptr<store::Project> openProject(int index = 0);

private:
    QString m_name;
    QStringList m_arguments;
    QCommandLineParser m_parser;
    int m_exitCode = Success;
};

// The message of any exception, for people: an sl::Error's own message; LibTorch's c10::Error
// without the 30 lines of C++ backtrace its what() carries.
QString describeException(const std::exception &error);
// The exit code of an exception that escaped a command (ProjectError for store::WriteError).
int exitCodeOf(const std::exception &error, int otherwise);

QTextStream &out();
QTextStream &err();

int runInit(const QStringList &args);
int runMediaRoot(const QStringList &args);
int runImport(const QStringList &args);
int runList(const QStringList &args);
int runStats(const QStringList &args);
int runExport(const QStringList &args);
int runDemo(const QStringList &args);
int runDevice(const QStringList &args);
int runExtract(const QStringList &args);
int runProbe(const QStringList &args);
int runTrain(const QStringList &args);
int runEvaluate(const QStringList &args);
int runPredict(const QStringList &args);
int runExplain(const QStringList &args);
int runAgreement(const QStringList &args);
int runAdjudicate(const QStringList &args);
int runAssign(const QStringList &args);
int runElanExport(const QStringList &args);
int runElanImport(const QStringList &args);
int runLanguage(const QStringList &args);

}  // namespace sl::cli
