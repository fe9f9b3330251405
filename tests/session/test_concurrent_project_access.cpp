// Issue 18, defect 4 ("file is not a database / Unable to fetch row" in the window after a training
// job it started had finished): the window's connection, background jobs that open the project on
// threads of their own (a training that registers a model, explanation reads), and another program
// writing to the same project (a `sentilens-cli` run; here the sqlite3 shell), all at once for a
// fixed number of rounds. Every read must succeed and see every committed write, and the file must
// pass PRAGMA integrity_check. It failed with "disk I/O error ... Unable to fetch row" while
// ProjectDatabase read the file's header with a QFile of its own: closing that descriptor dropped the
// process's POSIX locks, so the other program, closing, took itself for the last user and deleted
// the -wal and -shm files under the open connections.
#include "core/common/error.h"
#include "core/session/labeling_session.h"
#include "core/store/savepoint.h"
#include "core/store/settings_repository.h"
#include "core/store/sql.h"

#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>
#include <atomic>
#include <cstdio>
#include <thread>

using namespace sl;
using namespace sl::store;

namespace {

constexpr int kRounds = 24;
constexpr int kClips = 6;

// The sqlite3 shell as another program: runs `sql` on the file and returns its output. Started
// with popen (posix_spawn) rather than QProcess, whose clone() ThreadSanitizer cannot follow.
QString shell(const QString &file, const QString &sql)
{
    static int calls = 0;
    const QString script = QStringLiteral("%1.sql%2").arg(file).arg(++calls);
    QFile out(script);
    if (!out.open(QIODevice::WriteOnly) || out.write(sql.toUtf8()) < 0)
        return QStringLiteral("cannot write ") + script;
    out.close();
    const QByteArray command = QStringLiteral("sqlite3 -cmd '.timeout 10000' '%1' < '%2' 2>&1").arg(file, script).toLocal8Bit();
    FILE *pipe = popen(command.constData(), "r");
    if (!pipe)
        return QStringLiteral("sqlite3 could not be started");
    QByteArray output;
    char buffer[512];
    while (const size_t n = fread(buffer, 1, sizeof buffer, pipe))
        output.append(buffer, qsizetype(n));
    const int status = pclose(pipe);
    QFile::remove(script);
    return status == 0 ? QString::fromUtf8(output).trimmed() : QStringLiteral("sqlite3 failed: ") + QString::fromUtf8(output);
}

}  // namespace

class TestConcurrentProjectAccess : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("sqlite3")).isEmpty())
            QFAIL("sqlite3 (Debian package sqlite3) is needed as the other program");
    }

    void jobsTheWindowAndAnotherProgramShareTheProject()
    {
        QTemporaryDir dir;
        QList<qint64> clips;
        QString file;
        {
            auto project = Project::create(dir.path(), QStringLiteral("shared"), LabelScale());
            for (int i = 0; i < kClips; ++i) {
                Clip clip;
                clip.videoId = QStringLiteral("v");
                clip.clipId = QString::number(i);
                clip.mediaPath = QStringLiteral("%1.mp4").arg(i);
                clip.split = QStringLiteral("train");
                clips << project->clips().add(clip);
            }
            file = project->databasePath();
        }
        // The window: one connection for the whole run, on this thread.
        session::LabelingSession window(Project::open(dir.path()), QStringLiteral("ana"));

        // A training job: opens the project on its thread, registers its result in one transaction
        // (here a setting per round), closes; again and again.
        std::atomic_bool stop{false};
        std::atomic_int jobRounds{0}, readRounds{0};
        QStringList jobErrors, readErrors;  // each written by its own thread only
        std::thread training([&] {
            while (!stop) {
                try {
                    auto project = Project::open(dir.path());
                    Savepoint registration(project->db());
                    project->settings().setValue(QStringLiteral("job_round"), QString::number(jobRounds + 1));
                    registration.commit();
                    ++jobRounds;
                } catch (const Error &error) {
                    jobErrors << error.message();
                    return;
                }
            }
        });
        // Explanation reads: the clip list and labels over a connection of their own.
        std::thread explanations([&] {
            while (!stop) {
                try {
                    auto project = Project::open(dir.path());
                    if (project->clips().list().size() != kClips)
                        readErrors << QStringLiteral("clips missing");
                    project->labels().all();
                    ++readRounds;
                } catch (const Error &error) {
                    readErrors << error.message();
                    return;
                }
            }
        });

        QStringList problems;
        for (int round = 0; round < kRounds && problems.isEmpty(); ++round) {
            const qint64 clip = clips[round % kClips];
            const double mine = (round % 7) - 3;
            // The window: a label, then moving on (the clip list and the next clip's cues).
            try {
                window.setLabel(clip, Target::M, mine);
                if (window.pendingCount() != 0)  // nobody holds the lock for long here
                    window.flushPending(10000);
                const QList<ClipOverview> overview = window.loadOverview();
                window.cues(clips[(round + 1) % kClips]);
                window.reloadActiveModel();
                if (overview.size() != kClips)
                    problems << QStringLiteral("round %1: %2 clips in the overview").arg(round).arg(overview.size());
            } catch (const Error &error) {
                problems << QStringLiteral("round %1, window: %2").arg(round).arg(error.message());
                break;
            }
            // Another program writes a setting and reads the window's label back.
            const QString other = shell(file, QStringLiteral("INSERT INTO project_settings(key, value) VALUES "
                                                             "('cli_round', '%1') ON CONFLICT(key) DO UPDATE SET "
                                                             "value = excluded.value; SELECT value FROM labels WHERE "
                                                             "clip_id = %2 AND target = 'M';").arg(round).arg(clip));
            if (other.toDouble() != mine || other.isEmpty())
                problems << QStringLiteral("round %1: the other program read '%2', not %3").arg(round).arg(other).arg(mine);
            // ... and the window sees what the other program committed.
            try {
                const QString seen = window.project().settings().value(QStringLiteral("cli_round"), QString());
                if (seen != QString::number(round))
                    problems << QStringLiteral("round %1: the window read cli_round '%2'").arg(round).arg(seen);
            } catch (const Error &error) {
                problems << QStringLiteral("round %1, window reading: %2").arg(round).arg(error.message());
            }
        }
        stop = true;
        training.join();
        explanations.join();
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        QVERIFY2(jobErrors.isEmpty(), qPrintable(jobErrors.join(QLatin1Char('\n'))));
        QVERIFY2(readErrors.isEmpty(), qPrintable(readErrors.join(QLatin1Char('\n'))));
        QVERIFY(jobRounds > 0 && readRounds > 0);
        qInfo("%d rounds; the jobs ran %d registrations and %d reads meanwhile", kRounds, int(jobRounds), int(readRounds));
        QCOMPARE(shell(file, QStringLiteral("PRAGMA integrity_check;")), QStringLiteral("ok"));
        // Every label the window wrote is there, with its history row.
        QCOMPARE(shell(file, QStringLiteral("SELECT count(*) FROM label_history;")).toInt() > 0, true);
    }
};

QTEST_GUILESS_MAIN(TestConcurrentProjectAccess)
#include "test_concurrent_project_access.moc"
