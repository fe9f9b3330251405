// sentilens-cli on MMSA feature pickles, end to end: import (clips without media), list, train,
// predict, explain, export --features read back by Python's pickle.load; refusals leave no project
// behind and an existing project unchanged.
#include "tests/cli/cli_runner.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using sl::test::cli;
using sl::test::CliResult;

namespace {

QString runPython(const QStringList &arguments, int &exitCode)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral(SENTILENS_TEST_PYTHON), QStringList{QStringLiteral(SENTILENS_MAKE_PICKLES)} + arguments);
    if (!process.waitForFinished(120000))
        qFatal("make_pickles.py did not finish");
    exitCode = process.exitCode();
    return QString::fromUtf8(process.readAll());
}

QString why(const CliResult &r) { return QString::fromUtf8(r.out + r.err); }

}  // namespace

class TestCliPickle : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

    QString path(const QString &name) const { return m_dir.filePath(name); }

private slots:
    void initTestCase()
    {
        QDir().mkpath(path(QStringLiteral("fixtures")));
        int code = -1;
        const QString output = runPython({path(QStringLiteral("fixtures"))}, code);
        QVERIFY2(code == 0, qPrintable(output));
    }

    void importTrainPredictExplainExport()
    {
        const QString project = path(QStringLiteral("mosi"));
        const QString pkl = path(QStringLiteral("fixtures/mosi_unaligned_p2.pkl"));
        CliResult r = cli({QStringLiteral("import"), project, pkl, QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(why(r)));
        QCOMPARE(r.json().value(QStringLiteral("clips_imported")).toInt(), 8);
        QCOMPARE(r.json().value(QStringLiteral("aligned")).toBool(), false);
        QCOMPARE(r.json().value(QStringLiteral("feature_sets")).toArray().size(), 3);
        QVERIFY2(r.err.contains("writing 100%"), r.err.constData());  // progress, on stderr

        r = cli({QStringLiteral("list"), project, QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(why(r)));
        QVERIFY(r.out.contains("video0"));

        r = cli({QStringLiteral("train"), project, QStringLiteral("--arch"), QStringLiteral("e-mib"), QStringLiteral("--epochs"),
                 QStringLiteral("3"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(why(r)));

        const QString predictions = path(QStringLiteral("predictions.csv"));
        r = cli({QStringLiteral("predict"), project, QStringLiteral("--out"), predictions});
        QVERIFY2(r.exitCode == 0, qPrintable(why(r)));
        QFile csv(predictions);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QCOMPARE(csv.readAll().count('\n'), 1 + 8);

        r = cli({QStringLiteral("explain"), project, QStringLiteral("--clip"), QStringLiteral("video0/1"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(why(r)));

        const QString out = path(QStringLiteral("export.pkl"));
        r = cli({QStringLiteral("export"), project, QStringLiteral("--features"), out, QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(why(r)));
        QCOMPARE(r.json().value(QStringLiteral("clips")).toInt(), 8);
        int code = -1;
        const QString compared = runPython({QStringLiteral("--compare"), pkl, out}, code);
        QVERIFY2(code == 0, qPrintable(compared));
    }

    // MMSA keeps the videos in Raw/VIDEO/CLIP.mp4 beside the pickles: a clip found there gets its
    // media (decoded for real by extract), the others stay media-less.
    void rawFolderBesideThePickleGivesMedia()
    {
        const QString dataset = path(QStringLiteral("with_raw"));
        QDir().mkpath(dataset + QStringLiteral("/Raw/video0"));
        QVERIFY(QFile::copy(path(QStringLiteral("fixtures/mosi_unaligned_p2.pkl")), dataset + QStringLiteral("/unaligned.pkl")));
        QProcess ffmpeg;
        ffmpeg.setProcessChannelMode(QProcess::MergedChannels);
        ffmpeg.start(QStringLiteral("ffmpeg"), {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-f"), QStringLiteral("lavfi"),
                                                QStringLiteral("-i"), QStringLiteral("testsrc=size=160x120:rate=10:duration=1"),
                                                QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                                                QStringLiteral("sine=frequency=220:duration=1"), QStringLiteral("-shortest"),
                                                dataset + QStringLiteral("/Raw/video0/2.mp4")});
        QVERIFY(ffmpeg.waitForFinished(60000));
        QVERIFY2(ffmpeg.exitCode() == 0, ffmpeg.readAll().constData());

        const QString project = path(QStringLiteral("raw_project"));
        CliResult r = cli({QStringLiteral("import"), project, dataset + QStringLiteral("/unaligned.pkl")});
        QVERIFY2(r.exitCode == 0, qPrintable(why(r)));
        r = cli({QStringLiteral("list"), project, QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(why(r)));
        int withMedia = 0;
        const QJsonArray clips = r.json().value(QStringLiteral("clips")).toArray();
        QCOMPARE(clips.size(), 8);
        for (const QJsonValue &value : clips) {
            const QJsonObject clip = value.toObject();
            const QString media = clip.value(QStringLiteral("media")).toString();
            if (!media.isEmpty()) {
                ++withMedia;
                QCOMPARE(clip.value(QStringLiteral("video_id")).toString(), QStringLiteral("video0"));
                QCOMPARE(clip.value(QStringLiteral("clip_id")).toString(), QStringLiteral("2"));
                QVERIFY2(media.endsWith(QLatin1String("Raw/video0/2.mp4")), qPrintable(media));
            }
        }
        QCOMPARE(withMedia, 1);
        // The one clip with media is decoded; the seven without are reported as such, not as broken files.
        r = cli({QStringLiteral("extract"), project, QStringLiteral("--only"), QStringLiteral("acoustic"), QStringLiteral("--json")});
        QCOMPARE(r.json().value(QStringLiteral("extracted")).toInt(), 1);
    }

    void refusalLeavesNothingBehind()
    {
        const QString fresh = path(QStringLiteral("never"));
        CliResult r = cli({QStringLiteral("import"), fresh, path(QStringLiteral("fixtures/subprocess_popen.pkl"))});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("subprocess.Popen") && r.err.contains("byte "), r.err.constData());
        QVERIFY(!QFileInfo::exists(fresh));

        const QString project = path(QStringLiteral("sims"));
        r = cli({QStringLiteral("import"), project, path(QStringLiteral("fixtures/sims_unaligned_p5.pkl"))});
        QVERIFY2(r.exitCode == 0, qPrintable(why(r)));
        const QByteArray before = cli({QStringLiteral("list"), project}).out;
        for (const char *bad : {"lengths_too_long.pkl", "wrong_rows.pkl", "builtins_eval.pkl", "sims_unaligned_p5.pkl"}) {
            r = cli({QStringLiteral("import"), project, path(QStringLiteral("fixtures/") + QLatin1String(bad))});
            QVERIFY2(r.exitCode == 1 && r.err.contains("Nothing was imported"), qPrintable(why(r)));
        }
        QCOMPARE(cli({QStringLiteral("list"), project}).out, before);
    }
};

QTEST_GUILESS_MAIN(TestCliPickle)
#include "test_cli_pickle.moc"
