#include "core/store/media_root.h"

#include "core/common/error.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>
#include <QUrl>

namespace sl::store {

namespace {

// QSettings treats '/' in a key as a group separator; the URL is percent-encoded into one key.
QString keyFor(const QString &displayLocation)
{
    return QStringLiteral("media-root/") + QString::fromLatin1(QUrl::toPercentEncoding(displayLocation));
}

}  // namespace

QString machineSettingsPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation))
        .filePath(QStringLiteral("SentiLens/servers.ini"));
}

QString mediaRootFor(const QString &displayLocation)
{
    const QString forced = qEnvironmentVariable("SENTILENS_MEDIA_ROOT");
    if (!forced.isEmpty())
        return QDir(forced).absolutePath();
    const QSettings settings(machineSettingsPath(), QSettings::IniFormat);
    return settings.value(keyFor(displayLocation)).toString();
}

void setMediaRootFor(const QString &displayLocation, const QString &folder)
{
    const QFileInfo info(folder);
    if (!info.isDir())
        throw Error(QStringLiteral("%1: the media root is not a folder on this machine").arg(folder));
    QSettings settings(machineSettingsPath(), QSettings::IniFormat);
    settings.setValue(keyFor(displayLocation), info.absoluteFilePath());
    settings.sync();
    if (settings.status() != QSettings::NoError)
        throw Error(QStringLiteral("%1: cannot record the media root for %2").arg(machineSettingsPath(), displayLocation));
}

}  // namespace sl::store
