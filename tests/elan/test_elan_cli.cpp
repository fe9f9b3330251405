// sentilens-cli elan-import and elan-export end to end on a small imported dataset.
#include "core/elan/eaf_reader.h"
#include "tests/cli/cli_runner.h"
#include "tests/elan/elan_sample.h"
#include "tests/import/dataset_fixture.h"
#include "tests/support/temp_project.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QtTest>

using sl::test::cli;
using sl::test::CliResult;

class TestElanCli : public QObject {
    Q_OBJECT

private slots:
    void transcriptInAndTiersOut()
    {
        QVERIFY2(QFile::exists(qEnvironmentVariable("SENTILENS_CLI")), "SENTILENS_CLI not set");
        QTemporaryDir dir;
        const QString dataset = sl::test::makeDataset(dir, QStringLiteral("data"),
                                                      "video_id,clip_id,text,label,label_T,mode\nv1,0001,hello,1.5,2.0,train\n"
                                                      "v1,0002,bye,-1.0,,train\n",
                                                      {QStringLiteral("v1/0001"), QStringLiteral("v1/0002")});
        const QString project = dir.filePath(QStringLiteral("p"));
        QCOMPARE(cli({QStringLiteral("import"), project, dataset}).exitCode, 0);
        const QString elanFile = sl::test::writeFile(dir, QStringLiteral("speech.eaf"), sl::test::elanWrittenSample());

        const CliResult in = cli({QStringLiteral("elan-import"), project, elanFile, QStringLiteral("--clip"),
                                  QStringLiteral("v1/0001"), QStringLiteral("--json")});
        QVERIFY2(in.exitCode == 0, in.err.constData());
        QCOMPARE(in.json().value(QStringLiteral("tier")).toString(), QStringLiteral("S1 speech"));
        QCOMPARE(in.json().value(QStringLiteral("cues")).toInt(), 2);

        // The clip has no known duration, so its labels span to the end of its last cue.
        const QString out = dir.filePath(QStringLiteral("v1_0001.eaf"));
        const CliResult exported = cli({QStringLiteral("elan-export"), project, QStringLiteral("--clip"), QStringLiteral("v1/0001"),
                                        QStringLiteral("--out"), out});
        QVERIFY2(exported.exitCode == 0, exported.err.constData());
        const sl::elan::EafFile file = sl::elan::readEaf(out);
        QCOMPARE(file.tiers.size(), 3);
        QCOMPARE(file.tiers[0].id, QStringLiteral("transcript"));
        QCOMPARE(file.tiers[0].annotations.size(), 2);
        QCOMPARE(file.tiers[0].annotations[0].value, QStringLiteral("first part"));
        QCOMPARE(file.tiers[1].id, QStringLiteral("M (dataset)"));
        QCOMPARE(file.tiers[1].annotations[0].value, QStringLiteral("1.5"));
        QCOMPARE(file.tiers[1].annotations[0].endMs, 2750);
        QCOMPARE(file.tiers[2].id, QStringLiteral("T (dataset)"));

        // Every clip into a folder: v1/0002 has labels but nothing to time them with.
        const CliResult all = cli({QStringLiteral("elan-export"), project, QStringLiteral("--out"), dir.filePath(QStringLiteral("all"))});
        QCOMPARE(all.exitCode, 1);
        QVERIFY2(all.err.contains("clip v1/0002 has labels but neither a duration nor transcript cues"), all.err.constData());

        const CliResult unknown = cli({QStringLiteral("elan-import"), project, elanFile, QStringLiteral("--clip"), QStringLiteral("v1/0009")});
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY(unknown.err.contains("no clip v1/0009"));
        const CliResult noTier = cli({QStringLiteral("elan-import"), project, elanFile, QStringLiteral("--clip"), QStringLiteral("v1/0001"),
                                      QStringLiteral("--tier"), QStringLiteral("words")});
        QCOMPARE(noTier.exitCode, 1);
        QVERIFY2(noTier.err.contains("speech.eaf: no tier named 'words'"), noTier.err.constData());
        QCOMPARE(cli({QStringLiteral("elan-export"), project, QStringLiteral("--clip"), QStringLiteral("v1/0001")}).exitCode, 2);
    }
};

QTEST_MAIN(TestElanCli)
#include "test_elan_cli.moc"
