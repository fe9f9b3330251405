#pragma once
// A server project's media paths are stored relative to a media root that every machine mounts
// where it likes (/mnt/corpus here, Z:\corpus there), so the folder is a per-machine setting kept
// outside the shared database: in <config>/SentiLens/servers.ini, one entry per server project.
// SENTILENS_MEDIA_ROOT overrides it for every server project (batch jobs, containers).
#include <QString>

namespace sl::store {

// The media root this machine uses for the server project `displayLocation` (a URL without its
// password); empty when none is set.
QString mediaRootFor(const QString &displayLocation);

// Records `folder` (made absolute) as this machine's media root for `displayLocation`. Throws
// sl::Error when the folder does not exist or the settings file cannot be written.
void setMediaRootFor(const QString &displayLocation, const QString &folder);

// The settings file, for messages.
QString machineSettingsPath();

}  // namespace sl::store
