// Language identification of transcripts: the script decides for Chinese, Japanese, Korean, ...;
// fastText's lid.176.ftz decides among Latin-script languages (when SentiLens was built with it);
// codes typed by users are normalised or refused.
#include "core/common/error.h"
#include "core/language/language_id.h"

#include <QtTest>

using namespace sl::language;

class TestLanguageId : public QObject {
    Q_OBJECT
private slots:
    void scriptTellsChineseJapaneseKorean()
    {
        const LanguageGuess zh = identifyLanguage(QStringLiteral("今天天气很好，我们去公园散步吧。"));
        QCOMPARE(zh.code, QStringLiteral("zh"));
        QCOMPARE(zh.method, QStringLiteral("script"));
        QCOMPARE(zh.confidence, 1.0);
        // Traditional characters are Chinese too.
        QCOMPARE(identifyLanguage(QStringLiteral("這部電影真的很好看")).code, QStringLiteral("zh"));
        // Kanji with kana is Japanese, not Chinese.
        QCOMPARE(identifyLanguage(QStringLiteral("この映画はとても面白かったです")).code, QStringLiteral("ja"));
        QCOMPARE(identifyLanguage(QStringLiteral("이 영화는 정말 재미있어요")).code, QStringLiteral("ko"));
        // A Chinese sentence that quotes an English brand is still Chinese: 10 Han against 6 Latin letters.
        const LanguageGuess mixed = identifyLanguage(QStringLiteral("我觉得这个iPhone手机很好用"));
        QCOMPARE(mixed.code, QStringLiteral("zh"));
        QCOMPARE(mixed.confidence, 10.0 / 16.0);
    }

    void textWithoutLettersTellsNothing()
    {
        QCOMPARE(identifyLanguage(QString()).code, QString());
        QCOMPARE(identifyLanguage(QStringLiteral("12:30 — 3.5 %")).code, QString());
    }

    void fastTextTellsLatinScriptLanguages()
    {
        const QString english = QStringLiteral("I really love this movie, the acting was wonderful.");
        if (!languageModelAvailable()) {
            // Built without fastText: Latin script alone does not name a language.
            QCOMPARE(identifyLanguage(english).code, QString());
            QSKIP("fastText's lid.176.ftz is not available: not built with it, or the model file is missing or unreadable");
        }
        const struct {
            const char *text;
            const char *code;
        } cases[] = {
            {"I really love this movie, the acting was wonderful.", "en"},
            {"The food was cold and the service was terrible.", "en"},
            {"Ce film est vraiment magnifique, j'ai adoré les acteurs.", "fr"},
            {"Die Schauspieler in diesem Film waren wirklich großartig.", "de"},
            {"La comida estaba fría y el servicio fue terrible.", "es"},
            {"Этот фильм мне очень понравился.", "ru"},
        };
        for (const auto &example : cases) {
            const LanguageGuess guess = identifyLanguage(QString::fromUtf8(example.text));
            QVERIFY2(guess.code == QLatin1String(example.code),
                     qPrintable(QStringLiteral("%1 -> %2").arg(QString::fromUtf8(example.text), guess.code)));
            QCOMPARE(guess.method, QStringLiteral("fasttext"));
            QVERIFY2(guess.confidence > 0.5 && guess.confidence <= 1.0, qPrintable(QString::number(guess.confidence)));
        }
    }

    void normalisesLanguageCodes()
    {
        QCOMPARE(normalizeLanguageCode(QStringLiteral("EN")), QStringLiteral("en"));
        QCOMPARE(normalizeLanguageCode(QStringLiteral(" zh-CN ")), QStringLiteral("zh"));
        QCOMPARE(normalizeLanguageCode(QStringLiteral("zh_Hant_TW")), QStringLiteral("zh"));
        QCOMPARE(normalizeLanguageCode(QStringLiteral("yue")), QStringLiteral("yue"));
        for (const QString &bad : {QString(), QStringLiteral("e"), QStringLiteral("english"), QStringLiteral("z1"),
                                   QStringLiteral("中文")}) {
            try {
                normalizeLanguageCode(bad);
                QFAIL(qPrintable(QStringLiteral("accepted '%1'").arg(bad)));
            } catch (const sl::Error &error) {
                QVERIFY(error.message().contains(QStringLiteral("not a language code")));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestLanguageId)
#include "test_language_id.moc"
