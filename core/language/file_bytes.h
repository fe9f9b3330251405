#pragma once
// Reading the small data files of this library (lexicons, vocabularies), from disk or from the
// bundled Qt resources, with errors that name the file and say what it was meant to be.
#include <QByteArray>
#include <QString>

namespace sl::language {

// Throws sl::Error "<path>: cannot read <what>: <reason>".
QByteArray readFileBytes(const QString &path, const QString &what);

// As above, and also refuses bytes that are not valid UTF-8.
QString readUtf8File(const QString &path, const QString &what);

}  // namespace sl::language
