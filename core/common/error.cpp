#include "core/common/error.h"

namespace sl {

Error::Error(const QString &message) : std::runtime_error(message.toStdString()), m_message(message) {}

QString Problem::toString() const
{
    if (line > 0)
        return QStringLiteral("%1:%2: %3").arg(file).arg(line).arg(message);
    return QStringLiteral("%1: %2").arg(file, message);
}

QStringList toStrings(const QList<Problem> &problems)
{
    QStringList out;
    out.reserve(problems.size());
    for (const Problem &p : problems)
        out << p.toString();
    return out;
}

}  // namespace sl
