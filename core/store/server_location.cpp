#include "core/store/server_location.h"

#include "core/common/error.h"

#include <QUrl>
#include <QUrlQuery>

namespace sl::store {

bool isServerLocation(const QString &location)
{
    return location.startsWith(QLatin1String("postgresql://"), Qt::CaseInsensitive)
        || location.startsWith(QLatin1String("postgres://"), Qt::CaseInsensitive);
}

QString ServerLocation::display() const
{
    QString text = QStringLiteral("postgresql://");
    if (!user.isEmpty())
        text += QString::fromLatin1(QUrl::toPercentEncoding(user)) + QLatin1Char('@');
    // A socket folder is written percent-encoded in the host's place, as libpq itself accepts.
    text += host.startsWith(QLatin1Char('/')) ? QString::fromLatin1(QUrl::toPercentEncoding(host)) : host;
    if (port != 0)
        text += QStringLiteral(":%1").arg(port);
    return text + QLatin1Char('/') + database;
}

ServerLocation parseServerLocation(const QString &location)
{
    if (!isServerLocation(location))
        throw Error(QStringLiteral("%1: not a server project (expected postgresql://user@host[:port]/database)")
                        .arg(location));
    // QUrl refuses a percent-encoded '/' in the host, so a socket folder written that way is
    // taken out before parsing and put back afterwards.
    const qsizetype schemeEnd = location.indexOf(QLatin1String("://")) + 3;
    const qsizetype pathStart = location.indexOf(QLatin1Char('/'), schemeEnd);
    QString authority = location.mid(schemeEnd, pathStart < 0 ? -1 : pathStart - schemeEnd);
    QString socketFolder;
    const qsizetype at = authority.lastIndexOf(QLatin1Char('@'));
    QString hostPart = authority.mid(at + 1);
    if (hostPart.startsWith(QLatin1String("%2F"), Qt::CaseInsensitive)) {
        const qsizetype colon = hostPart.lastIndexOf(QLatin1Char(':'));
        socketFolder = QUrl::fromPercentEncoding(hostPart.left(colon < 0 ? hostPart.size() : colon).toUtf8());
        hostPart = QStringLiteral("localhost") + (colon < 0 ? QString() : hostPart.mid(colon));
        authority = authority.left(at + 1) + hostPart;
    }
    const QString rebuilt = QStringLiteral("postgresql://") + authority + (pathStart < 0 ? QString() : location.mid(pathStart));
    const QUrl url(rebuilt, QUrl::StrictMode);
    if (!url.isValid())
        throw Error(QStringLiteral("%1: not a valid server address (%2)").arg(location, url.errorString()));

    ServerLocation parsed;
    parsed.user = url.userName();
    parsed.password = url.password();
    parsed.host = socketFolder.isEmpty() ? url.host() : socketFolder;
    parsed.port = url.port(0);
    if (parsed.port < 0 || parsed.port > 65535)
        throw Error(QStringLiteral("%1: the port must be between 1 and 65535").arg(location));
    parsed.database = url.path().mid(1);
    if (parsed.database.isEmpty() || parsed.database.contains(QLatin1Char('/')))
        throw Error(QStringLiteral("%1: name one database after the host, as in postgresql://user@host/sentilens")
                        .arg(location));
    const QUrlQuery query(url);
    for (const auto &item : query.queryItems(QUrl::FullyDecoded)) {
        if (item.first == QLatin1String("host") && item.second.startsWith(QLatin1Char('/')))
            parsed.host = item.second;
        else
            throw Error(QStringLiteral("%1: unknown option '%2' (only host=/socket/folder is understood)")
                            .arg(location, item.first));
    }
    return parsed;
}

}  // namespace sl::store
