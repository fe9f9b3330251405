// End-to-end tests of sentilens-cli: the real executable on projects and datasets made here.
#include "core/store/project.h"
#include "core/store/sql.h"
#include "tests/cli/cli_runner.h"
#include "tests/import/dataset_fixture.h"
#include "tests/support/temp_project.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

namespace {

using sl::test::cli;
using sl::test::CliResult;

}  // namespace

class TestCli : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY2(QFile::exists(qEnvironmentVariable("SENTILENS_CLI")), "SENTILENS_CLI not set"); }

    void everyCommandHasHelpAndUsageErrorsExitTwo()
    {
        for (const char *command : {"init", "import", "list", "stats", "export", "demo", "device", "extract", "train",
                                    "evaluate", "predict", "probe"}) {
            const CliResult help = cli({QString::fromLatin1(command), QStringLiteral("--help")});
            QCOMPARE(help.exitCode, 0);
            QVERIFY2(help.out.contains("Usage:") && help.out.contains("--json"), command);
        }
        QCOMPARE(cli({QStringLiteral("--help")}).exitCode, 0);
        const CliResult unknown = cli({QStringLiteral("frobnicate")});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY(unknown.err.contains("unknown command 'frobnicate'"));
        QCOMPARE(cli({QStringLiteral("stats")}).exitCode, 2);
        QCOMPARE(cli({QStringLiteral("export"), QStringLiteral("somewhere")}).exitCode, 2);  // no --out
        QCOMPARE(cli({QStringLiteral("init"), QStringLiteral("x"), QStringLiteral("--scale"), QStringLiteral("likert")}).exitCode, 2);
    }

    void demoProjectEndToEnd()
    {
        QTemporaryDir dir;
        const QString project = dir.filePath(QStringLiteral("demo"));
        const CliResult demo = cli({QStringLiteral("demo"), project, QStringLiteral("--clips"), QStringLiteral("6"),
                                    QStringLiteral("--json")});
        QVERIFY2(demo.exitCode == 0, demo.err.constData());
        QCOMPARE(demo.json().value(QStringLiteral("clips")).toInt(), 6);
        QCOMPARE(demo.json().value(QStringLiteral("reused")).toBool(), false);
        QVERIFY(demo.json().value(QStringLiteral("conflicting")).toInt() >= 2);  // at least a fifth, rounded up

        const CliResult stats = cli({QStringLiteral("stats"), project, QStringLiteral("--json")});
        QCOMPARE(stats.exitCode, 0);
        const QJsonObject s = stats.json();
        QCOMPARE(s.value(QStringLiteral("clips")).toInt(), 6);
        QCOMPARE(s.value(QStringLiteral("splits")).toObject().value(QStringLiteral("train")).toInt(), 4);
        QCOMPARE(s.value(QStringLiteral("clips_with_duration")).toInt(), 6);
        QVERIFY(s.value(QStringLiteral("total_duration_s")).toDouble() >= 12.0);
        QCOMPARE(s.value(QStringLiteral("labels")).toArray().size(), 4);  // dataset x M, T, A, V

        const CliResult list = cli({QStringLiteral("list"), project, QStringLiteral("--json")});
        QCOMPARE(list.exitCode, 0);
        const QJsonArray clips = list.json().value(QStringLiteral("clips")).toArray();
        QCOMPARE(clips.size(), 6);
        const QJsonObject first = clips.first().toObject();
        QVERIFY(!first.value(QStringLiteral("transcript")).toString().isEmpty());
        QVERIFY(first.value(QStringLiteral("media")).toString().startsWith(QStringLiteral("media/demo/Raw/")));
        QVERIFY(QFile::exists(QDir(project).filePath(first.value(QStringLiteral("media")).toString())));
        QCOMPARE(first.value(QStringLiteral("labels")).toObject().value(QStringLiteral("dataset")).toObject().size(), 4);

        const QString out = dir.filePath(QStringLiteral("export.csv"));
        const CliResult exported = cli({QStringLiteral("export"), project, QStringLiteral("--out"), out, QStringLiteral("--json")});
        QCOMPARE(exported.exitCode, 0);
        QCOMPARE(exported.json().value(QStringLiteral("rows")).toInt(), 6);
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 7);
        QCOMPARE(lines.first(), QByteArray("video_id,clip_id,text,label,label_T,label_A,label_V,annotation,mode"));

        const CliResult again = cli({QStringLiteral("demo"), project, QStringLiteral("--clips"), QStringLiteral("6"),
                                     QStringLiteral("--json")});
        QCOMPARE(again.exitCode, 0);
        QCOMPARE(again.json().value(QStringLiteral("reused")).toBool(), true);

        const CliResult probe = cli({QStringLiteral("probe"), project, QStringLiteral("--json")});
        QCOMPARE(probe.exitCode, 0);
        const QJsonObject probed = probe.json().value(QStringLiteral("clips")).toArray().first().toObject();
        QCOMPARE(probed.value(QStringLiteral("video")).toObject().value(QStringLiteral("codec")).toString(), QStringLiteral("h264"));
        QCOMPARE(probed.value(QStringLiteral("audio")).toObject().value(QStringLiteral("codec")).toString(), QStringLiteral("aac"));
        QVERIFY(probed.value(QStringLiteral("duration_s")).toDouble() >= 2.0);

        // No features yet: training says what to do first.
        const CliResult early = cli({QStringLiteral("train"), project, QStringLiteral("--arch"), QStringLiteral("late-fusion")});
        QCOMPARE(early.exitCode, 1);
        QVERIFY2(early.err.contains("extract"), early.err.constData());

        const CliResult extract = cli({QStringLiteral("extract"), project, QStringLiteral("--json")});
        QVERIFY2(extract.exitCode == 0, extract.err.constData());
        QCOMPARE(extract.json().value(QStringLiteral("extracted")).toInt(), 18);  // 6 clips x acoustic, visual, text

        const CliResult train = cli({QStringLiteral("train"), project, QStringLiteral("--arch"), QStringLiteral("late-fusion"),
                                     QStringLiteral("--epochs"), QStringLiteral("3"), QStringLiteral("--json")});
        QVERIFY2(train.exitCode == 0, train.err.constData());
        const qint64 model = train.json().value(QStringLiteral("model_id")).toInteger();
        QVERIFY(model > 0);
        QVERIFY(QFile::exists(train.json().value(QStringLiteral("file")).toString()));
        const QJsonObject testMetrics = train.json().value(QStringLiteral("metrics")).toObject().value(QStringLiteral("test")).toObject();
        QVERIFY(testMetrics.value(QStringLiteral("M")).toObject().contains(QStringLiteral("Has0_acc_2")));
        QVERIFY(testMetrics.contains(QStringLiteral("mean_predictor_mae")));
        QCOMPARE(cli({QStringLiteral("train"), project, QStringLiteral("--arch"), QStringLiteral("no-such-net")}).exitCode, 2);
        // Same seed, same data: the same model to the last digit.
        const CliResult again2 = cli({QStringLiteral("train"), project, QStringLiteral("--arch"), QStringLiteral("late-fusion"),
                                      QStringLiteral("--epochs"), QStringLiteral("3"), QStringLiteral("--json")});
        QCOMPARE(again2.json().value(QStringLiteral("metrics")).toObject(), train.json().value(QStringLiteral("metrics")).toObject());

        const CliResult evaluate = cli({QStringLiteral("evaluate"), project, QStringLiteral("--model"), QString::number(model),
                                        QStringLiteral("--split"), QStringLiteral("test"), QStringLiteral("--json")});
        QVERIFY2(evaluate.exitCode == 0, evaluate.err.constData());
        // The saved model, loaded again, gives the numbers training reported.
        QCOMPARE(evaluate.json().value(QStringLiteral("metrics")).toObject().value(QStringLiteral("M")).toObject(),
                 testMetrics.value(QStringLiteral("M")).toObject());

        const CliResult predict = cli({QStringLiteral("predict"), project, QStringLiteral("--json")});
        QCOMPARE(predict.exitCode, 0);
        const QJsonArray predictions = predict.json().value(QStringLiteral("predictions")).toArray();
        QCOMPARE(predictions.size(), 6);
        QVERIFY(predictions.first().toObject().contains(QStringLiteral("M")));
        QVERIFY(predictions.first().toObject().contains(QStringLiteral("T")));
    }

    void importReportsProblemsAndSkipsOnRequest()
    {
        QTemporaryDir dir;
        QByteArray csv = sl::test::simsStyleCsv();
        csv += "video_0003,0001,bad split,0.2,0.2,0.2,0.2,Positive,dev\n";
        const QString dataset = sl::test::makeDataset(dir, QStringLiteral("SIMS"), csv, sl::test::simsStyleClips());
        const QString project = dir.filePath(QStringLiteral("p"));

        const CliResult refused = cli({QStringLiteral("import"), project, dataset});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains("label.csv:6:") && refused.err.contains("unknown split 'dev'"), refused.err.constData());
        QVERIFY(refused.err.contains("nothing was imported"));
        QVERIFY(!sl::store::Project::existsAt(project));  // no empty project left behind

        const CliResult partial = cli({QStringLiteral("import"), project, dataset, QStringLiteral("--skip-bad"), QStringLiteral("--json")});
        QCOMPARE(partial.exitCode, 0);
        QCOMPARE(partial.json().value(QStringLiteral("clips_imported")).toInt(), 4);
        QCOMPARE(partial.json().value(QStringLiteral("problems")).toArray().size(), 1);
        QCOMPARE(partial.json().value(QStringLiteral("problems")).toArray().first().toObject().value(QStringLiteral("line")).toInt(), 6);

        const CliResult stats = cli({QStringLiteral("stats"), project, QStringLiteral("--json")});
        QCOMPARE(stats.json().value(QStringLiteral("label_scale")).toString(), QStringLiteral("sims"));  // detected
    }

    void projectProblemsExitThree()
    {
        QTemporaryDir dir;
        const QString project = dir.filePath(QStringLiteral("p"));
        const CliResult init = cli({QStringLiteral("init"), project, QStringLiteral("--scale"), QStringLiteral("sims"),
                                    QStringLiteral("--name"), QStringLiteral("Study"), QStringLiteral("--json")});
        QCOMPARE(init.exitCode, 0);
        QCOMPARE(init.json().value(QStringLiteral("name")).toString(), QStringLiteral("Study"));
        QCOMPARE(cli({QStringLiteral("init"), project}).exitCode, 3);  // exists already

        const CliResult missing = cli({QStringLiteral("stats"), dir.filePath(QStringLiteral("nowhere"))});
        QCOMPARE(missing.exitCode, 3);
        QVERIFY(missing.err.contains("nowhere"));

        {
            auto opened = sl::store::Project::open(project);
            sl::store::run(opened->db(), QStringLiteral("PRAGMA user_version = 99"));
        }
        const CliResult newer = cli({QStringLiteral("list"), project});
        QCOMPARE(newer.exitCode, 3);
        QVERIFY2(newer.err.contains("newer SentiLens"), newer.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"
