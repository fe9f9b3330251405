// N annotators labelling one project at once lose nothing: 8 label_writer processes on a real
// PostgreSQL 15 server (a throwaway cluster with fsync on) and 4 on an SQLite file (WAL, busy
// timeout) write labels to the same rows for SENTILENS_CONCURRENCY_SECONDS (default 10 s; the
// README's figures come from 60 s). Then every write a writer reports is in the history exactly
// once, nothing else is, and each row's history is an unbroken chain (each change's old value is
// the previous change's new value, which a lost update would break) ending at the row's value.
#include "core/common/error.h"
#include "core/store/media_root.h"
#include "core/store/project.h"
#include "core/store/server_location.h"
#include "core/store/sql.h"
#include "tests/support/postgres_cluster.h"

#include <QDir>
#include <QElapsedTimer>
#include <QMap>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

using namespace sl::store;

namespace {

constexpr int kClips = 5;

double secondsToRun()
{
    bool ok = false;
    const double seconds = qEnvironmentVariable("SENTILENS_CONCURRENCY_SECONDS").toDouble(&ok);
    return ok && seconds > 0 ? seconds : 10.0;
}

struct WriterReport {
    QSet<QString> written;  // history notes of the writes that changed a label
    int unchanged = 0;
    int retries = 0;
    qint64 slowestMs = 0;
    QStringList failures;
};

void createProject(const QString &location, const QString &mediaRoot)
{
    auto project = Project::create(location, QStringLiteral("concurrency"), sl::LabelScale(), mediaRoot);
    for (int i = 0; i < kClips; ++i) {
        Clip clip;
        clip.videoId = QStringLiteral("v");
        clip.clipId = QString::number(i);
        clip.mediaPath = QStringLiteral("Raw/v/%1.mp4").arg(i);
        clip.split = QStringLiteral("train");
        project->clips().add(clip);
    }
}

// Starts `writers` label_writer processes at once and collects what each says it wrote.
QList<WriterReport> runWriters(const QString &location, int writers, double seconds)
{
    const QString helper = qEnvironmentVariable("SENTILENS_LABEL_WRITER");
    std::vector<std::unique_ptr<QProcess>> processes;
    for (int k = 0; k < writers; ++k) {
        auto process = std::make_unique<QProcess>();
        process->start(helper, {location, QString::number(k), QString::number(seconds), QString::number(kClips)});
        processes.push_back(std::move(process));
    }
    QList<WriterReport> reports;
    for (int k = 0; k < writers; ++k) {
        QProcess &process = *processes[static_cast<size_t>(k)];
        WriterReport report;
        if (!process.waitForFinished(static_cast<int>(seconds * 1000) + 120000) || process.exitCode() != 0) {
            report.failures << QStringLiteral("writer %1 ended badly (exit %2): %3")
                                   .arg(k)
                                   .arg(process.exitCode())
                                   .arg(QString::fromLocal8Bit(process.readAllStandardError()));
            reports << report;
            continue;
        }
        const QStringList lines = QString::fromLatin1(process.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        for (const QString &line : lines) {
            const QStringList fields = line.split(QLatin1Char(' '));
            if (fields.size() == 3 && (fields[0] == QLatin1String("ok") || fields[0] == QLatin1String("same"))) {
                if (fields[0] == QLatin1String("ok"))
                    report.written.insert(QStringLiteral("w%1-%2").arg(k).arg(fields[1]));
                else
                    ++report.unchanged;
                report.slowestMs = std::max(report.slowestMs, fields[2].toLongLong());
            } else if (fields.size() == 2 && fields[0] == QLatin1String("retry"))  // a write or the setup
                ++report.retries;
            else
                report.failures << QStringLiteral("writer %1: %2").arg(k).arg(line);
        }
        reports << report;
    }
    return reports;
}

// Checks the project against the writers' reports; returns the number of writes that changed a label.
int verify(const QString &location, const QList<WriterReport> &reports, const QString &backend, int writers, double seconds)
{
    QSet<QString> reported;
    int unchanged = 0;
    int retries = 0;
    qint64 slowestMs = 0;
    for (const WriterReport &report : reports) {
        for (const QString &failure : report.failures)
            qWarning("%s", qPrintable(failure));
        if (!report.failures.isEmpty())
            return -1;
        reported.unite(report.written);
        unchanged += report.unchanged;
        retries += report.retries;
        slowestMs = std::max(slowestMs, report.slowestMs);
    }
    auto project = Project::open(location);
    const QList<LabelChange> history = project->labels().history();
    QSet<QString> recorded;
    int duplicates = 0;
    QMap<QString, QList<LabelChange>> byRow;  // history in id order, per label row
    for (const LabelChange &change : history) {
        if (recorded.contains(change.note))
            ++duplicates;
        recorded.insert(change.note);
        byRow[QStringLiteral("%1/%2/%3").arg(change.clipId).arg(change.annotatorId).arg(sl::targetName(change.target))] << change;
    }
    const int lost = static_cast<int>((reported - recorded).size());
    const int unexpected = static_cast<int>((recorded - reported).size());
    int brokenChains = 0;
    int wrongFinal = 0;
    for (auto row = byRow.cbegin(); row != byRow.cend(); ++row) {
        const QList<LabelChange> &changes = row.value();
        if (changes.first().oldValue)
            ++brokenChains;
        for (int i = 1; i < changes.size(); ++i)
            if (changes[i].oldValue != changes[i - 1].newValue)
                ++brokenChains;
        const LabelChange &last = changes.last();
        if (project->labels().value(last.clipId, last.annotatorId, last.target) != last.newValue)
            ++wrongFinal;
    }
    const int labelRows = project->labels().all().size();
    qInfo("%s, %d writers, %.0f s: %d label writes (%.1f writes/s), %d writes of an unchanged value, "
          "%d retried after the busy timeout, slowest write %lld ms; %d lost, %d duplicated, %d unexpected, "
          "%d broken chains, %d rows with a wrong final value",
          qPrintable(backend), writers, seconds, static_cast<int>(reported.size()), reported.size() / seconds, unchanged,
          retries, slowestMs, lost, duplicates, unexpected, brokenChains, wrongFinal);
    if (lost || duplicates || unexpected || brokenChains || wrongFinal || labelRows != byRow.size()
        || history.size() != reported.size())
        return -1;
    return static_cast<int>(reported.size());
}

}  // namespace

class TestConcurrentLabels : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(qEnvironmentVariable("SENTILENS_LABEL_WRITER")), "SENTILENS_LABEL_WRITER must name the helper");
    }

    void eightWritersOnPostgresLoseNothing()
    {
        if (sl::test::PostgresCluster::binDir().isEmpty())
            QSKIP("PostgreSQL back end not tested: its server programs (initdb, pg_ctl) are not installed (Debian: postgresql-15)");
        // fsync on: the rate is that of a server that keeps what it acknowledges.
        sl::test::PostgresCluster cluster(true);
        QVERIFY2(cluster.isRunning(), qPrintable(cluster.error()));
        QTemporaryDir media;
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(media.filePath(QStringLiteral("config"))));
        const QString url = cluster.createDatabase();
        createProject(url, media.path());
        const double seconds = secondsToRun();
        const QList<WriterReport> reports = runWriters(url, 8, seconds);
        const int writes = verify(url, reports, QStringLiteral("PostgreSQL"), 8, seconds);
        QVERIFY2(writes > 0, "writes were lost, duplicated or failed (see above)");
    }

    void fourWritersOnSqliteLoseNothing()
    {
        QTemporaryDir dir;
        createProject(dir.path(), QString());
        const double seconds = secondsToRun();
        const QList<WriterReport> reports = runWriters(dir.path(), 4, seconds);
        const int writes = verify(dir.path(), reports, QStringLiteral("SQLite (WAL)"), 4, seconds);
        QVERIFY2(writes > 0, "writes were lost, duplicated or failed (see above)");
    }
};

QTEST_GUILESS_MAIN(TestConcurrentLabels)
#include "test_concurrent_labels.moc"
