#include "app/cli/clip_argument.h"

#include "core/common/error.h"
#include "core/store/project.h"

namespace sl::cli {

std::optional<ClipKey> parseClipKey(const QString &text)
{
    const qsizetype slash = text.indexOf(QLatin1Char('/'));
    if (slash <= 0 || slash == text.size() - 1)
        return std::nullopt;
    return ClipKey{text.left(slash), text.mid(slash + 1)};
}

qint64 clipIdOf(const store::Project &project, const ClipKey &key)
{
    const auto clip = project.clips().findByKey(key.videoId, key.clipId);
    if (!clip)
        throw Error(QStringLiteral("%1: no clip %2/%3 in this project").arg(project.databasePath(), key.videoId, key.clipId));
    return clip->id;
}

}  // namespace sl::cli
