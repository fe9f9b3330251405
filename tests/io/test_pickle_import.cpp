// MMSA feature pickles: the restricted reader, the layout checks, import and export. The pickles
// and the expected values come from tests/io/make_pickles.py, run here with Debian's python3 and
// numpy: the oracle is numpy's reading of the files, not this code's.
#include "core/common/error.h"
#include "core/io/feature_exporter.h"
#include "core/io/mmsa_feature_file.h"
#include "core/io/pickle_importer.h"
#include "core/io/pickle_reader.h"
#include "core/store/project.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace sl;

namespace {

const QString kPython = QStringLiteral(SENTILENS_TEST_PYTHON);
const QString kScript = QStringLiteral(SENTILENS_MAKE_PICKLES);

QString runPython(const QStringList &arguments, int *exitCode = nullptr)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(kPython, QStringList{kScript} + arguments);
    if (!process.waitForFinished(120000))
        qFatal("%s did not finish: %s", qPrintable(kPython), qPrintable(process.errorString()));
    if (exitCode)
        *exitCode = process.exitCode();
    return QString::fromUtf8(process.readAll());
}

int countRows(const store::Project &project, const char *table)
{
    QSqlQuery query(project.db());
    query.exec(QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table)));
    query.next();
    return query.value(0).toInt();
}

std::unique_ptr<store::Project> freshProject(const QTemporaryDir &dir, const QString &name, LabelScale scale)
{
    return store::Project::create(dir.filePath(name), name, scale);
}

}  // namespace

class TestPickleImport : public QObject {
    Q_OBJECT

    QTemporaryDir m_fixtures;
    QJsonObject m_manifest;

    QString fixture(const QString &name) const { return m_fixtures.filePath(name); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_fixtures.isValid());
        int code = -1;
        const QString output = runPython({m_fixtures.path()}, &code);
        QVERIFY2(code == 0, qPrintable(QStringLiteral("make_pickles.py failed (needs python3-numpy): ") + output));
        QFile manifest(fixture(QStringLiteral("manifest.json")));
        QVERIFY(manifest.open(QIODevice::ReadOnly));
        m_manifest = QJsonDocument::fromJson(manifest.readAll()).object();
        QCOMPARE(m_manifest.value(QStringLiteral("good")).toObject().size(), 5);
    }

    void readsEveryLayout_data()
    {
        QTest::addColumn<QString>("file");
        for (const QString &file : m_manifest.value(QStringLiteral("good")).toObject().keys())
            QTest::newRow(qPrintable(file)) << file;
    }
    // Ids, raw text, labels, shapes and lengths as numpy sees them; then imported, the stored
    // features of every clip sum to numpy's sum of its valid steps (-inf audio as 0).
    void readsEveryLayout()
    {
        QFETCH(QString, file);
        const QJsonObject expected = m_manifest.value(QStringLiteral("good")).toObject().value(file).toObject();
        const io::MmsaFeatureFile pkl = io::readMmsaFeatureFile(fixture(file));
        QCOMPARE(pkl.aligned, expected.value(QStringLiteral("aligned")).toBool());
        const QJsonObject splits = expected.value(QStringLiteral("splits")).toObject();
        QCOMPARE(int(pkl.splits.size()), splits.size());

        QTemporaryDir dir;
        auto project = freshProject(dir, QStringLiteral("p"), io::detectScale(pkl));
        const bool sims = file.startsWith(QLatin1String("sims")) || file.startsWith(QLatin1String("fet"));
        QCOMPARE(project->labelScale().kind(), sims ? LabelScale::Kind::Sims : LabelScale::Kind::Mosi);
        int progressCalls = 0;
        io::PickleImportOptions options;
        options.progress = [&](const QString &, qint64, qint64) { ++progressCalls; };
        const io::ImportReport report = io::importMmsaFeatures(*project, pkl, options);
        QVERIFY(report.committed);
        QCOMPARE(report.clipsImported, pkl.clipCount());
        QVERIFY(progressCalls >= pkl.clipCount());
        const store::FeatureRepository features = project->features();
        const qint64 annotator = project->annotators().ensure(QStringLiteral("dataset")).id;

        for (const io::MmsaSplit &split : pkl.splits) {
            const QJsonObject want = splits.value(split.name).toObject();
            const QJsonArray ids = want.value(QStringLiteral("ids")).toArray();
            QCOMPARE(split.size(), ids.size());
            QCOMPARE(project->clips().count(split.name), ids.size());
            const QJsonObject labels = want.value(QStringLiteral("labels")).toObject();
            for (int i = 0; i < split.size(); ++i) {
                QCOMPARE(split.videoIds[i] + QStringLiteral("$_$") + split.clipIds[i], ids[i].toString());
                const std::optional<store::Clip> clip = project->clips().findByKey(split.videoIds[i], split.clipIds[i]);
                QVERIFY(clip);
                QCOMPARE(clip->split, split.name);
                QCOMPARE(clip->transcript, want.value(QStringLiteral("raw_text")).toArray()[i].toString());
                QVERIFY(clip->mediaPath.isEmpty());
                for (const QString &target : labels.keys()) {
                    const double value = labels.value(target).toArray()[i].toDouble();
                    const auto stored = project->labels().value(clip->id, annotator, *targetFromName(target));
                    QVERIFY2(stored && qAbs(*stored - value) < 1e-9, qPrintable(ids[i].toString() + QLatin1Char(' ') + target));
                }
                const QJsonObject modalities = want.value(QStringLiteral("modalities")).toObject();
                for (std::size_t m = 0; m < 3; ++m) {
                    const QJsonObject mod = modalities.value(QLatin1String(io::kMmsaModalityKeys[m])).toObject();
                    const QJsonArray shape = mod.value(QStringLiteral("shape")).toArray();
                    QCOMPARE(pkl.dims[m], shape[2].toInt());
                    QCOMPARE(split.modalities[m]->lengths[std::size_t(i)], mod.value(QStringLiteral("lengths")).toArray()[i].toInt());
                    const auto set = features.currentSet(QLatin1String(io::kMmsaModalityCodes[m]));
                    QVERIFY(set);
                    QCOMPARE(set->dims, pkl.dims[m]);
                    QVERIFY(set->name.startsWith(file));
                    const std::optional<store::ClipFeatures> stored = features.load(set->id, clip->id);
                    QVERIFY(stored);
                    QCOMPARE(stored->frames, mod.value(QStringLiteral("lengths")).toArray()[i].toInt());
                    double sum = 0;
                    for (float v : stored->data)
                        sum += v;
                    const double want = mod.value(QStringLiteral("sums")).toArray()[i].toDouble();
                    QVERIFY2(qAbs(sum - want) < 1e-4 * (1 + qAbs(want)),
                             qPrintable(QStringLiteral("%1 %2: %3 vs %4").arg(ids[i].toString()).arg(m).arg(sum).arg(want)));
                }
            }
        }
        // BERT's ids are kept as their own T set, but the text features are the one models use.
        bool haveBert = false;
        for (const store::FeatureSet &set : features.sets())
            haveBert = haveBert || set.name.endsWith(QLatin1String("text_bert"));
        QVERIFY(haveBert);
        QVERIFY(features.currentSet(QStringLiteral("T"))->name.endsWith(QLatin1String(" text")));
    }

    void refusesWithoutRunningAnything_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("message");
        const QJsonObject bad = m_manifest.value(QStringLiteral("bad")).toObject();
        for (const QString &file : bad.keys())
            QTest::newRow(qPrintable(file)) << file << bad.value(file).toString();
    }
    void refusesWithoutRunningAnything()
    {
        QFETCH(QString, file);
        QFETCH(QString, message);
        QTemporaryDir dir;
        QDir::setCurrent(dir.path());  // where the payloads would leave PWNED.txt
        auto project = freshProject(dir, QStringLiteral("p"), LabelScale());
        try {
            io::importFeaturePickle(*project, fixture(file), {});
            QFAIL("the pickle was accepted");
        } catch (const Error &error) {
            QVERIFY2(error.message().contains(message), qPrintable(error.message()));
            QVERIFY2(error.message().startsWith(fixture(file) + QLatin1Char(':')), qPrintable(error.message()));
            if (message.contains(QLatin1Char('.')) && !message.contains(QLatin1Char(' ')))
                QVERIFY2(error.message().contains(QLatin1String(": byte ")), qPrintable(error.message()));
        }
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("PWNED.txt"))));
        for (const char *table : {"clips", "labels", "feature_sets", "clip_features", "annotators"})
            QCOMPARE(countRows(*project, table), 0);
    }

    void refusesTruncatedFiles()
    {
        QFile source(fixture(QStringLiteral("sims_unaligned_p5.pkl")));
        QVERIFY(source.open(QIODevice::ReadOnly));
        const QByteArray whole = source.readAll();
        QTemporaryDir dir;
        for (qsizetype cut : {qsizetype(0), qsizetype(1), qsizetype(2), qsizetype(11), qsizetype(100), whole.size() / 3,
                              whole.size() / 2, whole.size() - 40, whole.size() - 1}) {
            const QString path = dir.filePath(QStringLiteral("cut%1.pkl").arg(cut));
            QFile out(path);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(whole.left(cut));
            out.close();
            try {
                io::readMmsaFeatureFile(path);
                QFAIL(qPrintable(QStringLiteral("cut at %1 was accepted").arg(cut)));
            } catch (const Error &error) {
                QVERIFY2(error.message().startsWith(path + QLatin1Char(':')), qPrintable(error.message()));
                QVERIFY2(error.message().contains(QLatin1String("truncated")) || error.message().contains(QLatin1String("empty")),
                         qPrintable(error.message()));
            }
        }
    }

    void refusesAClipAlreadyInTheProject()
    {
        QTemporaryDir dir;
        auto project = freshProject(dir, QStringLiteral("p"), LabelScale());
        io::importFeaturePickle(*project, fixture(QStringLiteral("mosi_aligned_p4.pkl")), {});
        const int clips = countRows(*project, "clips"), rows = countRows(*project, "clip_features");
        QVERIFY_THROWS_EXCEPTION(Error, io::importFeaturePickle(*project, fixture(QStringLiteral("mosi_aligned_p4.pkl")), {}));
        QCOMPARE(countRows(*project, "clips"), clips);
        QCOMPARE(countRows(*project, "clip_features"), rows);
    }

    void refusesLabelsOffTheProjectScale()
    {
        QTemporaryDir dir;
        auto project = freshProject(dir, QStringLiteral("p"), LabelScale(LabelScale::Kind::Sims));
        try {
            io::importFeaturePickle(*project, fixture(QStringLiteral("mosi_unaligned_p2.pkl")), {});
            QFAIL("MOSI labels went into a CH-SIMS project");
        } catch (const Error &error) {
            QVERIFY2(error.message().contains(QLatin1String("sims")), qPrintable(error.message()));
        }
        QCOMPARE(countRows(*project, "clips"), 0);
    }

    void roundTripThroughPython_data()
    {
        QTest::addColumn<QString>("file");
        // numpy 1 cannot load the numpy-2-named file, so Python cannot be the oracle for it.
        for (const QString &file : m_manifest.value(QStringLiteral("good")).toObject().keys())
            if (!file.startsWith(QLatin1String("numpy2")))
                QTest::newRow(qPrintable(file)) << file;
    }
    // Import, export, then Python's pickle.load with numpy reads the same ids, labels, lengths
    // and values as in the original file (make_pickles.py --compare).
    void roundTripThroughPython()
    {
        QFETCH(QString, file);
        QTemporaryDir dir;
        const io::MmsaFeatureFile pkl = io::readMmsaFeatureFile(fixture(file));
        auto project = freshProject(dir, QStringLiteral("p"), io::detectScale(pkl));
        io::importMmsaFeatures(*project, pkl, {});
        const QString out = dir.filePath(QStringLiteral("export.pkl"));
        const io::FeatureExportReport report = io::exportMmsaFeatures(*project, out, {});
        QCOMPARE(report.clips, pkl.clipCount());
        QCOMPARE(report.modalities, (QStringList{QStringLiteral("text"), QStringLiteral("audio"), QStringLiteral("vision")}));
        int code = -1;
        const QString output = runPython({QStringLiteral("--compare"), fixture(file), out}, &code);
        QVERIFY2(code == 0 && output.trimmed().endsWith(QLatin1String("OK")), qPrintable(output));
        // And our own reader takes the export back.
        const io::MmsaFeatureFile again = io::readMmsaFeatureFile(out);
        QCOMPARE(again.clipCount(), pkl.clipCount());
        QCOMPARE(again.dims, pkl.dims);
    }

    void exportsOneSplit()
    {
        QTemporaryDir dir;
        auto project = freshProject(dir, QStringLiteral("p"), LabelScale(LabelScale::Kind::Sims));
        io::importFeaturePickle(*project, fixture(QStringLiteral("sims_unaligned_p5.pkl")), {});
        io::FeatureExportOptions options;
        options.split = QStringLiteral("valid");
        const QString out = dir.filePath(QStringLiteral("valid.pkl"));
        const io::FeatureExportReport report = io::exportMmsaFeatures(*project, out, options);
        QCOMPARE(report.clips, 2);
        QCOMPARE(report.unimodalLabels, (QStringList{QStringLiteral("T"), QStringLiteral("A"), QStringLiteral("V")}));
        int code = -1;
        const QString output = runPython({QStringLiteral("--load"), out}, &code);
        QCOMPARE(code, 0);
        const QJsonObject shapes = QJsonDocument::fromJson(output.toUtf8()).object();
        QCOMPARE(shapes.keys(), QStringList{QStringLiteral("valid")});
        QCOMPARE(shapes.value(QStringLiteral("valid")).toObject().value(QStringLiteral("regression_labels_A")).toArray(),
                 (QJsonArray{2}));
    }
};

QTEST_GUILESS_MAIN(TestPickleImport)
#include "test_pickle_import.moc"
