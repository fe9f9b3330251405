// Word tokenisers (English, Chinese, mixed) and WordPiece against a small vocab.txt written here.
#include "core/common/error.h"
#include "core/language/wordpiece.h"
#include "core/language/word_tokenizer.h"
#include "tests/support/temp_project.h"

#include <QtTest>

using namespace sl::language;

namespace {

QStringList texts(const QList<Token> &tokens) { return tokenTexts(tokens); }

// A BERT-style vocabulary: specials first, then whole words and "##" continuations.
const char *const kVocab = "[PAD]\n[UNK]\n[CLS]\n[SEP]\nun\n##aff\n##able\nrunn\n##ing\nplay\n##s\nhello\n,\n!\n"
                           "我\n爱\nhell\n##o\n";

}  // namespace

class TestTokenizers : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    WordPieceTokenizer tokenizer(WordPieceOptions options = {})
    {
        const QString path = sl::test::writeFile(m_dir, QStringLiteral("vocab.txt"), kVocab);
        return WordPieceTokenizer(WordPieceVocab::load(path), options);
    }

private slots:
    void englishSplitsPunctuationAndKeepsContractions()
    {
        const QList<Token> tokens = tokenizeEnglish(QStringLiteral("Don't you LOVE it?! I'm well-known, 3.5 stars :) ..."));
        QCOMPARE(texts(tokens), (QStringList{"Don't", "you", "LOVE", "it", "?", "!", "I'm", "well-known", ",", "3.5",
                                             "stars", ":)", "..."}));
        QCOMPARE(tokens[0].kind, TokenKind::Word);
        QCOMPARE(tokens[4].kind, TokenKind::Punctuation);
        QCOMPARE(tokens[11].kind, TokenKind::Symbols);
        // Quotes and brackets at the edges come off; a comma between words splits them.
        QCOMPARE(texts(tokenizeEnglish(QStringLiteral("\"(fine)\" good,bad 1,000"))),
                 (QStringList{"\"", "(", "fine", ")", "\"", "good", ",", "bad", "1,000"}));
    }

    void englishLowerCasesAndNormalisesApostrophes()
    {
        QCOMPARE(texts(tokenizeEnglish(QStringLiteral("It DOESN\u2019T Work"), true)), (QStringList{"it", "doesn't", "work"}));
        QCOMPARE(texts(tokenizeEnglish(QStringLiteral("  \t\n "))), QStringList{});
        // Accented letters are letters.
        QCOMPARE(texts(tokenizeEnglish(QStringLiteral("Café naïve"))), (QStringList{"Café", "naïve"}));
    }

    void chineseGivesOneTokenPerCharacter()
    {
        const QList<Token> tokens = tokenizeChinese(QStringLiteral("我很喜欢这部电影。"));
        QCOMPARE(texts(tokens), (QStringList{"我", "很", "喜", "欢", "这", "部", "电", "影", "。"}));
        QCOMPARE(tokens[0].kind, TokenKind::Ideograph);
        QCOMPARE(tokens[8].kind, TokenKind::Punctuation);
        // Mixed text: Latin words stay whole between the characters.
        QCOMPARE(texts(tokenizeChinese(QStringLiteral("我爱NLP和BERT模型! ok"), true)),
                 (QStringList{"我", "爱", "nlp", "和", "bert", "模", "型", "!", "ok"}));
        // The English tokeniser leaves a run of characters as one word.
        QCOMPARE(texts(tokenizeEnglish(QStringLiteral("我很喜欢"))), QStringList{"我很喜欢"});
        // Characters outside the Basic Multilingual Plane (extension B) count as one each.
        QCOMPARE(tokenizeChinese(QString::fromUcs4(U"\U00020000\U00020001")).size(), 2);
    }

    void wordPieceTakesTheLongestPiecesFirst()
    {
        const WordPieceTokenizer t = tokenizer();
        QCOMPARE(t.vocab().size(), 18);
        QCOMPARE(t.pieces(QStringLiteral("unaffable")), (QStringList{"un", "##aff", "##able"}));
        QCOMPARE(t.pieces(QStringLiteral("running")), (QStringList{"runn", "##ing"}));
        // "hello" is in the vocabulary whole, so it wins over "hell" + "##o".
        QCOMPARE(t.pieces(QStringLiteral("Héllo,")), (QStringList{"hello", ","}));
        QCOMPARE(t.pieces(QStringLiteral("plays!")), (QStringList{"play", "##s", "!"}));
        // A word that cannot be cut completely is one unknown piece.
        QCOMPARE(t.pieces(QStringLiteral("unplayable")), QStringList{"[UNK]"});
        QCOMPARE(t.pieces(QStringLiteral("我爱")), (QStringList{"我", "爱"}));
    }

    void wordPieceEncodesWordsAndHonoursItsOptions()
    {
        const WordPieceTokenizer t = tokenizer();
        const WordPieceEncoding encoding = t.encode({QStringLiteral("hello"), QStringLiteral("running"), QStringLiteral("zzz")});
        QCOMPARE(encoding.ids, (std::vector<int>{11, 7, 8, 1}));
        QCOMPARE(encoding.wordIndex, (std::vector<int>{0, 1, 1, 2}));

        WordPieceOptions shortWords;
        shortWords.maxCharsPerWord = 5;
        QCOMPARE(tokenizer(shortWords).pieces(QStringLiteral("running")), QStringList{"[UNK]"});
        WordPieceOptions cased;
        cased.lowerCase = false;
        QCOMPARE(tokenizer(cased).pieces(QStringLiteral("Hello")), QStringList{"[UNK]"});
    }

    void badVocabulariesAreRefusedNamingTheFile()
    {
        const QString missing = m_dir.filePath(QStringLiteral("nowhere/vocab.txt"));
        try {
            WordPieceVocab::load(missing);
            QFAIL("no error for a missing file");
        } catch (const sl::Error &error) {
            QVERIFY(error.message().contains(missing));
        }
        const QString latin1 = sl::test::writeFile(m_dir, QStringLiteral("latin1.txt"), "caf\xe9\n[UNK]\n");
        QVERIFY_THROWS_EXCEPTION(sl::Error, WordPieceVocab::load(latin1));
        const QString noUnknown = sl::test::writeFile(m_dir, QStringLiteral("nounk.txt"), "a\nb\n");
        QVERIFY_THROWS_EXCEPTION(sl::Error, WordPieceTokenizer(WordPieceVocab::load(noUnknown)));
    }
};

QTEST_GUILESS_MAIN(TestTokenizers)
#include "test_tokenizers.moc"
