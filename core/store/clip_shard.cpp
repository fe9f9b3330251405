#include "core/store/clip_shard.h"

#include "core/common/error.h"
#include "core/store/clip_repository.h"

#include <QCryptographicHash>

namespace sl::store {

ClipShard::ClipShard(int index, int count) : m_index(index), m_count(count)
{
    if (count < 1 || index < 0 || index >= count)
        throw Error(QStringLiteral("shard %1/%2: K/N needs 0 <= K < N").arg(index).arg(count));
}

ClipShard ClipShard::parse(const QString &text)
{
    const QStringList parts = text.split(QLatin1Char('/'));
    bool indexOk = false, countOk = false;
    const int index = parts.size() == 2 ? parts[0].trimmed().toInt(&indexOk) : 0;
    const int count = parts.size() == 2 ? parts[1].trimmed().toInt(&countOk) : 0;
    if (!indexOk || !countOk)
        throw Error(QStringLiteral("shard '%1': expected K/N, e.g. 0/4 for the first of four").arg(text));
    if (count < 1 || index < 0 || index >= count)
        throw Error(QStringLiteral("shard '%1': K/N needs 0 <= K < N (K counts from 0, as Slurm's array task ids do)").arg(text));
    return ClipShard(index, count);
}

bool ClipShard::contains(const Clip &clip) const { return containsKey(clip.key()); }

bool ClipShard::containsKey(const QString &clipKey) const
{
    if (m_count == 1)
        return true;
    const QByteArray digest = QCryptographicHash::hash(clipKey.toUtf8(), QCryptographicHash::Sha1);
    quint64 value = 0;
    for (int i = 0; i < 8; ++i)
        value = (value << 8) | quint64(quint8(digest[i]));
    return value % quint64(m_count) == quint64(m_index);
}

QString ClipShard::toString() const { return QStringLiteral("%1/%2").arg(m_index).arg(m_count); }

}  // namespace sl::store
