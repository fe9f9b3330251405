// Full disks through the real sentilens-cli (issue 18, defects 2 and 3). A writer that meets a full
// disk must fail with exit 3 and a message naming its file, keep the previous file (or none) and
// leave no partial or temporary file behind; before the fix `export --out` and `predict --out`
// exited 0 with a cut file, and `train` died in LibTorch's zip writer leaving a .part file.
//
// Two ways to fill a disk: the file-size limit RLIMIT_FSIZE (always allowed; SIGXFSZ ignored, so a
// write past it fails with EFBIG as a full disk fails with ENOSPC), and a small tmpfs in a
// private mount namespace (`unshare -m`, needs root or user namespaces; the cases skip without).
#include "core/store/project.h"
#include "tests/cli/cli_runner.h"
#include "tests/cli/toy_project.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using sl::test::cli;
using sl::test::CliResult;

namespace {

CliResult runShell(const QString &script, const QStringList &args)
{
    QProcess process;
    process.start(QStringLiteral("/bin/sh"), QStringList{QStringLiteral("-c"), script, QStringLiteral("sh")} + args);
    if (!process.waitForFinished(120000))
        qFatal("sh -c %s did not finish", qPrintable(script));
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, process.readAllStandardOutput(),
            process.readAllStandardError()};
}

// sentilens-cli ARGS with every file it writes limited to `bytes`.
CliResult cliWithFileSizeLimit(qint64 bytes, const QStringList &args)
{
    return runShell(QStringLiteral("trap '' XFSZ; exec prlimit --fsize=%1 \"$SENTILENS_CLI\" \"$@\"").arg(bytes), args);
}

// The exit code a script gives when the tmpfs cannot be mounted here.
constexpr int kNoTmpfs = 125;

// Runs `script` in a private mount namespace where `mountPoint` is a tmpfs of `bytes`; the
// tmpfs disappears with the namespace, so the script copies back what the test inspects.
CliResult inTmpfs(const QString &mountPoint, qint64 bytes, const QString &script, const QStringList &args)
{
    const QString wrapped = QStringLiteral("mount -t tmpfs -o size=%1 sentilens-full %2 2>/dev/null || exit %3\n%4")
                                .arg(bytes).arg(mountPoint).arg(kNoTmpfs).arg(script);
    return runShell(QStringLiteral("unshare -m true 2>/dev/null || exit %1; script=$1; shift; exec unshare -m /bin/sh -c \"$script\" sh \"$@\"").arg(kNoTmpfs),
                    QStringList{wrapped} + args);
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<missing>");
}

void writeAll(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(bytes), bytes.size());
}

QString text(const CliResult &r) { return QStringLiteral("exit %1: %2").arg(r.exitCode).arg(QString::fromUtf8(r.err)); }

}  // namespace

class TestCliFullDisk : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString project_;
    std::unique_ptr<sl::store::Project> open_;  // keeps the WAL's -shm file in place (see below)

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(qEnvironmentVariable("SENTILENS_CLI")), "SENTILENS_CLI not set");
        sl::test::ToyProjectOptions options;
        options.transcriptChars = 400;  // an export of about 10 kB
        options.videoIdChars = 200;     // predictions of about 5 kB
        project_ = sl::test::buildToyProject(dir_.filePath(QStringLiteral("project")), options);
        const CliResult trained = cli({QStringLiteral("train"), project_, QStringLiteral("--arch"), QStringLiteral("late-fusion"),
                                       QStringLiteral("--epochs"), QStringLiteral("2")});
        QVERIFY2(trained.exitCode == 0, qPrintable(text(trained)));
        // While this connection is open, SQLite's shared-memory file exists at its full size, so
        // the file-size limit below meets only the export, not the database's own files.
        open_ = sl::store::Project::open(project_);
    }

    void exportOnAFullDiskKeepsTheOldFile()
    {
        const QString out = dir_.filePath(QStringLiteral("labels.csv"));
        writeAll(out, "the previous export\n");
        const CliResult full = cliWithFileSizeLimit(4096, {QStringLiteral("export"), project_, QStringLiteral("--out"), out});
        QVERIFY2(full.exitCode == 3, qPrintable(text(full)));
        QVERIFY2(full.err.contains(out.toUtf8()) && !full.out.contains("Wrote"), qPrintable(text(full)));
        QCOMPARE(readAll(out), QByteArray("the previous export\n"));
        QCOMPARE(QDir(dir_.path()).entryList({QStringLiteral(".labels.csv*")}, QDir::Files | QDir::Hidden), QStringList());

        // With room, the same command writes the whole file.
        const CliResult room = cli({QStringLiteral("export"), project_, QStringLiteral("--out"), out});
        QVERIFY2(room.exitCode == 0, qPrintable(text(room)));
        QVERIFY(readAll(out).size() > 9000);
        QCOMPARE(readAll(out).count('\n'), 25);  // header and 24 rows
    }

    void predictOnAFullDiskKeepsTheOldFile()
    {
        const QString mount = dir_.filePath(QStringLiteral("small"));
        const QString back = dir_.filePath(QStringLiteral("predict-back.csv"));
        QVERIFY(QDir().mkpath(mount));
        // 8 kB of tmpfs, the previous file of 4 kB in it: no room for a 5 kB file beside it.
        const CliResult full = inTmpfs(mount, 8192,
                                       QStringLiteral("head -c 4096 /dev/zero | tr '\\0' x > \"$1/p.csv\"\n"
                                                      "\"$SENTILENS_CLI\" predict \"$2\" --out \"$1/p.csv\"; rc=$?\n"
                                                      "cp \"$1/p.csv\" \"$3\"; ls -a \"$1\" >&2; exit $rc"),
                                       {mount, project_, back});
        if (full.exitCode == kNoTmpfs)
            QSKIP("no tmpfs can be mounted here (unshare -m needs root)");
        QVERIFY2(full.exitCode == 3, qPrintable(text(full)));
        QVERIFY2(full.err.contains("p.csv") && full.err.contains("No space left"), qPrintable(text(full)));
        QCOMPARE(readAll(back), QByteArray(4096, 'x'));
        QVERIFY2(!full.err.contains(".p.csv."), "no temporary file left");
    }

    void trainOnAFullDiskRegistersNothing()
    {
        const QString mount = dir_.filePath(QStringLiteral("disk"));
        const QString back = dir_.filePath(QStringLiteral("train-back"));
        QVERIFY(QDir().mkpath(mount));
        open_.reset();  // the copy must not carry a WAL of uncheckpointed pages
        // The project fits with 64 kB to spare (enough for SQLite's 32 kB shared memory), the
        // trained model does not.
        const CliResult full = inTmpfs(mount, 64 * 1024 * 1024,
                                       QStringLiteral("cp -a \"$2\" \"$1/p\" || exit 124\n"
                                                      "head -c 65536 /dev/zero > \"$1/reserve\"\n"
                                                      "cat /dev/zero > \"$1/fill\" 2>/dev/null; rm \"$1/reserve\"\n"
                                                      "\"$SENTILENS_CLI\" train \"$1/p\" --arch late-fusion --epochs 2; rc=$?\n"
                                                      "rm \"$1/fill\"; cp -a \"$1/p\" \"$3\"; exit $rc"),
                                       {mount, project_, back});
        open_ = sl::store::Project::open(project_);
        if (full.exitCode == kNoTmpfs)
            QSKIP("no tmpfs can be mounted here (unshare -m needs root)");
        QVERIFY2(full.exitCode == 3, qPrintable(text(full)));
        QVERIFY2(full.err.contains("models/late-fusion-") && !full.err.contains("Exception raised from"), qPrintable(text(full)));
        // Only the model trained in initTestCase: no new file, no .part, no temporary file, and
        // no new registration.
        QCOMPARE(QDir(back + QStringLiteral("/models")).entryList(QDir::Files | QDir::Hidden).size(), 1);
        QCOMPARE(sl::store::Project::open(back)->models().list().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestCliFullDisk)
#include "test_cli_full_disk.moc"
