// Exit codes through the real sentilens-cli, each as README defines it (issue 18, defect 8):
// 0 success; 1 the input had problems and nothing was changed; 2 usage error; 3 the project
// cannot be opened or written (missing, locked, ...); 4 an external tool or the media pipeline
// failed. Also: a train blocked by a lock registers nothing and leaves no model file (defect 9),
// and a failed import into a new folder leaves no folder and never says it created a project
// (defect 13). Training leaves out clips without features and says how many (defect 6).
#include "core/store/project.h"
#include "core/store/sql.h"
#include "tests/cli/cli_runner.h"
#include "tests/cli/toy_project.h"
#include "tests/import/dataset_fixture.h"

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using sl::test::cli;
using sl::test::CliResult;

namespace {

QString text(const CliResult &r) { return QStringLiteral("exit %1: %2").arg(r.exitCode).arg(QString::fromUtf8(r.err)); }

QStringList modelFiles(const QString &project)
{
    return QDir(project + QStringLiteral("/models")).entryList(QDir::Files | QDir::Hidden);
}

}  // namespace

class TestCliExitCodes : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;

private Q_SLOTS:
    void initTestCase() { QVERIFY2(QFile::exists(qEnvironmentVariable("SENTILENS_CLI")), "SENTILENS_CLI not set"); }

    void successAndInputProblems()
    {
        const QString project = sl::test::buildToyProject(dir_.filePath(QStringLiteral("codes")));
        QCOMPARE(cli({QStringLiteral("stats"), project}).exitCode, 0);
        // No model yet: the input (the project's content) does not allow it, nothing changed.
        const CliResult evaluate = cli({QStringLiteral("evaluate"), project});
        QVERIFY2(evaluate.exitCode == 1 && evaluate.err.contains("no model"), qPrintable(text(evaluate)));
        QCOMPARE(cli({QStringLiteral("predict"), project}).exitCode, 1);
        QCOMPARE(cli({QStringLiteral("evaluate"), project, QStringLiteral("--split"), QStringLiteral("dev")}).exitCode, 2);
    }

    void aMissingProjectIsThreeForEveryCommand()
    {
        // predict and evaluate used to answer 1 here, the others 3.
        const QString nowhere = dir_.filePath(QStringLiteral("nowhere"));
        for (const char *command : {"stats", "list", "predict", "evaluate", "explain", "train", "extract"}) {
            const CliResult r = cli({QString::fromLatin1(command), nowhere});
            QVERIFY2(r.exitCode == 3 && r.err.contains("nowhere"), qPrintable(QLatin1String(command) + QLatin1Char(' ') + text(r)));
        }
        const CliResult exported = cli({QStringLiteral("export"), nowhere, QStringLiteral("--out"), dir_.filePath(QStringLiteral("x.csv"))});
        QCOMPARE(exported.exitCode, 3);
    }

    void aLockedProjectIsThreeAndNothingIsLeft()
    {
        const QString project = sl::test::buildToyProject(dir_.filePath(QStringLiteral("locked")));
        const CliResult trained = cli({QStringLiteral("train"), project, QStringLiteral("--arch"), QStringLiteral("late-fusion"),
                                       QStringLiteral("--epochs"), QStringLiteral("2")});
        QVERIFY2(trained.exitCode == 0, qPrintable(text(trained)));
        const QStringList filesBefore = modelFiles(project);
        QCOMPARE(filesBefore.size(), 1);

        QTemporaryDir sourceDir;
        const QString dataset = sl::test::makeDataset(sourceDir, QStringLiteral("SIMS"), sl::test::simsStyleCsv(), sl::test::simsStyleClips());
        {
            // Another program holds the write lock for the whole time (the CLI waits its 5 s busy
            // timeout each time, then gives up).
            auto holder = sl::store::Project::open(project);
            sl::store::run(holder->db(), QStringLiteral("BEGIN IMMEDIATE"));
            sl::store::run(holder->db(), QStringLiteral("UPDATE project_settings SET value = value WHERE key = 'name'"));

            const CliResult import = cli({QStringLiteral("import"), project, dataset});
            QVERIFY2(import.exitCode == 3 && import.err.contains("locked"), qPrintable(text(import)));  // was 1
            const CliResult predict = cli({QStringLiteral("predict"), project});
            QVERIFY2(predict.exitCode == 3 && predict.err.contains("locked"), qPrintable(text(predict)));  // was 1
            const CliResult train = cli({QStringLiteral("train"), project, QStringLiteral("--arch"), QStringLiteral("late-fusion"),
                                         QStringLiteral("--epochs"), QStringLiteral("2")});
            QVERIFY2(train.exitCode == 3 && train.err.contains("locked"), qPrintable(text(train)));  // was 1
            sl::store::run(holder->db(), QStringLiteral("ROLLBACK"));
        }
        // The blocked train registered nothing and left no orphan model file.
        QCOMPARE(modelFiles(project), filesBefore);
        auto project2 = sl::store::Project::open(project);
        QCOMPARE(project2->models().list().size(), 1);
        QCOMPARE(project2->clips().count(), 24);  // the import added nothing
    }

    void trainingLeavesOutClipsWithoutFeatures()
    {
        // Defect 6: after an interrupted extraction three clips have no acoustic features; they
        // used to reach the model as empty sequences. Now they are left out, and said so.
        const QString project = sl::test::buildToyProject(dir_.filePath(QStringLiteral("incomplete")));
        {
            auto p = sl::store::Project::open(project);
            const qint64 audio = p->features().currentSet(QStringLiteral("A"))->id;
            sl::store::run(p->db(), QStringLiteral("DELETE FROM clip_features WHERE feature_set_id = ? AND clip_id IN "
                                                   "(SELECT id FROM clips ORDER BY id LIMIT 3)"),
                           {audio});
        }
        const CliResult train = cli({QStringLiteral("train"), project, QStringLiteral("--arch"), QStringLiteral("late-fusion"),
                                     QStringLiteral("--epochs"), QStringLiteral("2")});
        QVERIFY2(train.exitCode == 0, qPrintable(text(train)));
        QVERIFY2(train.out.contains("3 clip(s) without all their features were left out"), train.out.constData());
        {
            auto p = sl::store::Project::open(project);
            QCOMPARE(p->models().predictions(p->models().activeModelId()).size(), 21 * 4);  // M, T, A, V of 21 clips
        }

        // A text-encoder extraction that failed on every clip leaves an empty current text set:
        // training refuses instead of going on without text.
        {
            auto p = sl::store::Project::open(project);
            sl::store::FeatureSet empty = *p->features().currentSet(QStringLiteral("T"));
            empty.configHash = QStringLiteral("encoder-that-failed");
            p->features().ensureSet(empty);
        }
        const CliResult refused = cli({QStringLiteral("train"), project, QStringLiteral("--arch"), QStringLiteral("late-fusion"),
                                       QStringLiteral("--epochs"), QStringLiteral("2")});
        QVERIFY2(refused.exitCode == 1 && refused.err.contains("features for none of the 24 clips"), qPrintable(text(refused)));
    }

    void mediaFailuresAfterChangesAreFour()
    {
        // The toy clips' media files do not exist: every clip fails in the media pipeline. Exit 1
        // would claim nothing was changed; 4 is the media pipeline's code.
        const QString project = sl::test::buildToyProject(dir_.filePath(QStringLiteral("media")));
        const CliResult extract = cli({QStringLiteral("extract"), project, QStringLiteral("--only"), QStringLiteral("acoustic"),
                                       QStringLiteral("--jobs"), QStringLiteral("1")});
        QVERIFY2(extract.exitCode == 4, qPrintable(text(extract)));
        QVERIFY2(extract.err.contains("media/0.mp4"), extract.err.constData());
    }

    void aFailedImportLeavesNoProjectAndSaysNoneWasCreated()
    {
        QTemporaryDir sourceDir;
        QByteArray csv = sl::test::simsStyleCsv();
        csv += "video_0003,0001,bad split,0.2,0.2,0.2,0.2,Positive,dev\n";
        const QString dataset = sl::test::makeDataset(sourceDir, QStringLiteral("SIMS"), csv, sl::test::simsStyleClips());
        const QString project = dir_.filePath(QStringLiteral("new-folder"));
        const CliResult refused = cli({QStringLiteral("import"), project, dataset});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(!refused.out.contains("Created project"), refused.out.constData());
        QVERIFY2(!QFileInfo::exists(project), "the folder the import made is removed again");

        // A folder that existed before stays (with what the user had in it).
        QVERIFY(QDir().mkpath(project));
        QFile mine(project + QStringLiteral("/notes.txt"));
        QVERIFY(mine.open(QIODevice::WriteOnly));
        mine.close();
        QCOMPARE(cli({QStringLiteral("import"), project, dataset}).exitCode, 1);
        QVERIFY(QFileInfo::exists(mine.fileName()));
        QVERIFY(!sl::store::Project::existsAt(project));
    }
};

QTEST_GUILESS_MAIN(TestCliExitCodes)
#include "test_cli_exit_codes.moc"
