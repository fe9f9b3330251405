#include "core/io/text_decoding.h"

#include "core/io/file_error.h"

#include <QFile>
#include <QFileInfo>

namespace sl::io {
namespace {

bool startsWith(const QByteArray &bytes, std::initializer_list<unsigned char> prefix)
{
    if (bytes.size() < qsizetype(prefix.size()))
        return false;
    qsizetype i = 0;
    for (unsigned char b : prefix)
        if (static_cast<unsigned char>(bytes[i++]) != b)
            return false;
    return true;
}

// Names the Unicode encoding announced by a byte order mark other than UTF-8's, if any.
// UTF-32 LE must be tested before UTF-16 LE because its mark begins with UTF-16 LE's.
QString foreignByteOrderMark(const QByteArray &bytes)
{
    if (startsWith(bytes, {0xFF, 0xFE, 0x00, 0x00}) || startsWith(bytes, {0x00, 0x00, 0xFE, 0xFF}))
        return QStringLiteral("UTF-32");
    if (startsWith(bytes, {0xFF, 0xFE}) || startsWith(bytes, {0xFE, 0xFF}))
        return QStringLiteral("UTF-16");
    return {};
}

bool isContinuation(unsigned char b) { return (b & 0xC0) == 0x80; }

// The Unicode standard's table of well-formed UTF-8 sequences: how long a sequence is for each
// lead byte, and which values its second byte may take. Those second-byte limits are what shut
// out overlong forms, surrogates and code points past U+10FFFF; C0, C1 and F5..FF never lead.
struct LeadByte {
    unsigned char first, last;  // range of lead bytes
    int length;
    unsigned char low, high;  // allowed second byte
};
constexpr LeadByte kLeadBytes[] = {
    {0xC2, 0xDF, 2, 0x80, 0xBF}, {0xE0, 0xE0, 3, 0xA0, 0xBF}, {0xE1, 0xEC, 3, 0x80, 0xBF},
    {0xED, 0xED, 3, 0x80, 0x9F}, {0xEE, 0xEF, 3, 0x80, 0xBF}, {0xF0, 0xF0, 4, 0x90, 0xBF},
    {0xF1, 0xF3, 4, 0x80, 0xBF}, {0xF4, 0xF4, 4, 0x80, 0x8F},
};

// Length of the well-formed UTF-8 sequence starting at bytes[pos], or 0 when it is not one.
int sequenceLength(const QByteArray &bytes, qsizetype pos)
{
    const auto at = [&](qsizetype i) { return static_cast<unsigned char>(bytes[i]); };
    const unsigned char lead = at(pos);
    if (lead < 0x80)
        return 1;
    for (const LeadByte &l : kLeadBytes) {
        if (lead < l.first || lead > l.last)
            continue;
        if (pos + l.length > bytes.size() || at(pos + 1) < l.low || at(pos + 1) > l.high)
            return 0;
        for (int i = 2; i < l.length; ++i)
            if (!isContinuation(at(pos + i)))
                return 0;
        return l.length;
    }
    return 0;
}

// Byte offset of the first sequence that is not well-formed UTF-8, or -1 when all are.
qsizetype firstInvalidOffset(const QByteArray &bytes, qsizetype from)
{
    for (qsizetype pos = from; pos < bytes.size();) {
        const int length = sequenceLength(bytes, pos);
        if (length == 0)
            return pos;
        pos += length;
    }
    return -1;
}

}  // namespace

QString decodeUtf8Text(const QByteArray &bytes, const QString &fileName)
{
    const QString foreign = foreignByteOrderMark(bytes);
    if (!foreign.isEmpty())
        throwFileError(fileName, 0, QStringLiteral("is %1 encoded; save it as UTF-8").arg(foreign));

    const qsizetype start = startsWith(bytes, {0xEF, 0xBB, 0xBF}) ? 3 : 0;
    const qsizetype bad = firstInvalidOffset(bytes, start);
    if (bad >= 0) {
        const int line = int(bytes.left(bad).count('\n')) + 1;
        const QString byte = QString::number(static_cast<unsigned char>(bytes[bad]), 16).toUpper();
        throwFileError(fileName, 0,
                       QStringLiteral("not UTF-8 text (invalid byte 0x%1 at line %2, offset %3); "
                                      "save the file as UTF-8")
                           .arg(byte.rightJustified(2, QLatin1Char('0')))
                           .arg(line)
                           .arg(bad));
    }
    return QString::fromUtf8(bytes.constData() + start, bytes.size() - start);
}

QString readUtf8File(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        throwFileError(path, 0, QStringLiteral("file not found"));
    if (info.isDir())
        throwFileError(path, 0, QStringLiteral("is a folder, not a file"));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throwFileError(path, 0, QStringLiteral("cannot be read (%1)").arg(file.errorString()));
    const QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError)
        throwFileError(path, 0, QStringLiteral("cannot be read (%1)").arg(file.errorString()));
    return decodeUtf8Text(bytes, path);
}

}  // namespace sl::io
