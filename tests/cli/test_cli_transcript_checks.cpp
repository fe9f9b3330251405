// Issue 18, defects 12 and 13, through the real sentilens-cli: a transcript cue past its clip's
// end is refused with the file named (one that runs over the end is cut at it), at import (folder
// of videos) and at extraction (sidecar beside an imported clip); and transcript problems read
// "transcript: FILE: problem", never "transcript: : ..." (a clip without media names the clip).
#include "core/store/project.h"
#include "tests/cli/cli_runner.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using sl::test::cli;
using sl::test::CliResult;

namespace {

// A 1 s clip with picture and sound (ffmpeg's test sources).
void writeClip(const QString &file)
{
    QDir().mkpath(QFileInfo(file).absolutePath());
    const int code = QProcess::execute(QStringLiteral("ffmpeg"),
                                       {QStringLiteral("-loglevel"), QStringLiteral("error"), QStringLiteral("-y"),
                                        QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                                        QStringLiteral("testsrc=size=64x64:rate=10"), QStringLiteral("-f"),
                                        QStringLiteral("lavfi"), QStringLiteral("-i"),
                                        QStringLiteral("sine=frequency=300:sample_rate=16000"), QStringLiteral("-t"),
                                        QStringLiteral("1"), QStringLiteral("-pix_fmt"), QStringLiteral("yuv420p"), file});
    QVERIFY2(code == 0, "ffmpeg could not write the test clip");
}

void writeText(const QString &file, const QByteArray &text)
{
    QFile out(file);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(text);
}

const QByteArray kLateCue = "1\n00:00:00,000 --> 00:00:00,800\nhello\n\n2\n00:00:03,000 --> 00:00:04,000\nlater\n";
const QByteArray kLongCue = "1\n00:00:00,200 --> 00:00:04,000\nhello there\n";

}  // namespace

class TestCliTranscriptChecks : public QObject {
    Q_OBJECT
private slots:
    void aFolderImportRefusesCuesPastTheClip()
    {
        QTemporaryDir dir;
        const QString videos = dir.filePath(QStringLiteral("videos/v1"));
        writeClip(videos + QStringLiteral("/late.mp4"));
        writeText(videos + QStringLiteral("/late.srt"), kLateCue);
        const QString project = dir.filePath(QStringLiteral("p"));
        const CliResult refused = cli({QStringLiteral("import"), project, dir.filePath(QStringLiteral("videos"))});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains("late.srt: cue 2 (3.000 s to 4.000 s, 'later') starts after the clip ends at 1.000 s"),
                 refused.err.constData());
        QVERIFY(!QFileInfo::exists(project));  // nothing imported, no folder left

        // A cue that starts inside the clip and runs past its end is cut at the end.
        QFile::remove(videos + QStringLiteral("/late.srt"));
        writeText(videos + QStringLiteral("/late.srt"), kLongCue);
        const CliResult imported = cli({QStringLiteral("import"), project, dir.filePath(QStringLiteral("videos"))});
        QVERIFY2(imported.exitCode == 0, imported.err.constData());
        auto opened = sl::store::Project::open(project);
        const auto clip = opened->clips().findByKey(QStringLiteral("v1"), QStringLiteral("late"));
        QVERIFY(clip);
        const QList<sl::store::TranscriptCueRecord> cues = opened->clips().cues(clip->id);
        QCOMPARE(cues.size(), 1);
        QCOMPARE(cues[0].startSeconds, 0.2);
        QVERIFY2(std::abs(cues[0].endSeconds - 1.0) < 0.05, qPrintable(QString::number(cues[0].endSeconds)));
    }

    void extractionNamesTheFileOrTheClip()
    {
        QTemporaryDir dir;
        const QString project = dir.filePath(QStringLiteral("p"));
        QDir().mkpath(project);
        writeClip(dir.filePath(QStringLiteral("media/withcue.mp4")));
        writeText(dir.filePath(QStringLiteral("media/withcue.srt")), kLateCue);
        {
            auto opened = sl::store::Project::create(project, QStringLiteral("p"), sl::LabelScale());
            const auto add = [&](const QString &id, const QString &media) {
                sl::store::Clip clip;
                clip.videoId = QStringLiteral("v");
                clip.clipId = id;
                clip.mediaPath = media;
                clip.split = QStringLiteral("train");
                clip.language = QStringLiteral("en");
                opened->clips().add(clip);
            };
            add(QStringLiteral("nomedia"), QStringLiteral(""));
            add(QStringLiteral("missing"), QStringLiteral("../media/missing.mp4"));
            add(QStringLiteral("withcue"), QStringLiteral("../media/withcue.mp4"));
        }
        const CliResult result = cli({QStringLiteral("extract"), project, QStringLiteral("--only"), QStringLiteral("text")});
        QCOMPARE(result.exitCode, 4);  // clips failed, the others were done
        const QStringList lines = QString::fromUtf8(result.err).split(QLatin1Char('\n'));
        QStringList transcriptLines;
        for (const QString &line : lines) {
            if (!line.startsWith(QLatin1String("transcript: ")))
                continue;
            QVERIFY2(!line.contains(QLatin1String(": :")), qPrintable(line));  // the old "transcript: : /path"
            transcriptLines << line;
        }
        QCOMPARE(transcriptLines.size(), 3);
        // The text stage names a clip without media by its ids too (it read "text: : no transcript").
        QVERIFY2(result.err.contains("text: clip v/nomedia: no transcript"), result.err.constData());
        for (const QString &line : lines)
            QVERIFY2(!(line.startsWith(QLatin1String("text: ")) && line.contains(QLatin1String(": :"))), qPrintable(line));
        const auto has = [&](const QString &text) {
            return std::any_of(transcriptLines.begin(), transcriptLines.end(), [&](const QString &l) { return l.contains(text); });
        };
        QVERIFY2(has(QStringLiteral("transcript: clip v/nomedia: no transcript and no media file")), qPrintable(transcriptLines.join('\n')));
        QVERIFY2(has(QStringLiteral("missing.mp4: ")) && has(QStringLiteral("(speech recognition)")), qPrintable(transcriptLines.join('\n')));
        QVERIFY2(has(QStringLiteral("withcue.srt: cue 2 (3.000 s to 4.000 s, 'later') starts after the clip ends at 1.000 s")),
                 qPrintable(transcriptLines.join('\n')));
    }
};

QTEST_GUILESS_MAIN(TestCliTranscriptChecks)
#include "test_cli_transcript_checks.moc"
