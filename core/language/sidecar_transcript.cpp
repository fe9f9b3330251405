#include "core/language/sidecar_transcript.h"

#include <QDir>
#include <QFileInfo>

namespace sl::language {

QString sidecarTranscriptFor(const QString &mediaFile)
{
    if (mediaFile.isEmpty())
        return {};
    const QFileInfo media(mediaFile);
    const QDir folder = media.dir();
    for (const QString &suffix : {QStringLiteral("srt"), QStringLiteral("vtt"), QStringLiteral("txt")}) {
        for (const QString &spelling : {suffix, suffix.toUpper()}) {
            const QFileInfo candidate(folder.filePath(media.completeBaseName() + QLatin1Char('.') + spelling));
            if (candidate.isFile())
                return candidate.filePath();
        }
    }
    return {};
}

}  // namespace sl::language
