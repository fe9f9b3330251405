// The language end to end through sentilens-cli: `import --language zh` makes the project and its
// clips Chinese, and `extract` then stores the "no speech recogniser for zh" problem instead of
// English words; without --language, transcripts tell the language (script for Chinese, fastText
// for English) and speech of unknown language is recognised but marked low-confidence in `list`
// and counted by `stats`; `language --set` changes a clip and drops its other-language words.
#include "core/language/language_id.h"
#include "tests/cli/cli_runner.h"
#include "tests/media/test_clips.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using sl::test::cli;
using sl::test::CliResult;

namespace {

void speakInto(const QString &folder, const QString &name, const QString &voice, const QString &text)
{
    const QString wav = folder + QStringLiteral("/../") + name + QStringLiteral(".wav");
    QProcess espeak;
    espeak.start(QStringLiteral("espeak-ng"), {QStringLiteral("-v"), voice, QStringLiteral("-w"), wav, text});
    if (!espeak.waitForFinished(60000) || espeak.exitCode() != 0)
        qFatal("espeak-ng failed: %s", espeak.readAllStandardError().constData());
    sl::test::runFfmpeg({QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                         QStringLiteral("testsrc=size=160x120:rate=15"), QStringLiteral("-i"), wav,
                         QStringLiteral("-shortest"), QStringLiteral("-c:v"), QStringLiteral("libx264"),
                         QStringLiteral("-pix_fmt"), QStringLiteral("yuv420p"), QStringLiteral("-c:a"),
                         QStringLiteral("aac"), folder + QLatin1Char('/') + name + QStringLiteral(".mp4")});
}

void writeText(const QString &path, const QByteArray &text)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text);
}

// list --json's clips by clip id.
QMap<QString, QJsonObject> listed(const QString &project)
{
    const CliResult list = cli({QStringLiteral("list"), project, QStringLiteral("--json")});
    QMap<QString, QJsonObject> clips;
    for (const QJsonValue &clip : list.json().value(QStringLiteral("clips")).toArray())
        clips.insert(clip.toObject().value(QStringLiteral("clip_id")).toString(), clip.toObject());
    return clips;
}

}  // namespace

class TestLanguageCli : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_videos;

private slots:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(qEnvironmentVariable("SENTILENS_CLI")), "SENTILENS_CLI not set");
        m_videos = m_dir.filePath(QStringLiteral("videos"));
        QVERIFY(QDir().mkpath(m_videos));
        speakInto(m_videos, QStringLiteral("zh"), QStringLiteral("cmn"), QStringLiteral("今天天气很好，我们一起去公园散步吧。"));
        speakInto(m_videos, QStringLiteral("en"), QStringLiteral("en-us+f2"),
                  QStringLiteral("I really love this movie, the acting was wonderful."));
        // Two clips with transcripts beside them (the same picture and sound; only the text matters).
        QVERIFY(QFile::copy(m_videos + QStringLiteral("/zh.mp4"), m_videos + QStringLiteral("/zh_text.mp4")));
        writeText(m_videos + QStringLiteral("/zh_text.txt"), "这部电影真的很好看，我很喜欢。\n");
        QVERIFY(QFile::copy(m_videos + QStringLiteral("/en.mp4"), m_videos + QStringLiteral("/en_text.mp4")));
        writeText(m_videos + QStringLiteral("/en_text.txt"), "The food was cold and the service was terrible.\n");
    }

    void chineseProjectGetsNoEnglishWords()
    {
        const QString project = m_dir.filePath(QStringLiteral("zh"));
        QCOMPARE(cli({QStringLiteral("import"), project, m_videos, QStringLiteral("--language"), QStringLiteral("zh")}).exitCode, 0);
        const CliResult extract = cli({QStringLiteral("extract"), project, QStringLiteral("--only"), QStringLiteral("text")});
        QCOMPARE(extract.exitCode, 4);  // clips failed: the two without a transcript
        QVERIFY2(extract.err.contains("zh.mp4: no speech recogniser for zh: add a transcript (.srt, .vtt, .txt) or "
                                      "choose a recogniser model"),
                 extract.err.constData());
        const QMap<QString, QJsonObject> clips = listed(project);
        QCOMPARE(clips.size(), 4);
        for (const QJsonObject &clip : clips)
            QCOMPARE(clip.value(QStringLiteral("language")).toString(), QStringLiteral("zh"));
        for (const char *spoken : {"zh", "en"}) {
            QCOMPARE(clips[QLatin1String(spoken)].value(QStringLiteral("transcript")).toString(), QString());
            QCOMPARE(clips[QLatin1String(spoken)].value(QStringLiteral("transcript_source")).toString(), QStringLiteral("none"));
        }
        const CliResult language = cli({QStringLiteral("language"), project, QStringLiteral("--json")});
        QCOMPARE(language.json().value(QStringLiteral("default")).toString(), QStringLiteral("zh"));
    }

    void transcriptsTellTheLanguageAndDoubtfulSpeechIsMarked()
    {
        const QString project = m_dir.filePath(QStringLiteral("unknown"));
        QCOMPARE(cli({QStringLiteral("import"), project, m_videos}).exitCode, 0);
        QMap<QString, QJsonObject> clips = listed(project);
        QCOMPARE(clips[QStringLiteral("zh_text")].value(QStringLiteral("language")).toString(), QStringLiteral("zh"));
        QCOMPARE(clips[QStringLiteral("en_text")].value(QStringLiteral("language")).toString(),
                 sl::language::languageModelAvailable() ? QStringLiteral("en") : QString());
        QVERIFY(clips[QStringLiteral("zh")].value(QStringLiteral("language")).isNull());

        QCOMPARE(cli({QStringLiteral("extract"), project, QStringLiteral("--only"), QStringLiteral("text")}).exitCode, 0);
        clips = listed(project);
        for (const char *spoken : {"zh", "en"}) {
            const QJsonObject clip = clips[QLatin1String(spoken)];
            QCOMPARE(clip.value(QStringLiteral("transcript_source")).toString(), QStringLiteral("asr"));
            QVERIFY(clip.value(QStringLiteral("low_confidence")).toBool());
            QVERIFY(clip.value(QStringLiteral("transcript_confidence")).isDouble());
        }
        QVERIFY(!clips[QStringLiteral("en_text")].value(QStringLiteral("low_confidence")).toBool());
        const CliResult list = cli({QStringLiteral("list"), project});
        QCOMPARE(list.out.count("(low confidence)"), 2);
        QVERIFY(list.out.contains("4 clip(s), 2 with a low-confidence transcript"));
        QCOMPARE(cli({QStringLiteral("stats"), project, QStringLiteral("--json")})
                     .json().value(QStringLiteral("clips_with_low_confidence_transcript")).toInt(), 2);

        // The Mandarin clip said to be Chinese: its English words go, and so does the mark.
        const CliResult set = cli({QStringLiteral("language"), project, QStringLiteral("--set"), QStringLiteral("zh"),
                                   QStringLiteral("--clip"), QStringLiteral("videos/zh"), QStringLiteral("--json")});
        QCOMPARE(set.exitCode, 0);
        QCOMPARE(set.json().value(QStringLiteral("recognised_transcripts_cleared")).toInt(), 1);
        clips = listed(project);
        QCOMPARE(clips[QStringLiteral("zh")].value(QStringLiteral("transcript")).toString(), QString());
        QCOMPARE(clips[QStringLiteral("zh")].value(QStringLiteral("language")).toString(), QStringLiteral("zh"));
        const QJsonObject stats = cli({QStringLiteral("stats"), project, QStringLiteral("--json")}).json();
        QCOMPARE(stats.value(QStringLiteral("clips_with_low_confidence_transcript")).toInt(), 1);
        QCOMPARE(stats.value(QStringLiteral("clips_per_language")).toObject().value(QStringLiteral("zh")).toInt(), 2);

        // Bad codes and selections are refused with a usage error, naming what was wrong.
        const CliResult bad = cli({QStringLiteral("language"), project, QStringLiteral("--set"), QStringLiteral("chinese"),
                                   QStringLiteral("--all")});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY(bad.err.contains("'chinese' is not a language code"));
        QCOMPARE(cli({QStringLiteral("language"), project, QStringLiteral("--set"), QStringLiteral("zh")}).exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestLanguageCli)
#include "test_language_cli.moc"
