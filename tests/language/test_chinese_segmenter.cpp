// Chinese word segmentation with cppjieba (npm nodejieba's copy and dictionaries), alone and in the
// tokeniser, and dictionaries that are missing.
#include "core/common/error.h"
#include "core/language/chinese_segmenter.h"
#include "core/language/word_tokenizer.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace sl::language;

class TestChineseSegmenter : public QObject {
    Q_OBJECT
private slots:
    void knownSentenceIsCutIntoWords()
    {
        // cppjieba's and jieba's own example: "I came to Beijing's Tsinghua University".
        const QStringList words = ChineseSegmenter::standard()->cut(QStringLiteral("我来到北京清华大学"));
        QCOMPARE(words, (QStringList{"我", "来到", "北京", "清华大学"}));
    }

    void tokeniserCutsRunsOfIdeographsWithIt()
    {
        TokenizerOptions options;
        options.segmenter = ChineseSegmenter::standard().get();
        const QList<Token> tokens = tokenize(QStringLiteral("他说：我来到北京清华大学, OK"), options);
        QCOMPARE(tokenTexts(tokens), (QStringList{"他", "说", "：", "我", "来到", "北京", "清华大学", ",", "OK"}));
        QCOMPARE(tokens[0].kind, TokenKind::Ideograph);
        QCOMPARE(tokens[6].kind, TokenKind::Word);
        QCOMPARE(tokens[2].kind, TokenKind::Punctuation);
        // Without it, one token per character as before.
        QCOMPARE(tokenize(QStringLiteral("我来到北京清华大学")).size(), 9);
    }

    void missingDictionariesAreNamed()
    {
        QTemporaryDir dir;
        try {
            ChineseSegmenter segmenter(dir.path());
            QFAIL("no error");
        } catch (const sl::Error &error) {
            QVERIFY2(error.message().startsWith(dir.filePath(QStringLiteral("jieba.dict.utf8"))), qPrintable(error.message()));
        }
    }
};

QTEST_GUILESS_MAIN(TestChineseSegmenter)
#include "test_chinese_segmenter.moc"
