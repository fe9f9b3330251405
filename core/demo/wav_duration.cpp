#include "core/demo/wav_duration.h"

#include "core/common/error.h"

#include <QFile>
#include <QtEndian>
#include <algorithm>

namespace sl::demo {

namespace {

quint32 le32(const QByteArray &b, qsizetype at)
{
    return qFromLittleEndian<quint32>(b.constData() + at);
}

quint16 le16(const QByteArray &b, qsizetype at)
{
    return qFromLittleEndian<quint16>(b.constData() + at);
}

}  // namespace

double wavDurationSeconds(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw Error(QStringLiteral("%1: cannot read the synthesized speech: %2").arg(path, file.errorString()));
    const QByteArray b = file.readAll();
    if (b.size() < 12 || !b.startsWith("RIFF") || b.mid(8, 4) != "WAVE")
        throw Error(QStringLiteral("%1: not a WAV file").arg(path));

    quint64 bytesPerSecond = 0;
    for (qsizetype at = 12; at + 8 <= b.size();) {
        const QByteArray id = b.mid(at, 4);
        const quint64 size = le32(b, at + 4);
        const qsizetype body = at + 8;
        if (id == "fmt " && body + 16 <= b.size()) {
            const quint32 rate = le32(b, body + 4);
            const quint16 blockAlign = le16(b, body + 12);
            bytesPerSecond = quint64(rate) * blockAlign;
        } else if (id == "data") {
            if (bytesPerSecond == 0)
                break;
            // A writer that streams may leave the size unset; the bytes present are what counts.
            const quint64 present = quint64(b.size() - body);
            return double(std::min(size, present)) / double(bytesPerSecond);
        }
        at = body + qsizetype(size + (size & 1));  // chunks are padded to even sizes
    }
    throw Error(QStringLiteral("%1: WAV file without a PCM format and data chunk").arg(path));
}

}  // namespace sl::demo
