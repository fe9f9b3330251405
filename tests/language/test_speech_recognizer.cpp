// PocketSphinx recognition of espeak-ng speech: most words of known sentences come back, with word
// times in order and inside the clip; a missing model gives an error naming it.
#include "core/common/error.h"
#include "core/language/speech_recognizer.h"
#include "core/language/word_tokenizer.h"
#include "core/media/audio_decoder.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace sl::language;

namespace {

QStringList spokenWords(const QString &text)
{
    QStringList words;
    for (const Token &token : tokenizeEnglish(text, true))
        if (token.kind == TokenKind::Word)
            words << token.text;
    return words;
}

// Share of the reference words that the hypothesis holds (each hypothesis word used once).
double overlap(const QStringList &reference, QStringList hypothesis)
{
    int found = 0;
    for (const QString &word : reference)
        if (hypothesis.removeOne(word))
            ++found;
    return reference.isEmpty() ? 0.0 : double(found) / double(reference.size());
}

}  // namespace

class TestSpeechRecognizer : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    QString speak(const QString &name, const QString &text)
    {
        const QString wav = m_dir.filePath(name);
        QProcess espeak;
        // The female US voice: PocketSphinx's model recognises it far better than the default one.
        espeak.start(QStringLiteral("espeak-ng"), {QStringLiteral("-v"), QStringLiteral("en-us+f2"), QStringLiteral("-w"), wav, text});
        if (!espeak.waitForFinished(60000) || espeak.exitCode() != 0)
            qFatal("espeak-ng failed: %s", espeak.readAllStandardError().constData());
        return wav;
    }

private slots:
    void findsMostWordsOfSynthesisedSpeech()
    {
        const QStringList sentences{
            QStringLiteral("I really love this movie, the acting was wonderful."),
            QStringLiteral("The food was cold and the service was terrible."),
            QStringLiteral("This is the best phone I have ever owned."),
            QStringLiteral("The weather today is lovely and I feel happy."),
            QStringLiteral("I am not happy with the price of this product."),
            QStringLiteral("We had a great time at the party last night."),
        };
        SpeechRecognizer recognizer;
        QStringList allReference, allHeard;
        for (int i = 0; i < sentences.size(); ++i) {
            const std::vector<float> audio = sl::media::decodeAudioMono16k(speak(QStringLiteral("s%1.wav").arg(i), sentences[i]));
            const double duration = double(audio.size()) / SpeechRecognizer::kSampleRate;
            const Recognition result = recognizer.recognize(SpeechRecognizer::toPcm16(audio));
            qInfo("said \"%s\" heard \"%s\"", qPrintable(sentences[i]), qPrintable(result.text));
            QVERIFY(!result.words.isEmpty());
            double previousEnd = 0;
            for (const RecognizedWord &word : result.words) {
                QVERIFY2(word.startSeconds >= previousEnd - 1e-9, qPrintable(word.text));
                QVERIFY(word.endSeconds > word.startSeconds);
                QVERIFY(word.endSeconds <= duration + 0.02);
                QVERIFY(!word.text.contains(QLatin1Char('(')) && !word.text.startsWith(QLatin1Char('<')));
                previousEnd = word.endSeconds;
            }
            allReference << spokenWords(sentences[i]);
            allHeard << spokenWords(result.text);
        }
        const double ratio = overlap(allReference, allHeard);
        qInfo("word overlap %.3f (%lld reference words)", ratio, qlonglong(allReference.size()));
        // About 0.7 with Debian 12's espeak-ng 1.51 and pocketsphinx-en-us; a recogniser fed wrong
        // samples (rate, scale, byte order) finds next to nothing.
        QVERIFY2(ratio >= 0.6, qPrintable(QString::number(ratio)));
    }

    void silenceGivesNoWords()
    {
        SpeechRecognizer recognizer;
        const std::vector<std::int16_t> silence(SpeechRecognizer::kSampleRate, 0);
        QVERIFY(recognizer.recognize(silence).words.size() <= 1);
        QVERIFY(recognizer.recognize({}).words.isEmpty());
    }

    void convertsFloatSamples()
    {
        const std::vector<float> samples{0.0f, 1.0f, -1.0f, 2.0f, 0.5f};
        QCOMPARE(SpeechRecognizer::toPcm16(samples), (std::vector<std::int16_t>{0, 32767, -32767, 32767, 16384}));
    }

    void missingModelIsNamed()
    {
        RecognizerModel model = RecognizerModel::defaultEnglish();
        model.dictionary = m_dir.filePath(QStringLiteral("missing.dict"));
        try {
            SpeechRecognizer recognizer(model);
            QFAIL("no error for a missing dictionary");
        } catch (const sl::Error &error) {
            QVERIFY2(error.message().contains(model.dictionary), qPrintable(error.message()));
        }
    }
};

QTEST_GUILESS_MAIN(TestSpeechRecognizer)
#include "test_speech_recognizer.moc"
