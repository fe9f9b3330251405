#pragma once
// Errors and problem reports shared by the Qt-based core layers.
#include <QString>
#include <QStringList>
#include <stdexcept>

namespace sl {

// A failure that a user can act on. The message always names the file (or project) involved.
class Error : public std::runtime_error {
public:
    explicit Error(const QString &message);
    QString message() const { return m_message; }

private:
    QString m_message;
};

// One problem found in an input file, with its location, so that a report can list all of them.
struct Problem {
    QString file;
    int line = 0;  // 1-based; 0 when the problem concerns the whole file
    QString message;

    QString toString() const;  // "file:line: message"
};

QStringList toStrings(const QList<Problem> &problems);

}  // namespace sl
