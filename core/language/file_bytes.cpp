#include "core/language/file_bytes.h"

#include "core/common/error.h"

#include <QFile>
#include <QStringDecoder>

namespace sl::language {

QByteArray readFileBytes(const QString &path, const QString &what)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw Error(QStringLiteral("%1: cannot read %2: %3").arg(path, what, file.errorString()));
    return file.readAll();
}

QString readUtf8File(const QString &path, const QString &what)
{
    const QByteArray bytes = readFileBytes(path, what);
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder.decode(bytes);
    if (decoder.hasError())
        throw Error(QStringLiteral("%1: %2 is not UTF-8 text").arg(path, what));
    return text;
}

}  // namespace sl::language
