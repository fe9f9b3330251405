#include "core/common/error.h"
#include "core/io/dataset_importer.h"
#include "core/io/label_csv.h"
#include "core/io/label_exporter.h"
#include "core/store/project.h"
#include "tests/import/dataset_fixture.h"
#include "tests/support/temp_project.h"

#include <QFile>
#include <QtTest>

using namespace sl;
using namespace sl::store;

namespace {
QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

std::unique_ptr<Project> importedProject(const QTemporaryDir &dir, const QByteArray &csv, const QStringList &clips,
                                         LabelScale::Kind kind)
{
    const QString dataset = test::makeDataset(dir, QStringLiteral("data"), csv, clips);
    auto project = Project::create(dir.filePath(QStringLiteral("project")), QStringLiteral("p"), LabelScale(kind));
    const io::ImportReport report = io::importMmsaDataset(*project, dataset, {});
    if (!report.committed)
        qFatal("fixture import failed: %s", qPrintable(toStrings(report.problems).join('\n')));
    return project;
}
}  // namespace

class TestLabelExport : public QObject {
    Q_OBJECT
private slots:
    void importThenExportReproducesTheFile_data()
    {
        QTest::addColumn<QByteArray>("csv");
        QTest::addColumn<QStringList>("clips");
        QTest::addColumn<int>("scale");
        QTest::newRow("sims") << test::simsStyleCsv() << test::simsStyleClips() << int(LabelScale::Kind::Sims);
        QTest::newRow("mosei order, empty unimodal, extra column")
            << QByteArray("video_id,clip_id,text,label,annotation,mode,label_T,label_A,label_V,speaker\n"
                          "--qXJuDtHPw,5,\"I see, a writer\",2.4000000953674316,Positive,train,,,,s1\n"
                          "-3g5yACwYnA,10,not good,-1.6666666269302368,Negative,test,,,,s2\n"
                          "03amkBZ,0001,,0.0,Neutral,valid,,,,\n")
            << QStringList{QStringLiteral("--qXJuDtHPw/5"), QStringLiteral("-3g5yACwYnA/10"), QStringLiteral("03amkBZ/0001")}
            << int(LabelScale::Kind::Mosi);
    }
    void importThenExportReproducesTheFile()
    {
        QFETCH(QByteArray, csv);
        QFETCH(QStringList, clips);
        QFETCH(int, scale);
        QTemporaryDir dir;
        auto project = importedProject(dir, csv, clips, LabelScale::Kind(scale));
        const QString out = dir.filePath(QStringLiteral("export/label.csv"));
        QDir().mkpath(dir.filePath(QStringLiteral("export")));
        const io::ExportReport report = io::exportLabelCsv(*project, out, {});
        QCOMPARE(report.rows, clips.size());
        QCOMPARE(report.clipsWithoutLabel, 0);
        // Rows come back sorted by ids; compare line sets, and the header line exactly.
        QList<QByteArray> original = csv.split('\n');
        QList<QByteArray> exported = readAll(out).split('\n');
        QCOMPARE(exported.first(), original.first());
        std::sort(original.begin(), original.end());
        std::sort(exported.begin(), exported.end());
        QCOMPARE(exported, original);
    }

    void unknownColumnsOfEveryImportAreExported()
    {
        // Issue 18, defect 7: the second import's unknown column used to vanish from the export.
        QTemporaryDir dir;
        auto project = importedProject(dir,
                                       "video_id,clip_id,text,label,annotation,mode,speaker\n"
                                       "a,1,first,1.0,Positive,train,s1\n",
                                       {QStringLiteral("a/1")}, LabelScale::Kind::Mosi);
        const QString second = test::makeDataset(dir, QStringLiteral("second"),
                                                 "video_id,clip_id,text,label,annotation,mode,camera,speaker\n"
                                                 "b,2,second,-1.0,Negative,test,cam2,s2\n",
                                                 {QStringLiteral("b/2")});
        QVERIFY(io::importMmsaDataset(*project, second, {}).committed);
        const QString out = dir.filePath(QStringLiteral("both.csv"));
        io::exportLabelCsv(*project, out, {});
        // The first file's columns in its order, the second's new column after them; a clip
        // without a value in a column gets an empty cell.
        QCOMPARE(readAll(out), QByteArray("video_id,clip_id,text,label,annotation,mode,speaker,camera\n"
                                          "a,1,first,1.0,Positive,train,s1,\n"
                                          "b,2,second,-1.0,Negative,test,s2,cam2\n"));
    }

    void correctionsShowInTheChosenSource()
    {
        QTemporaryDir dir;
        auto project = importedProject(dir, test::simsStyleCsv(), test::simsStyleClips(), LabelScale::Kind::Sims);
        const qint64 clip = project->clips().findByKey(QStringLiteral("video_0001"), QStringLiteral("0001"))->id;
        const qint64 ana = project->annotators().ensure(QStringLiteral("ana")).id;
        const qint64 ben = project->annotators().ensure(QStringLiteral("ben")).id;
        project->labels().set(clip, ana, Target::M, 0.4);
        project->labels().set(clip, ben, Target::M, 0.8);

        const QString datasetOut = dir.filePath(QStringLiteral("dataset.csv"));
        io::exportLabelCsv(*project, datasetOut, {});
        QVERIFY(readAll(datasetOut).contains("video_0001,0001,我不想嫁给李茶,-1.0,-1.0,-1.0,-1.0,Negative,train"));

        io::ExportOptions latest;
        latest.source = io::ExportOptions::Source::Latest;
        const QString latestOut = dir.filePath(QStringLiteral("latest.csv"));
        io::exportLabelCsv(*project, latestOut, latest);
        // ben's M is newest; T/A/V only exist from the dataset; the annotation follows the new M.
        QVERIFY2(readAll(latestOut).contains("video_0001,0001,我不想嫁给李茶,0.8,-1.0,-1.0,-1.0,Positive,train"),
                 readAll(latestOut).constData());

        io::ExportOptions mean;
        mean.source = io::ExportOptions::Source::Mean;
        const QString meanOut = dir.filePath(QStringLiteral("mean.csv"));
        io::exportLabelCsv(*project, meanOut, mean);
        // (-1.0 + 0.4 + 0.8) / 3 = 0.0667, put back on the CH-SIMS 0.2 grid: 0.0.
        QVERIFY2(readAll(meanOut).contains("video_0001,0001,我不想嫁给李茶,0.0,-1.0,-1.0,-1.0,Neutral,train"),
                 readAll(meanOut).constData());

        io::ExportOptions onlyAna;
        onlyAna.annotator = QStringLiteral("ana");
        const QString anaOut = dir.filePath(QStringLiteral("ana.csv"));
        const io::ExportReport report = io::exportLabelCsv(*project, anaOut, onlyAna);
        QCOMPARE(report.rows, 1);
        QCOMPARE(report.clipsWithoutLabel, 3);
        const io::LabelCsvFile reread = io::readLabelCsv(anaOut);
        QCOMPARE(reread.rows.size(), 1);
        QCOMPARE(reread.rows.first().label, 0.4);
        QVERIFY(!reread.rows.first().labelT);

        io::ExportOptions nobody;
        nobody.annotator = QStringLiteral("nobody");
        QVERIFY_THROWS_EXCEPTION(Error, io::exportLabelCsv(*project, anaOut, nobody));
    }

    void unwritableTargetIsAnErrorNamingTheFile()
    {
        QTemporaryDir dir;
        auto project = importedProject(dir, test::simsStyleCsv(), test::simsStyleClips(), LabelScale::Kind::Sims);
        const QString blocker = test::writeFile(dir, QStringLiteral("blocker"), "a file, not a folder");
        const QString out = blocker + QStringLiteral("/label.csv");
        try {
            io::exportLabelCsv(*project, out, {});
            QFAIL("writing below a regular file must fail");
        } catch (const Error &error) {
            QVERIFY2(error.message().contains(out), qPrintable(error.message()));
        }
    }
};

QTEST_GUILESS_MAIN(TestLabelExport)
#include "test_label_export.moc"
