// kill -9 of sentilens-cli at seeded random moments of an import and of a training (issue 18):
// after every kill the database passes PRAGMA integrity_check, an import is all or nothing, every
// registered model has its predictions (registration is one transaction), and the command run
// again completes. A fixed number of trials with a fixed seed, so a failure reproduces.
#include "core/store/project.h"
#include "core/store/sql.h"
#include "tests/cli/cli_runner.h"
#include "tests/cli/toy_project.h"
#include "tests/import/dataset_fixture.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

using sl::test::cli;
using sl::test::CliResult;

namespace {

constexpr int kTrials = 12;
constexpr quint32 kSeed = 18;

// Starts sentilens-cli ARGS, kills it with SIGKILL after `delayMs` (or lets it finish first),
// and says whether the kill came before the end.
bool killAfter(const QStringList &args, int delayMs)
{
    QProcess process;
    process.start(qEnvironmentVariable("SENTILENS_CLI"), args);
    if (!process.waitForStarted(10000))
        qFatal("sentilens-cli did not start");
    const bool finished = process.waitForFinished(delayMs);
    if (!finished)
        process.kill();
    process.waitForFinished(10000);
    return !finished;
}

// Wall time of a complete run, the range the kill moments are drawn from.
int millisecondsOf(const QStringList &args)
{
    QElapsedTimer clock;
    clock.start();
    const CliResult result = cli(args);
    if (result.exitCode != 0)
        qFatal("sentilens-cli %s failed: %s", qPrintable(args.join(u' ')), result.err.constData());
    return int(clock.elapsed());
}

QString integrity(const QString &project)
{
    auto opened = sl::store::Project::open(project);
    return sl::store::scalar(opened->db(), QStringLiteral("PRAGMA integrity_check")).toString();
}

}  // namespace

class TestCliCrashConsistency : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;

private Q_SLOTS:
    void initTestCase() { QVERIFY2(QFile::exists(qEnvironmentVariable("SENTILENS_CLI")), "SENTILENS_CLI not set"); }

    void importIsAllOrNothing()
    {
        // 1,500 rows: long enough that kills land inside the import's transaction.
        QByteArray csv = "video_id,clip_id,text,label,label_T,label_A,label_V,annotation,mode\n";
        QStringList clips;
        for (int i = 0; i < 1500; ++i) {
            csv += QStringLiteral("v%1,%2,some words here,0.%3,,,,Positive,%4\n")
                       .arg(i / 10).arg(i % 10).arg(i % 9 + 1)
                       .arg(i % 3 == 0 ? QStringLiteral("test") : QStringLiteral("train"))
                       .toUtf8();
            clips << QStringLiteral("v%1/%2").arg(i / 10).arg(i % 10);
        }
        const QString dataset = sl::test::makeDataset(dir_, QStringLiteral("big"), csv, clips);
        const int full = millisecondsOf({QStringLiteral("import"), dir_.filePath(QStringLiteral("timing")), dataset});
        QRandomGenerator random(kSeed);
        int killedInside = 0, notCreated = 0, empty = 0, complete = 0;
        for (int trial = 0; trial < kTrials; ++trial) {
            const QString project = dir_.filePath(QStringLiteral("import-%1").arg(trial));
            const int delay = int(random.bounded(full + 1));
            killedInside += killAfter({QStringLiteral("import"), project, dataset}, delay) ? 1 : 0;
            if (!sl::store::Project::existsAt(project)) {
                ++notCreated;  // killed before the project was created
                continue;
            }
            QCOMPARE(integrity(project), QStringLiteral("ok"));
            const int count = sl::store::Project::open(project)->clips().count();
            QVERIFY2(count == 0 || count == 1500, qPrintable(QStringLiteral("trial %1 (kill at %2 ms): %3 clips").arg(trial).arg(delay).arg(count)));
            ++(count == 0 ? empty : complete);
            if (count == 0) {  // the import runs again to its end
                const CliResult again = cli({QStringLiteral("import"), project, dataset});
                QVERIFY2(again.exitCode == 0, again.err.constData());
                QCOMPARE(sl::store::Project::open(project)->clips().count(), 1500);
            }
        }
        qInfo("import: %d of %d kills landed before the end (full run %d ms); no project %d, empty %d, complete %d",
              killedInside, kTrials, full, notCreated, empty, complete);
        QVERIFY(killedInside > 0);
    }

    void trainingRegistersAModelWithItsPredictionsOrNothing()
    {
        const QString project = sl::test::buildToyProject(dir_.filePath(QStringLiteral("train")));
        const QStringList train{QStringLiteral("train"), project, QStringLiteral("--arch"), QStringLiteral("late-fusion"),
                                QStringLiteral("--epochs"), QStringLiteral("20"), QStringLiteral("--patience"), QStringLiteral("0")};
        const int full = millisecondsOf(train);
        QRandomGenerator random(kSeed + 1);
        int killedInside = 0;
        qsizetype registered = 0;
        for (int trial = 0; trial < kTrials; ++trial) {
            // The second half of a run and a little past its end: the model is saved and
            // registered at the very end, and that is the moment that matters here.
            const int delay = full / 2 + int(random.bounded(full * 7 / 10 + 1));
            killedInside += killAfter(train, delay) ? 1 : 0;
            QCOMPARE(integrity(project), QStringLiteral("ok"));
            auto opened = sl::store::Project::open(project);
            for (const sl::store::ModelRecord &model : opened->models().list())
                QVERIFY2(opened->models().predictions(model.id).size() == 24 * 4,
                         qPrintable(QStringLiteral("trial %1 (kill at %2 ms): model %3 has %4 predictions")
                                        .arg(trial).arg(delay).arg(model.id).arg(opened->models().predictions(model.id).size())));
            registered = opened->models().list().size();
            const qint64 active = opened->models().activeModelId();
            QVERIFY(active == 0 || opened->models().find(active));
        }
        qInfo("train: %d of %d kills landed before the end (full run %d ms); %lld model(s) registered besides the timing run's",
              killedInside, kTrials, full, qlonglong(registered - 1));
        QVERIFY(killedInside > 0);
        const CliResult again = cli(train);
        QVERIFY2(again.exitCode == 0, again.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliCrashConsistency)
#include "test_cli_crash_consistency.moc"
