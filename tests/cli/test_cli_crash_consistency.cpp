// kill -9 at seeded random moments of an import, a feature extraction and a training by
// sentilens-cli, and of a program writing labels through the store as the window does (issue 18):
// after every kill the database passes PRAGMA integrity_check, an import is all or nothing, every
// clip's stored features are whole, every label write that was reported committed is there with its
// history row, every registered model has its predictions (registration is one transaction), and
// the command run again completes. A fixed number of trials with a fixed seed, so a failure
// reproduces.
#include "core/store/project.h"
#include "core/store/sql.h"
#include "tests/cli/cli_runner.h"
#include "tests/cli/toy_project.h"
#include "tests/import/dataset_fixture.h"

#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QSet>
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

    void extractionKeepsEveryFinishedClipAndResumes()
    {
        // 10 clips of 1 s (ffmpeg's test sources), imported as a folder of videos.
        const QString videos = dir_.filePath(QStringLiteral("videos/v"));
        QDir().mkpath(videos);
        for (int i = 0; i < 10; ++i) {
            const int code = QProcess::execute(
                QStringLiteral("ffmpeg"),
                {QStringLiteral("-loglevel"), QStringLiteral("error"), QStringLiteral("-y"), QStringLiteral("-f"),
                 QStringLiteral("lavfi"), QStringLiteral("-i"), QStringLiteral("testsrc=size=96x96:rate=15"),
                 QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                 QStringLiteral("sine=frequency=%1:sample_rate=16000").arg(200 + 40 * i), QStringLiteral("-t"),
                 QStringLiteral("1"), QStringLiteral("-pix_fmt"), QStringLiteral("yuv420p"),
                 QStringLiteral("%1/c%2.mp4").arg(videos).arg(i)});
            QCOMPARE(code, 0);
        }
        const QString pristine = dir_.filePath(QStringLiteral("extract-pristine"));
        const CliResult imported = cli({QStringLiteral("import"), pristine, dir_.filePath(QStringLiteral("videos"))});
        QVERIFY2(imported.exitCode == 0, imported.err.constData());
        const QStringList extract{QStringLiteral("extract"), QString(), QStringLiteral("--only"),
                                  QStringLiteral("acoustic,visual"), QStringLiteral("--no-asr")};
        const auto on = [&extract](const QString &project) { QStringList args = extract; args[1] = project; return args; };
        const QString timing = dir_.filePath(QStringLiteral("extract-timing"));
        QVERIFY(QProcess::execute(QStringLiteral("cp"), {QStringLiteral("-a"), pristine, timing}) == 0);
        const int full = millisecondsOf(on(timing));
        QRandomGenerator random(kSeed + 2);
        int killedInside = 0, partial = 0;
        for (int trial = 0; trial < kTrials; ++trial) {
            // Each trial on a fresh copy of the imported project (no connection is open on it here).
            const QString project = dir_.filePath(QStringLiteral("extract-%1").arg(trial));
            QVERIFY(QProcess::execute(QStringLiteral("cp"), {QStringLiteral("-a"), pristine, project}) == 0);
            const int delay = int(random.bounded(full + 1));
            killedInside += killAfter(on(project), delay) ? 1 : 0;
            QCOMPARE(integrity(project), QStringLiteral("ok"));
            {
                auto opened = sl::store::Project::open(project);
                const QList<sl::store::Clip> clips = opened->clips().list();
                for (const sl::store::FeatureSet &set : opened->features().sets()) {
                    const QList<qint64> missing = opened->features().clipsWithout(set.id);
                    partial += missing.isEmpty() ? 0 : 1;
                    for (const sl::store::Clip &clip : clips) {
                        if (missing.contains(clip.id))
                            continue;
                        const auto stored = opened->features().load(set.id, clip.id);
                        QVERIFY2(stored && stored->frames > 0 && stored->data.size() == size_t(stored->frames) * size_t(stored->dims),
                                 qPrintable(QStringLiteral("trial %1 (kill at %2 ms): clip %3 of %4 is not whole")
                                                .arg(trial).arg(delay).arg(clip.key(), set.name)));
                    }
                }
            }
            // The extraction run again finishes what the killed one left.
            const CliResult again = cli(on(project));
            QVERIFY2(again.exitCode == 0, again.err.constData());
            auto opened = sl::store::Project::open(project);
            QCOMPARE(opened->features().sets().size(), 2);
            for (const sl::store::FeatureSet &set : opened->features().sets())
                QVERIFY(opened->features().clipsWithout(set.id).isEmpty());
        }
        qInfo("extract: %d of %d kills landed before the end (full run %d ms); %d feature set(s) left partly done, "
              "all resumed to 10 of 10 clips",
              killedInside, kTrials, full, partial);
        QVERIFY(killedInside > 0);
    }

    void everyCommittedLabelWriteSurvives()
    {
        // The store's label API, as the window writes each key, in a program of its own
        // (tests/store/label_writer): it prints "ok SEQ" after each committed write. The lines it
        // got out before the kill are a subset of its commits; each must be in the history.
        const QString writer = qEnvironmentVariable("SENTILENS_LABEL_WRITER");
        QVERIFY2(QFile::exists(writer), "SENTILENS_LABEL_WRITER not set");
        const QString project = sl::test::buildToyProject(dir_.filePath(QStringLiteral("labels")));
        const int clips = sl::store::Project::open(project)->clips().count();
        QRandomGenerator random(kSeed + 3);
        int reported = 0, killedInside = 0;
        for (int trial = 0; trial < kTrials; ++trial) {
            QProcess process;
            process.start(writer, {project, QString::number(trial), QStringLiteral("5"), QString::number(clips)});
            QVERIFY(process.waitForStarted(10000));
            const int delay = 100 + int(random.bounded(900));
            if (!process.waitForFinished(delay)) {
                process.kill();
                ++killedInside;
            }
            process.waitForFinished(10000);
            QCOMPARE(integrity(project), QStringLiteral("ok"));
            QSet<QString> committed;
            for (const QByteArray &line : process.readAllStandardOutput().split('\n'))
                if (line.startsWith("ok "))
                    committed << QStringLiteral("w%1-%2").arg(trial).arg(QString::fromLatin1(line.split(' ').value(1)));
            reported += int(committed.size());
            auto opened = sl::store::Project::open(project);
            QSet<QString> inHistory;
            for (const sl::store::LabelChange &change : opened->labels().history())
                inHistory << change.note;
            const QSet<QString> lost = committed - inHistory;
            if (!lost.isEmpty())
                QFAIL(qPrintable(QStringLiteral("trial %1 (kill at %2 ms): %3 committed label(s) lost, e.g. %4")
                                     .arg(trial).arg(delay).arg(lost.size()).arg(*lost.begin())));
        }
        // Each label's value is the newest value in its history (no torn write).
        auto opened = sl::store::Project::open(project);
        QHash<QString, std::optional<double>> newest;
        for (const sl::store::LabelChange &change : opened->labels().history())
            newest[QStringLiteral("%1/%2/%3").arg(change.clipId).arg(change.annotatorId).arg(int(change.target))] = change.newValue;
        for (const sl::store::Label &label : opened->labels().all()) {
            const QString key = QStringLiteral("%1/%2/%3").arg(label.clipId).arg(label.annotatorId).arg(int(label.target));
            QCOMPARE(newest.value(key), std::optional<double>(label.value));
        }
        qInfo("labels: %d of %d writers killed while writing; %d committed writes reported, 0 lost", killedInside, kTrials, reported);
        QVERIFY(killedInside > 0 && reported > 0);
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
