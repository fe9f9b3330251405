// Speech recognition only in the recogniser's language. Mandarin speech (espeak-ng, voice cmn) in a
// clip without transcript gets the problem "no speech recogniser for zh" and no words when its
// language is zh, whether the clip or the project says so; English speech is recognised with word
// confidences; Mandarin audio that the English recogniser is made to hear is marked low-confidence,
// and so is any recognition of a clip whose language nobody gave.
#include "core/language/speech_recognizer.h"
#include "core/language/transcript_resolver.h"
#include "core/store/project.h"
#include "core/media/audio_decoder.h"
#include "core/store/project_stats.h"
#include "tests/language/language_projects.h"
#include "tests/media/test_clips.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace sl;

namespace {

// A clip of the test pattern whose sound is espeak-ng saying `text` with `voice`.
QString spokenClip(const QTemporaryDir &dir, const QString &name, const QString &voice, const QString &text)
{
    const QString wav = dir.filePath(name + QStringLiteral(".wav"));
    QProcess espeak;
    espeak.start(QStringLiteral("espeak-ng"), {QStringLiteral("-v"), voice, QStringLiteral("-w"), wav, text});
    if (!espeak.waitForFinished(60000) || espeak.exitCode() != 0)
        qFatal("espeak-ng failed: %s", espeak.readAllStandardError().constData());
    const QString clip = dir.filePath(name + QStringLiteral(".mp4"));
    test::runFfmpeg({QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                     QStringLiteral("testsrc=size=160x120:rate=15"), QStringLiteral("-i"), wav,
                     QStringLiteral("-shortest"), QStringLiteral("-c:v"), QStringLiteral("libx264"),
                     QStringLiteral("-pix_fmt"), QStringLiteral("yuv420p"), QStringLiteral("-c:a"),
                     QStringLiteral("aac"), clip});
    return clip;
}

const QString kMandarin = QStringLiteral("今天天气很好，我们一起去公园散步吧。这部电影真的非常好看，我很喜欢。");
const QString kEnglish = QStringLiteral("I really love this movie, the acting was wonderful.");

}  // namespace

class TestLanguageAsrGate : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_mandarin, m_english;

    static QString problemOf(const language::TranscriptResolveReport &report, qint64 clip)
    {
        for (const store::ClipProblem &problem : report.problems)
            if (problem.clipId == clip)
                return problem.message;
        return {};
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_mandarin = spokenClip(m_dir, QStringLiteral("mandarin"), QStringLiteral("cmn"), kMandarin);
        m_english = spokenClip(m_dir, QStringLiteral("english"), QStringLiteral("en-us+f2"), kEnglish);
    }

    // The mark's threshold against what it must catch: every Mandarin sentence heard by the English
    // recogniser falls below it, clear English recognitions stay above. A fresh decoder for each
    // sentence, since PocketSphinx carries its cepstral mean from one utterance to the next.
    void thresholdSeparatesMandarinFromCorrectEnglish()
    {
        const auto confidenceOf = [&](const QString &voice, const QString &text, const QString &name) {
            const QString wav = m_dir.filePath(name);
            QProcess espeak;
            espeak.start(QStringLiteral("espeak-ng"), {QStringLiteral("-v"), voice, QStringLiteral("-w"), wav, text});
            if (!espeak.waitForFinished(60000) || espeak.exitCode() != 0)
                qFatal("espeak-ng failed: %s", espeak.readAllStandardError().constData());
            language::SpeechRecognizer recognizer;
            const language::Recognition heard =
                recognizer.recognize(language::SpeechRecognizer::toPcm16(media::decodeAudioMono16k(wav)));
            qInfo("%s \"%s\" heard \"%s\", confidence %.3f", qPrintable(voice), qPrintable(text),
                  qPrintable(heard.text), heard.confidence());
            return std::pair{heard.text, heard.confidence()};
        };
        // Three of the five Mandarin sentences tried, with the two that scored highest (0.40, 0.47).
        const QStringList mandarin{QStringLiteral("这个手机的价格太贵了，我不喜欢。"),
                                   QStringLiteral("昨天晚上的聚会非常有意思。"),
                                   QStringLiteral("你好，请问火车站怎么走？")};
        for (qsizetype i = 0; i < mandarin.size(); ++i)
            QVERIFY(confidenceOf(QStringLiteral("cmn"), mandarin[i], QStringLiteral("zh%1.wav").arg(i)).second
                    < language::kLowRecognitionConfidence);
        for (const QString &english : {kEnglish, QStringLiteral("I am not happy with the price of this product.")}) {
            const auto [text, confidence] = confidenceOf(QStringLiteral("en-us+f2"), english, QStringLiteral("en.wav"));
            QVERIFY2(text.contains(QStringLiteral("movie")) || text.contains(QStringLiteral("price")), qPrintable(text));
            QVERIFY(confidence >= language::kLowRecognitionConfidence);
        }
    }

    void mandarinWithoutRecogniserGetsAProblemAndNoWords()
    {
        // zh from the project's default for one clip, from the clip itself in an English project for
        // the other.
        for (const auto &[projectLanguage, clipLanguage] :
             {std::pair{QStringLiteral("zh"), QString()}, std::pair{QStringLiteral("en"), QStringLiteral("zh")}}) {
            auto project = test::languageProject(m_dir.filePath(QStringLiteral("zh-") + projectLanguage), projectLanguage);
            const qint64 id = test::addLanguageClip(*project, QStringLiteral("m"), m_mandarin, clipLanguage);
            const language::TranscriptResolveReport report = language::resolveTranscripts(*project);
            QCOMPARE(report.recognized, 0);
            QCOMPARE(report.failed, 1);
            const QString problem = problemOf(report, id);
            QVERIFY2(problem.contains(QStringLiteral("no speech recogniser for zh: add a transcript (.srt, .vtt, "
                                                     ".txt) or choose a recogniser model"))
                         && problem.contains(QStringLiteral("mandarin.mp4")),
                     qPrintable(problem));
            const store::Clip clip = *project->clips().find(id);
            QCOMPARE(clip.transcript, QString());
            QCOMPARE(clip.transcriptSource, QStringLiteral("none"));
            QVERIFY(project->clips().cues(id).isEmpty());
            // The problem is stored with the clip, for the list and the window.
            const QList<store::ClipProblem> stored = project->features().problems();
            QCOMPARE(stored.size(), 1);
            QCOMPARE(stored.first().message, problem);
        }
    }

    void englishIsRecognisedWithConfidence()
    {
        auto project = test::languageProject(m_dir.filePath(QStringLiteral("en")), QStringLiteral("en"));
        const qint64 id = test::addLanguageClip(*project, QStringLiteral("e"), m_english, QString());
        const language::TranscriptResolveReport report = language::resolveTranscripts(*project);
        QCOMPARE(report.recognized, 1);
        const store::Clip clip = *project->clips().find(id);
        qInfo("English heard \"%s\", confidence %.3f", qPrintable(clip.transcript), clip.transcriptConfidence.value_or(-1));
        QCOMPARE(clip.transcriptSource, QStringLiteral("asr"));
        QVERIFY(clip.transcript.contains(QStringLiteral("movie")));
        QVERIFY(clip.transcriptConfidence.has_value());
        QVERIFY2(*clip.transcriptConfidence >= language::kLowRecognitionConfidence,
                 qPrintable(QString::number(*clip.transcriptConfidence)));
        QVERIFY(!clip.lowConfidence);
        QCOMPARE(store::computeStats(*project).clipsWithLowConfidenceTranscript, 0);
    }

    void doubtfulRecognitionsAreMarkedLowConfidence()
    {
        // Mandarin audio said to be English: the recogniser runs and is unsure of what it heard.
        auto project = test::languageProject(m_dir.filePath(QStringLiteral("forced")), QStringLiteral("en"));
        const qint64 forced = test::addLanguageClip(*project, QStringLiteral("m"), m_mandarin, QString());
        language::resolveTranscripts(*project);
        const store::Clip clip = *project->clips().find(forced);
        qInfo("Mandarin heard as English \"%s\", confidence %.3f", qPrintable(clip.transcript),
              clip.transcriptConfidence.value_or(-1));
        QVERIFY(clip.transcriptConfidence.has_value());
        QVERIFY2(*clip.transcriptConfidence < language::kLowRecognitionConfidence,
                 qPrintable(QString::number(*clip.transcriptConfidence)));
        QVERIFY(clip.lowConfidence);

        // Nobody gave a language: the English recogniser runs (the project has none either), and even
        // clear English is marked, since the language itself was a guess.
        auto unset = test::languageProject(m_dir.filePath(QStringLiteral("unset")), QString());
        const qint64 english = test::addLanguageClip(*unset, QStringLiteral("e"), m_english, QString());
        language::resolveTranscripts(*unset);
        QVERIFY(unset->clips().find(english)->lowConfidence);
        const store::ProjectStats stats = store::computeStats(*unset);
        QCOMPARE(stats.clipsWithLowConfidenceTranscript, 1);

        // Text written over a recognised transcript is no longer the recogniser's: the mark goes.
        project->clips().setTranscript(forced, QStringLiteral("今天天气很好"), QStringLiteral("edited"));
        QVERIFY(!project->clips().find(forced)->lowConfidence);
        QVERIFY(!project->clips().find(forced)->transcriptConfidence.has_value());
    }
};

QTEST_GUILESS_MAIN(TestLanguageAsrGate)
#include "test_language_asr_gate.moc"
