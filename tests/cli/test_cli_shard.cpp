// Work split over the clips for a cluster (issue 19): `extract --shard K/N` and `predict --shard K/N`.
//  - A clip's shard is the SHA-1 of its "video/clip" key, first eight bytes big-endian, modulo N:
//    checked against Python's hashlib for 240 keys, each key in exactly one shard.
//  - Three shards of a generated demo project extract exactly what one run extracts on a second
//    copy of the same project: the two feature exports are equal byte for byte; a re-run shard
//    finds everything cached; `stats` counts what is extracted.
//  - Two prediction shards store every clip's prediction, the values one whole run stores (to
//    float32 rounding), and neither removes the other's.
#include "tests/cli/cli_runner.h"

#include "core/store/clip_shard.h"
#include "core/store/project.h"

#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using sl::test::cli;
using sl::test::CliResult;

namespace {

QString why(const CliResult &r) { return QString::fromUtf8(r.out + r.err); }

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// (clip id, target) -> value of every stored prediction of the project's active model.
QMap<QPair<qint64, int>, double> storedPredictions(const QString &project)
{
    auto opened = sl::store::Project::open(project);
    QMap<QPair<qint64, int>, double> values;
    for (const sl::store::PredictionRecord &p : opened->models().predictions(opened->models().activeModelId()))
        values.insert({p.clipId, int(p.target)}, p.value);
    return values;
}

}  // namespace

class TestCliShard : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

    QString path(const QString &name) const { return m_dir.filePath(name); }

private slots:
    void assignmentIsSha1OfTheKey()
    {
        QStringList keys;
        for (int v = 0; v < 60; ++v)
            for (int c = 0; c < 4; ++c)
                keys << QStringLiteral("video_%1/%2").arg(v).arg(c);
        keys[7] = QStringLiteral("中文视频/3");  // the key is hashed as UTF-8
        QProcess python;
        python.start(QStringLiteral(SENTILENS_TEST_PYTHON),
                     {QStringLiteral("-c"), QStringLiteral("import hashlib,sys\n"
                                                           "for k in sys.stdin.read().split('\\n'):\n"
                                                           "    print(int.from_bytes(hashlib.sha1(k.encode()).digest()[:8], 'big') % 5)")});
        python.write(keys.join(QLatin1Char('\n')).toUtf8());
        python.closeWriteChannel();
        QVERIFY(python.waitForFinished(60000));
        const QList<QByteArray> expected = python.readAllStandardOutput().trimmed().split('\n');
        QCOMPARE(expected.size(), keys.size());
        QList<int> sizes(5, 0);
        for (int i = 0; i < keys.size(); ++i) {
            int owners = 0;
            for (int k = 0; k < 5; ++k)
                if (sl::store::ClipShard(k, 5).containsKey(keys[i])) {
                    ++owners;
                    ++sizes[k];
                    QCOMPARE(k, expected[i].toInt());
                }
            QCOMPARE(owners, 1);
        }
        for (int size : sizes)
            QVERIFY(size > 20);  // 240 keys spread over five shards, none left nearly empty
        for (const char *bad : {"3/3", "-1/2", "1", "a/b", "0/0", ""})
            QVERIFY_THROWS_EXCEPTION(std::exception, sl::store::ClipShard::parse(QString::fromLatin1(bad)));
        QCOMPARE(sl::store::ClipShard::parse(QStringLiteral(" 2 / 4 ")).toString(), QStringLiteral("2/4"));
        const CliResult r = cli({QStringLiteral("extract"), path(QStringLiteral("none")), QStringLiteral("--shard"), QStringLiteral("4/4")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("0 <= K < N"), r.err.constData());
    }

    void shardsTogetherExtractWhatOneRunDoes()
    {
        const QString sharded = path(QStringLiteral("sharded")), whole = path(QStringLiteral("whole"));
        for (const QString &project : {sharded, whole}) {
            const CliResult r = cli({QStringLiteral("demo"), project, QStringLiteral("--clips"), QStringLiteral("12")});
            QVERIFY2(r.exitCode == 0, qPrintable(why(r)));
        }
        int extracted = 0;
        for (int k = 0; k < 3; ++k) {
            const CliResult r = cli({QStringLiteral("extract"), sharded, QStringLiteral("--shard"), QStringLiteral("%1/3").arg(k),
                                     QStringLiteral("--json")});
            QVERIFY2(r.exitCode == 0, qPrintable(why(r)));
            QCOMPARE(r.json().value(QStringLiteral("already_cached")).toInt(), 0);
            extracted += r.json().value(QStringLiteral("extracted")).toInt();
        }
        QCOMPARE(extracted, 12 * 3);  // 12 clips, three extractors, each unit once
        // A shard that is run again (its task died, or was sent twice) finds its work done.
        CliResult r = cli({QStringLiteral("extract"), sharded, QStringLiteral("--shard"), QStringLiteral("1/3"), QStringLiteral("--json")});
        QCOMPARE(r.json().value(QStringLiteral("extracted")).toInt(), 0);
        r = cli({QStringLiteral("stats"), sharded, QStringLiteral("--json")});
        const QJsonArray features = r.json().value(QStringLiteral("features")).toArray();
        QCOMPARE(features.size(), 3);
        for (const QJsonValue &set : features)
            QCOMPARE(set.toObject().value(QStringLiteral("clips")).toInt(), 12);

        r = cli({QStringLiteral("extract"), whole});
        QVERIFY2(r.exitCode == 0, qPrintable(why(r)));
        for (const QString &project : {sharded, whole}) {
            r = cli({QStringLiteral("export"), project, QStringLiteral("--features"), project + QStringLiteral(".pkl")});
            QVERIFY2(r.exitCode == 0, qPrintable(why(r)));
        }
        const QByteArray a = fileBytes(sharded + QStringLiteral(".pkl")), b = fileBytes(whole + QStringLiteral(".pkl"));
        QVERIFY(a.size() > 10000);
        QVERIFY(a == b);
    }

    void predictionShardsStoreEveryClip()
    {
        const QString project = path(QStringLiteral("sharded"));
        CliResult r = cli({QStringLiteral("train"), project, QStringLiteral("--arch"), QStringLiteral("late-fusion"),
                           QStringLiteral("--epochs"), QStringLiteral("3")});
        QVERIFY2(r.exitCode == 0, qPrintable(why(r)));
        const QMap<QPair<qint64, int>, double> fromTraining = storedPredictions(project);
        QCOMPARE(fromTraining.size(), 12 * 4);  // late fusion: M and a head per modality

        // Forget the stored predictions, then let two shards write them back.
        {
            auto opened = sl::store::Project::open(project);
            opened->models().storePredictions(opened->models().activeModelId(), {}, true);
        }
        int rows = 0;
        for (int k = 0; k < 2; ++k) {
            r = cli({QStringLiteral("predict"), project, QStringLiteral("--shard"), QStringLiteral("%1/2").arg(k)});
            QVERIFY2(r.exitCode == 0, qPrintable(why(r)));
            rows += int(r.out.count('\n')) - 1;  // minus the header
        }
        QCOMPARE(rows, 12);
        const QMap<QPair<qint64, int>, double> fromShards = storedPredictions(project);
        QCOMPARE(fromShards.size(), fromTraining.size());
        for (auto it = fromTraining.cbegin(); it != fromTraining.cend(); ++it)
            // The same model on the same tensors; only the batches hold other clips, so float32
            // sums may differ in the last bits (3.7e-9 seen).
            QVERIFY2(std::fabs(fromShards.value(it.key()) - it.value()) < 1e-6,
                     qPrintable(QString::number(fromShards.value(it.key()) - it.value())));
    }
};

QTEST_GUILESS_MAIN(TestCliShard)
#include "test_cli_shard.moc"
