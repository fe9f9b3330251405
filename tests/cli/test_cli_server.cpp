// sentilens-cli on a shared project in PostgreSQL (a throwaway cluster): init --server, media-root,
// and the same dataset imported into a server project and into a project folder gives the same
// list, statistics, label export and adjudication from every command.
#include "tests/cli/cli_runner.h"
#include "tests/import/dataset_fixture.h"
#include "tests/support/postgres_cluster.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

using sl::test::cli;
using sl::test::CliResult;

namespace {

// A command's --json answer without what names where the project lives: the project itself, and
// each clip's media path, which is relative to the media root on a server and to the project
// folder otherwise.
QJsonObject withoutLocation(QJsonObject object)
{
    object.remove(QStringLiteral("project"));
    object.remove(QStringLiteral("database"));
    QJsonArray clips = object.value(QStringLiteral("clips")).toArray();
    for (auto clip = clips.begin(); clip != clips.end(); ++clip) {
        QJsonObject fields = clip->toObject();
        fields.remove(QStringLiteral("media"));
        *clip = fields;
    }
    if (!clips.isEmpty())
        object.insert(QStringLiteral("clips"), clips);
    return object;
}

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

}  // namespace

class TestCliServer : public QObject {
    Q_OBJECT
private slots:
    void serverProjectAnswersLikeAProjectFolder()
    {
        if (sl::test::PostgresCluster::binDir().isEmpty())
            QSKIP("PostgreSQL back end not tested: its server programs (initdb, pg_ctl) are not installed (Debian: postgresql-15)");
        sl::test::PostgresCluster cluster;
        QVERIFY2(cluster.isRunning(), qPrintable(cluster.error()));
        QTemporaryDir dir;
        // This machine's settings (the media root) go into the test's folder; sentilens-cli inherits it.
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(dir.filePath(QStringLiteral("config"))));
        const QString dataset = sl::test::makeDataset(dir, QStringLiteral("SIMS"), sl::test::simsStyleCsv(), sl::test::simsStyleClips());
        const QString url = cluster.createDatabase();
        const QString folder = dir.filePath(QStringLiteral("local"));

        const CliResult init = cli({QStringLiteral("init"), QStringLiteral("--server"), url, QStringLiteral("--media-root"), dataset,
                                    QStringLiteral("--scale"), QStringLiteral("sims"), QStringLiteral("--name"), QStringLiteral("Study"),
                                    QStringLiteral("--json")});
        QVERIFY2(init.exitCode == 0, init.err.constData());
        QCOMPARE(init.json().value(QStringLiteral("project")).toString(), dataset);
        QVERIFY(!init.json().value(QStringLiteral("database")).toString().contains(QLatin1String("%1")));
        const CliResult again = cli({QStringLiteral("init"), QStringLiteral("--server"), url});
        QCOMPARE(again.exitCode, 3);
        QVERIFY2(again.err.contains("already exists"), again.err.constData());
        QCOMPARE(cli({QStringLiteral("init"), folder, QStringLiteral("--server"), url}).exitCode, 2);  // one or the other
        QCOMPARE(cli({QStringLiteral("init"), folder, QStringLiteral("--scale"), QStringLiteral("sims"), QStringLiteral("--name"),
                      QStringLiteral("Study")}).exitCode, 0);

        for (const QString &project : {url, folder}) {
            const CliResult imported = cli({QStringLiteral("import"), project, dataset});
            QVERIFY2(imported.exitCode == 0, imported.err.constData());
            const CliResult adjudicated = cli({QStringLiteral("adjudicate"), project, QStringLiteral("--clip"), QStringLiteral("video_0001/0001"),
                                               QStringLiteral("--target"), QStringLiteral("M"), QStringLiteral("--value"), QStringLiteral("0.4")});
            QVERIFY2(adjudicated.exitCode == 0, adjudicated.err.constData());
            const QString exported = dir.filePath(project == url ? QStringLiteral("server.csv") : QStringLiteral("folder.csv"));
            QCOMPARE(cli({QStringLiteral("export"), project, QStringLiteral("--out"), exported}).exitCode, 0);
        }
        for (const QString &command : {QStringLiteral("list"), QStringLiteral("stats")}) {
            const CliResult server = cli({command, url, QStringLiteral("--json")});
            const CliResult local = cli({command, folder, QStringLiteral("--json")});
            QVERIFY2(server.exitCode == 0, server.err.constData());
            if (withoutLocation(server.json()) != withoutLocation(local.json()))
                qWarning("server:\n%s\nfolder:\n%s", server.out.constData(), local.out.constData());
            QCOMPARE(withoutLocation(server.json()), withoutLocation(local.json()));
        }
        // Media paths on the server are relative to the media root (here the dataset folder).
        const QJsonArray serverClips = cli({QStringLiteral("list"), url, QStringLiteral("--json")}).json().value(QStringLiteral("clips")).toArray();
        QCOMPARE(serverClips.first().toObject().value(QStringLiteral("media")).toString(), QStringLiteral("Raw/video_0001/0001.mp4"));
        QVERIFY(!fileBytes(dir.filePath(QStringLiteral("server.csv"))).isEmpty());
        QCOMPARE(fileBytes(dir.filePath(QStringLiteral("server.csv"))), fileBytes(dir.filePath(QStringLiteral("folder.csv"))));

        const CliResult shown = cli({QStringLiteral("media-root"), url, QStringLiteral("--json")});
        QCOMPARE(shown.json().value(QStringLiteral("media_root")).toString(), dataset);

        // Another machine: no media root yet, so commands say how to set one; then it works.
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(dir.filePath(QStringLiteral("other-machine"))));
        const CliResult unmapped = cli({QStringLiteral("stats"), url});
        QCOMPARE(unmapped.exitCode, 3);
        QVERIFY2(unmapped.err.contains("sentilens-cli media-root"), unmapped.err.constData());
        QCOMPARE(cli({QStringLiteral("media-root"), url, dataset}).exitCode, 0);
        QCOMPARE(cli({QStringLiteral("stats"), url}).exitCode, 0);
        const CliResult badUrl = cli({QStringLiteral("stats"), QStringLiteral("postgresql://ana@host")});
        QCOMPARE(badUrl.exitCode, 3);
        QVERIFY2(badUrl.err.contains("name one database"), badUrl.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliServer)
#include "test_cli_server.moc"
