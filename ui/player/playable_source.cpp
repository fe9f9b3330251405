#include "ui/player/playable_source.h"

#include <QFile>
#include <QFileInfo>

namespace sl::ui {

bool PlayableSource::passesUnchanged(const QString &file)
{
    for (const QChar c : file)
        if (c.unicode() < 0x20 || c.unicode() > 0x7E || c == u'%' || c == u'#' || c == u'?')
            return false;
    return true;
}

QUrl PlayableSource::urlFor(const QString &file)
{
    if (file.isEmpty())
        return {};
    if (passesUnchanged(file))
        return QUrl::fromLocalFile(file);
    if (!m_links) {
        m_links = std::make_unique<QTemporaryDir>();
        if (!m_links->isValid() || !passesUnchanged(m_links->path())) {
            m_links.reset();
            return QUrl::fromLocalFile(file);  // no link possible: let the player report its error
        }
    }
    // A new name for every clip (the links are removed with the folder): FFmpeg must not find an
    // old clip under a reused name while the previous source is still being closed.
    const QString suffix = QFileInfo(file).suffix();
    const QString link = m_links->filePath(QStringLiteral("clip-%1%2").arg(++m_count).arg(
        passesUnchanged(suffix) && !suffix.isEmpty() ? QLatin1Char('.') + suffix : QString()));
    if (!QFile::link(QFileInfo(file).absoluteFilePath(), link))
        return QUrl::fromLocalFile(file);
    return QUrl::fromLocalFile(link);
}

}  // namespace sl::ui
