// Whisper as the recogniser when the user has a model. No Whisper weights are available here, so
// the test writes a tiny model itself in whisper.cpp's ggml layout (write_tiny_whisper.py: random
// weights, one layer each side, width 64, with a scripted decoder so that the words it must read
// out are known). Through the project's setting, the transcript resolution, the extraction plan and
// `sentilens-cli extract --asr-model`, Mandarin speech (espeak-ng) is recognised with words in time
// order, word confidences and the language the model heard stored in the clip (and `language --set`
// drops the words when the clip is set to another language). Files that are not
// usable models get errors that name them, and whisper.cpp never sees them.
#include "core/common/error.h"
#include "core/jobs/extraction_plan.h"
#include "core/language/asr_model_setting.h"
#include "core/language/recognizer_choice.h"
#include "core/language/transcript_resolver.h"
#include "core/language/whisper_model_file.h"
#include "core/language/whisper_recognizer.h"
#include "core/language/whisper_words.h"
#include "core/media/audio_decoder.h"
#include "core/store/project.h"
#include "tests/cli/cli_runner.h"
#include "tests/language/language_projects.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <cstring>

using namespace sl;

namespace {

// What write_tiny_whisper.py is told to read out: "今天", then "好" split over two byte-level
// tokens (e5 a5 | bd), then two English words.
const QStringList kScript{QStringLiteral("今天"), QStringLiteral("/b:e5a5"), QStringLiteral("/b:bd"),
                          QStringLiteral(" movie"), QStringLiteral(" great")};
const QStringList kWords{QStringLiteral("今天"), QStringLiteral("好"), QStringLiteral("movie"), QStringLiteral("great")};

void run(const QString &program, const QStringList &args)
{
    QProcess process;
    process.start(program, args);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        qFatal("%s failed: %s", qPrintable(program), process.readAllStandardError().constData());
}

QByteArray readAll(const QString &file)
{
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(file));
    return in.readAll();
}

void writeAll(const QString &file, const QByteArray &bytes)
{
    QFile out(file);
    if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(file));
}

// The 32-bit integer field `index` of the header (0: magic, 1..11: hyper-parameters).
QByteArray withHeaderField(QByteArray bytes, int index, qint32 value)
{
    std::memcpy(bytes.data() + 4 * index, &value, sizeof value);
    return bytes;
}

}  // namespace

class TestWhisper : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_model, m_speech;

    // The clip's recognised words: the script's, in time order within the audio, each with the
    // model's (near-certain) confidence.
    void verifyRecognised(store::Project &project, qint64 id)
    {
        const store::Clip clip = *project.clips().find(id);
        QCOMPARE(clip.transcriptSource, QStringLiteral("asr"));
        QCOMPARE(clip.transcript, QStringLiteral("今天好 movie great"));
        const QList<store::TranscriptCueRecord> cues = project.clips().cues(id);
        QStringList words;
        for (const store::TranscriptCueRecord &cue : cues)
            words << cue.text;
        QCOMPARE(words, kWords);
        const double duration = double(media::decodeAudioMono16k(m_speech).size()) / media::kAnalysisSampleRate;
        for (qsizetype i = 0; i < cues.size(); ++i) {
            QVERIFY2(cues[i].endSeconds >= cues[i].startSeconds, qPrintable(cues[i].text));
            QVERIFY(cues[i].endSeconds <= duration + 0.01);
            if (i > 0)
                QVERIFY2(cues[i].startSeconds > cues[i - 1].startSeconds,
                         qPrintable(QStringLiteral("%1 at %2 s after %3 at %4 s").arg(cues[i].text).arg(cues[i].startSeconds)
                                        .arg(cues[i - 1].text).arg(cues[i - 1].startSeconds)));
        }
        QVERIFY(clip.transcriptConfidence.has_value());
        QVERIFY(*clip.transcriptConfidence > 0.9);
        QVERIFY(!clip.lowConfidence);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(language::whisperAvailable(), "built without whisper.cpp (run packaging/install-deps.sh)");
        m_model = m_dir.filePath(QStringLiteral("ggml-tiny-test.bin"));
        run(QStringLiteral("/usr/bin/python3"),
            QStringList{QFINDTESTDATA("write_tiny_whisper.py"), m_model, QStringLiteral("zh")} + kScript);
        m_speech = m_dir.filePath(QStringLiteral("mandarin.wav"));
        run(QStringLiteral("espeak-ng"), {QStringLiteral("-v"), QStringLiteral("cmn"), QStringLiteral("-w"), m_speech,
                                          QStringLiteral("今天天气很好，我们一起去看电影吧。")});
    }

    // Hand-worked: spaces start words, a character split over tokens is joined, Han characters end
    // a word at each token, times never go back, confidence is the tokens' mean.
    void wordsFromTokens()
    {
        const QList<language::WhisperToken> tokens{
            {QByteArray(" I"), 0.0, 0.2, 0.9},        {QByteArray(" lo"), 0.2, 0.4, 0.8},
            {QByteArray("ved"), 0.4, 0.6, 0.6},       {QByteArray(" it,"), 0.5, 0.7, 1.0},
            {QByteArray("\xe5\xa5"), 0.8, 0.9, 0.4},  {QByteArray("\xbd"), 0.9, 1.0, 0.6},
            {QByteArray("\xe7\x9a\x84"), 0.95, 1.1, 0.7}};
        const QList<language::RecognizedWord> words = language::wordsFromTokens(tokens);
        QCOMPARE(words.size(), 5);
        QCOMPARE(words[0].text, QStringLiteral("I"));
        QCOMPARE(words[1].text, QStringLiteral("loved"));
        QCOMPARE(words[1].startSeconds, 0.2);
        QCOMPARE(words[1].endSeconds, 0.6);
        QCOMPARE(words[1].confidence, 0.7);
        QCOMPARE(words[2].text, QStringLiteral("it,"));
        QCOMPARE(words[2].startSeconds, 0.5);
        QCOMPARE(words[3].text, QStringLiteral("好"));
        QCOMPARE(words[3].startSeconds, 0.8);
        QCOMPARE(words[3].endSeconds, 1.0);
        QCOMPARE(words[3].confidence, 0.5);
        QCOMPARE(words[4].text, QStringLiteral("的"));
        // A token time that goes back is held at the word before's start.
        const QList<language::RecognizedWord> back =
            language::wordsFromTokens({{QByteArray(" a"), 1.0, 1.2, 1.0}, {QByteArray(" b"), 0.7, 0.8, 1.0}});
        QCOMPARE(back[1].startSeconds, 1.0);
        QCOMPARE(back[1].endSeconds, 1.0);
    }

    void languagesOfTheModelKinds()
    {
        language::WhisperModelInfo english, multilingual, largeV3;
        english.vocabularySize = 51864;
        multilingual.vocabularySize = 51865;
        largeV3.vocabularySize = 51866;
        QVERIFY(language::whisperSupportsLanguage(english, QStringLiteral("en")));
        QVERIFY(!language::whisperSupportsLanguage(english, QStringLiteral("zh")));
        QVERIFY(language::whisperSupportsLanguage(multilingual, QStringLiteral("zh")));
        QVERIFY(language::whisperSupportsLanguage(multilingual, QStringLiteral("de")));
        QVERIFY(!language::whisperSupportsLanguage(multilingual, QStringLiteral("yue")));  // the 100th, large-v3 only
        QVERIFY(language::whisperSupportsLanguage(largeV3, QStringLiteral("yue")));
        QVERIFY(!language::whisperSupportsLanguage(largeV3, QStringLiteral("xx")));
    }

    void modelFileIsRead()
    {
        const language::WhisperModelInfo info = language::checkWhisperModel(m_model);
        QCOMPARE(info.vocabularySize, 51865);
        QCOMPARE(info.audioState, 64);
        QCOMPARE(info.audioLayers, 1);
        QCOMPARE(info.mels, 80);
        QCOMPARE(info.weightType, QStringLiteral("f16"));
        QCOMPARE(info.tensors, 11 + 15 + 24);
        QVERIFY(info.multilingual());
    }

    // Mandarin, which PocketSphinx refuses, is recognised once the project has a Whisper model: the
    // clip marked zh with zh forced, the clip of unknown language with the language Whisper heard
    // (the tiny model always hears zh) stored in it.
    void pipelineStoresWordsAndLanguage()
    {
        auto project = test::languageProject(m_dir.filePath(QStringLiteral("whisper")), QString());
        const qint64 known = test::addLanguageClip(*project, QStringLiteral("known"), m_speech, QStringLiteral("zh"));
        const qint64 unknown = test::addLanguageClip(*project, QStringLiteral("unknown"), m_speech, QString());

        const language::TranscriptResolveReport refused = language::resolveTranscripts(*project);
        QCOMPARE(refused.failed, 1);  // PocketSphinx: no recogniser for zh
        QVERIFY(refused.problems.first().message.contains(QStringLiteral("no speech recogniser for zh")));
        project->clips().setTranscript(unknown, QString(), QStringLiteral("none"));
        project->clips().setLanguage(unknown, QString());

        language::setAsrModel(*project, m_model);
        QCOMPARE(language::projectAsrModel(*project), m_model);
        language::TranscriptResolveOptions options;
        options.whisperModel = language::projectAsrModel(*project);
        const language::TranscriptResolveReport report = language::resolveTranscripts(*project, {}, nullptr, options);
        QVERIFY2(report.problems.isEmpty(), qPrintable(report.problems.value(0).message));
        QCOMPARE(report.recognized, 2);
        verifyRecognised(*project, known);
        verifyRecognised(*project, unknown);
        QCOMPARE(project->clips().find(unknown)->language, QStringLiteral("zh"));
        QCOMPARE(project->clips().find(known)->language, QStringLiteral("zh"));
    }

    // The extraction plan (what the window and the command line run) takes the project's model.
    void extractionPlanUsesTheProjectModel()
    {
        auto project = test::languageProject(m_dir.filePath(QStringLiteral("plan")), QStringLiteral("zh"));
        const qint64 id = test::addLanguageClip(*project, QStringLiteral("c"), m_speech, QString());
        language::setAsrModel(*project, m_model);
        const QString folder = project->folder();
        project.reset();
        jobs::ExtractionPlan plan;
        plan.acoustic = plan.visual = false;
        const jobs::PreparedExtraction prepared = jobs::prepareExtraction(folder, plan);
        QCOMPARE(prepared.transcripts.recognized, 1);
        auto reopened = store::Project::open(folder);
        verifyRecognised(*reopened, id);

        language::clearAsrModel(*reopened);
        QVERIFY(language::projectAsrModel(*reopened).isEmpty());
    }

    void commandLineSetsTheModel()
    {
        auto project = test::languageProject(m_dir.filePath(QStringLiteral("cli")), QStringLiteral("zh"));
        const qint64 id = test::addLanguageClip(*project, QStringLiteral("c"), m_speech, QString());
        const QString folder = project->folder();
        project.reset();
        const QString broken = m_dir.filePath(QStringLiteral("broken.bin"));
        writeAll(broken, QByteArray("not a model"));
        const test::CliResult refused = test::cli({QStringLiteral("extract"), folder, QStringLiteral("--only"),
                                                   QStringLiteral("text"), QStringLiteral("--asr-model"), broken});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(broken.toUtf8()), refused.err.constData());

        const test::CliResult result = test::cli({QStringLiteral("extract"), folder, QStringLiteral("--only"),
                                                  QStringLiteral("text"), QStringLiteral("--asr-model"), m_model});
        QVERIFY2(result.exitCode == 0, result.err.constData());
        {
            auto reopened = store::Project::open(folder);
            QCOMPARE(language::projectAsrModel(*reopened), m_model);
            verifyRecognised(*reopened, id);
        }

        // Whisper's words are in the language it recognised (zh here): setting the clip to zh keeps
        // them, setting it to another language drops them.
        const auto setLanguage = [&](const QString &code) {
            const test::CliResult set = test::cli({QStringLiteral("language"), folder, QStringLiteral("--set"), code,
                                                   QStringLiteral("--clip"), QStringLiteral("v/c"), QStringLiteral("--json")});
            if (set.exitCode != 0)
                qFatal("language --set failed: %s", set.err.constData());
            return set.json().value(QStringLiteral("recognised_transcripts_cleared")).toInt();
        };
        QCOMPARE(setLanguage(QStringLiteral("zh")), 0);
        QCOMPARE(setLanguage(QStringLiteral("en")), 1);
        QVERIFY(store::Project::open(folder)->clips().find(id)->transcript.isEmpty());
    }

    // Files that are not usable models: an error naming the file and what is wrong, from the check,
    // the recogniser, the setting (which then stores nothing) and the transcript resolution.
    void badModelsGetClearErrors()
    {
        const QByteArray good = readAll(m_model);
        const QList<std::pair<QByteArray, QString>> cases{
            {QByteArray("this is a text file, not a model\n"), QStringLiteral("no \"ggml\" magic")},
            {QByteArray("GGUF") + QByteArray(60, '\0'), QStringLiteral("a GGUF file")},
            {good.left(40), QStringLiteral("the file ends inside the hyper-parameters")},
            {good.left(good.size() / 2), QStringLiteral("the file ends inside the data of tensor")},
            {withHeaderField(good, 11, 5), QStringLiteral("weight type 5 is not one whisper.cpp writes")},
            {withHeaderField(good, 1, 1 << 30), QStringLiteral("the vocabulary size is 1073741824")},
            {withHeaderField(good, 6, 64), QStringLiteral("tensor 'decoder.positional_embedding' is 64 x 448 x 1, expected 64 x 64 x 1")},
            {withHeaderField(good, 7, 96), QStringLiteral("the text width is 96, expected 64 to 64")},
            {withHeaderField(good, 10, 128), QStringLiteral("mel filters are 80 x 201, expected 128 x 201")},
        };
        for (qsizetype i = 0; i < cases.size(); ++i) {
            const QString file = m_dir.filePath(QStringLiteral("bad%1.bin").arg(i));
            writeAll(file, cases[i].first);
            try {
                language::checkWhisperModel(file);
                QFAIL(qPrintable(QStringLiteral("case %1 was accepted").arg(i)));
            } catch (const Error &error) {
                QVERIFY2(error.message().startsWith(file + QStringLiteral(": not a usable whisper.cpp model: ")),
                         qPrintable(error.message()));
                QVERIFY2(error.message().contains(cases[i].second), qPrintable(error.message()));
            }
        }
        const QString bad = m_dir.filePath(QStringLiteral("bad0.bin"));
        QVERIFY_THROWS_EXCEPTION(Error, language::WhisperRecognizer{bad});
        const QString missing = m_dir.filePath(QStringLiteral("missing.bin"));
        try {
            language::checkWhisperModel(missing);
            QFAIL("a missing file was accepted");
        } catch (const Error &error) {
            QVERIFY2(error.message().startsWith(missing + QStringLiteral(": cannot open")), qPrintable(error.message()));
        }

        auto project = test::languageProject(m_dir.filePath(QStringLiteral("bad")), QStringLiteral("zh"));
        test::addLanguageClip(*project, QStringLiteral("c"), m_speech, QString());
        QVERIFY_THROWS_EXCEPTION(Error, language::setAsrModel(*project, bad));
        QVERIFY(language::projectAsrModel(*project).isEmpty());
        language::TranscriptResolveOptions options;
        options.whisperModel = bad;
        try {
            language::resolveTranscripts(*project, {}, nullptr, options);
            QFAIL("a bad model was used");
        } catch (const Error &error) {
            QVERIFY2(error.message().startsWith(bad), qPrintable(error.message()));
        }
        QVERIFY(project->clips().list().first().transcript.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestWhisper)
#include "test_whisper.moc"
