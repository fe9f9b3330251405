#include "core/common/error.h"
#include "core/io/dataset_importer.h"
#include "core/store/project.h"
#include "core/store/sql.h"
#include "tests/import/dataset_fixture.h"
#include "tests/support/temp_project.h"

#include <QDir>
#include <QSqlQuery>
#include <QtTest>

using namespace sl;
using namespace sl::store;

namespace {
std::unique_ptr<Project> newProject(const QTemporaryDir &dir, LabelScale::Kind kind = LabelScale::Kind::Sims)
{
    return Project::create(dir.filePath(QStringLiteral("project")), QStringLiteral("p"), LabelScale(kind));
}

bool hasProblem(const io::ImportReport &report, int line, const QString &fragment)
{
    for (const Problem &p : report.problems)
        if (p.line == line && p.message.contains(fragment) && p.file.endsWith(QStringLiteral("label.csv")))
            return true;
    return false;
}
}  // namespace

class TestDatasetImport : public QObject {
    Q_OBJECT
private slots:
    void importsClipsLabelsAndTranscripts()
    {
        QTemporaryDir dir;
        const QString dataset = test::makeDataset(dir, QStringLiteral("SIMS"), test::simsStyleCsv(), test::simsStyleClips());
        auto project = newProject(dir);
        const io::ImportReport report = io::importMmsaDataset(*project, dataset, {});
        QVERIFY2(report.problems.isEmpty(), qPrintable(toStrings(report.problems).join('\n')));
        QVERIFY(report.committed);
        QCOMPARE(report.clipsImported, 4);
        QCOMPARE(report.labelsImported, 16);  // four clips, each with M, T, A and V

        const auto clip = project->clips().findByKey(QStringLiteral("video_0002"), QStringLiteral("0010"));
        QVERIFY(clip);
        QCOMPARE(clip->split, QStringLiteral("test"));
        QCOMPARE(clip->transcript, QStringLiteral("太好了"));
        QCOMPARE(clip->transcriptSource, QStringLiteral("dataset"));
        QCOMPARE(clip->annotation, QStringLiteral("Positive"));
        QCOMPARE(project->absolutePath(clip->mediaPath), QDir(dataset).filePath(QStringLiteral("Raw/video_0002/0010.mp4")));
        QCOMPARE(project->clips().findByKey(QStringLiteral("video_0001"), QStringLiteral("0002"))->transcript,
                 QStringLiteral("well, he said \"fine\""));

        const auto annotator = project->annotators().find(QStringLiteral("dataset"));
        QVERIFY(annotator);
        QCOMPARE(annotator->kind, QStringLiteral("dataset"));
        LabelRepository labels = project->labels();
        QCOMPARE(labels.value(clip->id, annotator->id, Target::V), std::optional<double>(1.0));
        QCOMPARE(labels.value(clip->id, annotator->id, Target::T), std::optional<double>(0.6));
        QCOMPARE(labels.history(clip->id).size(), 4);
        QVERIFY(labels.history(clip->id).first().note.contains(QStringLiteral("label.csv")));
    }

    void readsMoseiOrderWithEmptyUnimodalColumns()
    {
        QTemporaryDir dir;
        const QByteArray csv(
            "video_id,clip_id,text,label,annotation,mode,label_T,label_A,label_V\n"
            "--qXJuDtHPw,5,I see that a writer,2.4000000953674316,Positive,train,,,\n"
            "-3g5yACwYnA,10,not good at all,-1.6666666269302368,Negative,test,,,\n");
        const QString dataset = test::makeDataset(dir, QStringLiteral("MOSEI"), csv,
                                                  {QStringLiteral("--qXJuDtHPw/5"), QStringLiteral("-3g5yACwYnA/10")});
        auto project = newProject(dir, LabelScale::Kind::Mosi);
        const io::ImportReport report = io::importMmsaDataset(*project, dataset + QStringLiteral("/label.csv"), {});
        QVERIFY2(report.committed, qPrintable(toStrings(report.problems).join('\n')));
        QCOMPARE(report.labelsImported, 2);
        const auto clip = project->clips().findByKey(QStringLiteral("--qXJuDtHPw"), QStringLiteral("5"));
        QVERIFY(clip);
        const qint64 annotator = project->annotators().find(QStringLiteral("dataset"))->id;
        QCOMPARE(project->labels().value(clip->id, annotator, Target::M), std::optional<double>(2.4000000953674316));
        QCOMPARE(project->labels().value(clip->id, annotator, Target::T), std::optional<double>());
    }

    void everyProblemIsReportedAndNothingImported()
    {
        QTemporaryDir dir;
        const QByteArray csv(
            "video_id,clip_id,text,label,label_T,label_A,label_V,annotation,mode\n"
            "v1,0001,good row,0.2,0.2,0.2,0.2,Positive,train\n"           // line 2: fine
            "v1,0002,too few fields,0.2,train\n"                           // line 3: malformed
            "v1,0003,no clip file,0.4,0.4,0.4,0.4,Positive,train\n"        // line 4: missing file
            "v1,0001,duplicate,0.2,0.2,0.2,0.2,Positive,train\n"           // line 5: duplicate id
            "v1,0005,bad split,0.2,0.2,0.2,0.2,Positive,dev\n"             // line 6: unknown split
            "v1,0006,off scale,2.0,0.2,0.2,0.2,Positive,train\n"           // line 7: outside -1..1
            "..,0007,escape,0.2,0.2,0.2,0.2,Positive,train\n"              // line 8: path escape
            "v1,0008,off step,0.5,0.2,0.2,0.2,Positive,train\n");          // line 9: not a 0.2 step
        const QString dataset = test::makeDataset(
            dir, QStringLiteral("bad"), csv,
            {QStringLiteral("v1/0001"), QStringLiteral("v1/0002"), QStringLiteral("v1/0005"), QStringLiteral("v1/0006"),
             QStringLiteral("v1/0008")});
        auto project = newProject(dir);
        const io::ImportReport report = io::importMmsaDataset(*project, dataset, {});
        QVERIFY(!report.committed);
        QVERIFY2(hasProblem(report, 3, QStringLiteral("fields")), qPrintable(toStrings(report.problems).join('\n')));
        QVERIFY(hasProblem(report, 4, QStringLiteral("not found")));
        QVERIFY(hasProblem(report, 5, QStringLiteral("duplicate")));
        QVERIFY(hasProblem(report, 6, QStringLiteral("dev")));
        QVERIFY(hasProblem(report, 7, QStringLiteral("outside")));
        QVERIFY(hasProblem(report, 8, QStringLiteral("")));
        QVERIFY(hasProblem(report, 9, QStringLiteral("steps")));
        QVERIFY(!hasProblem(report, 2, QStringLiteral("")));
        QCOMPARE(project->clips().count(), 0);
        QCOMPARE(project->labels().all().size(), 0);
        QVERIFY(!project->annotators().find(QStringLiteral("dataset")));

        io::ImportOptions skip;
        skip.skipBad = true;
        const io::ImportReport partial = io::importMmsaDataset(*project, dataset, skip);
        QVERIFY(partial.committed);
        QCOMPARE(partial.clipsImported, 1);
        QCOMPARE(project->clips().count(), 1);
        QVERIFY(project->clips().findByKey(QStringLiteral("v1"), QStringLiteral("0001")));
        QVERIFY(partial.skipped.contains(QStringLiteral("v1/0003")));
        QVERIFY(partial.skipped.contains(QStringLiteral("v1/0006")));
        QCOMPARE(partial.problems.size(), report.problems.size());
    }

    void clipsAlreadyInTheProjectAreProblems()
    {
        QTemporaryDir dir;
        const QString dataset = test::makeDataset(dir, QStringLiteral("SIMS"), test::simsStyleCsv(), test::simsStyleClips());
        auto project = newProject(dir);
        QVERIFY(io::importMmsaDataset(*project, dataset, {}).committed);
        const io::ImportReport again = io::importMmsaDataset(*project, dataset, {});
        QVERIFY(!again.committed);
        QCOMPARE(again.problems.size(), 4);
        QVERIFY(again.problems.first().message.contains(QStringLiteral("already in the project")));
        QCOMPARE(project->clips().count(), 4);
    }

    void aFailureWhileWritingLeavesNoHalfImport()
    {
        QTemporaryDir dir;
        const QString dataset = test::makeDataset(dir, QStringLiteral("SIMS"), test::simsStyleCsv(), test::simsStyleClips());
        auto project = newProject(dir);
        // Stand-in for a disk that fills up half way: the database refuses the third clip.
        run(project->db(), QStringLiteral("CREATE TRIGGER fail_third BEFORE INSERT ON clips "
                                          "WHEN NEW.video_id = 'video_0002' AND NEW.clip_id = '0001' "
                                          "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END"));
        QVERIFY_THROWS_EXCEPTION(Error, io::importMmsaDataset(*project, dataset, {}));
        QCOMPARE(project->clips().count(), 0);
        QCOMPARE(project->labels().history().size(), 0);
    }

    void wholeFileFailuresNameTheFile()
    {
        QTemporaryDir dir;
        auto project = newProject(dir);
        const QString noCsv = dir.filePath(QStringLiteral("empty-folder"));
        QDir().mkpath(noCsv);
        try {
            io::importMmsaDataset(*project, noCsv, {});
            QFAIL("a folder without label.csv must fail");
        } catch (const Error &error) {
            QVERIFY2(error.message().contains(QStringLiteral("label.csv")), qPrintable(error.message()));
        }
        const QString latin1 = test::makeDataset(dir, QStringLiteral("latin1"),
                                                 QByteArray("video_id,clip_id,text,label,mode\nv,1,caf\xe9,0.2,train\n"), {});
        try {
            io::importMmsaDataset(*project, latin1, {});
            QFAIL("a non-UTF-8 file must fail");
        } catch (const Error &error) {
            QVERIFY2(error.message().contains(QStringLiteral("UTF-8")), qPrintable(error.message()));
            QVERIFY(error.message().contains(QStringLiteral("latin1/label.csv")));
        }
        QCOMPARE(project->clips().count(), 0);
    }
};

QTEST_GUILESS_MAIN(TestDatasetImport)
#include "test_dataset_import.moc"
