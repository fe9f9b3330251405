#include "app/cli/cli_support.h"

#include "core/common/error.h"
#include "core/store/project.h"
#include "core/store/write_error.h"

#include <QJsonDocument>

namespace sl::cli {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

Command::Command(const QString &name, const QString &description, const QStringList &arguments)
    : m_name(name), m_arguments(arguments)
{
    m_parser.setApplicationDescription(description);
    m_parser.addHelpOption();
    m_parser.addOption({QStringLiteral("json"), QStringLiteral("Print the result as JSON on stdout.")});
}

bool Command::parse(int positionalCount, int optionalPositionals)
{
    QStringList withProgram = m_arguments;
    withProgram.prepend(QStringLiteral("sentilens-cli %1").arg(m_name));
    if (!m_parser.parse(withProgram)) {
        m_exitCode = fail(UsageError, m_parser.errorText() + QStringLiteral("\nTry 'sentilens-cli %1 --help'.").arg(m_name));
        return false;
    }
    if (m_parser.isSet(QStringLiteral("help"))) {
        out() << m_parser.helpText();
        out().flush();
        m_exitCode = Success;
        return false;
    }
    const qsizetype count = m_parser.positionalArguments().size();
    if (count < positionalCount || count > positionalCount + optionalPositionals) {
        m_exitCode = fail(UsageError, QStringLiteral("'%1' takes %2 argument(s), %3 given\nTry 'sentilens-cli %1 --help'.")
                                          .arg(m_name)
                                          .arg(positionalCount)
                                          .arg(count));
        return false;
    }
    return true;
}

QString Command::positional(int index) const
{
    const QStringList args = m_parser.positionalArguments();
    return index < args.size() ? args[index] : QString();
}

void Command::say(const QString &line)
{
    if (!json()) {
        out() << line << '\n';
        out().flush();
    }
}

void Command::emitJson(const QJsonObject &object)
{
    if (json()) {
        out() << QJsonDocument(object).toJson(QJsonDocument::Indented);
        out().flush();
    }
}

int Command::fail(int code, const QString &message)
{
    err() << "sentilens-cli: " << message << '\n';
    err().flush();
    return code;
}

int Command::fail(const std::exception &error, int code) { return fail(exitCodeOf(error, code), describeException(error)); }

QString describeException(const std::exception &error)
{
    if (const auto *own = dynamic_cast<const Error *>(&error))
        return own->message();
    // c10::Error::what() appends "Exception raised from ... (most recent call first):" and a
    // stack trace; the sentence before it is what a user can act on. Found by text, so that the
    // CLI's support code stays free of LibTorch headers.
    QString text = QString::fromUtf8(error.what());
    const qsizetype backtrace = text.indexOf(QLatin1String("Exception raised from "));
    if (backtrace >= 0)
        text.truncate(backtrace);
    return text.trimmed();
}

int exitCodeOf(const std::exception &error, int otherwise)
{
    return dynamic_cast<const store::WriteError *>(&error) ? ProjectError : otherwise;
}

std::unique_ptr<store::Project> Command::openProject(int index)
{
    try {
        return store::Project::open(positional(index));
    } catch (const Error &error) {
        m_exitCode = fail(ProjectError, error.message());
        return nullptr;
    }
}

}  // namespace sl::cli
