// VADER: the bundled lexicon loads, the rules move valence the way the published method says,
// and compound scores match values worked out by hand from the lexicon (good = 1.9, bad = -2.5)
// and the constants: compound = x / sqrt(x^2 + 15), negation x -0.74, booster +0.293,
// capitals +0.733, "but" x0.5 before / x1.5 after, "!" +0.292 each.
#include "core/common/error.h"
#include "core/language/vader.h"

#include <QtTest>
#include <cmath>

using namespace sl::language;

namespace {

double compound(const QString &text) { return VaderAnalyzer().scores(text).compound; }

double normalised(double x) { return x / std::sqrt(x * x + 15.0); }

}  // namespace

class TestVader : public QObject {
    Q_OBJECT
private slots:
    void bundledLexiconLoads()
    {
        const VaderLexicon &lexicon = VaderLexicon::bundled();
        QCOMPARE(lexicon.size(), 7503);  // 7,517 lines, 14 tokens listed twice
        QCOMPARE(*lexicon.valence(QStringLiteral("lol")), 1.8);  // the later line wins
        QCOMPARE(*lexicon.valence(QStringLiteral("good")), 1.9);
        QCOMPARE(*lexicon.valence(QStringLiteral("bad")), -2.5);
        QCOMPARE(*lexicon.valence(QStringLiteral(":)")), 2.0);
        QVERIFY(!lexicon.valence(QStringLiteral("table")));
    }

    void lexiconErrorsNameFileAndLine()
    {
        try {
            VaderLexicon::parse("good\t1.9\nbroken line\n", QStringLiteral("my.txt"));
            QFAIL("no error for a malformed line");
        } catch (const sl::Error &error) {
            QVERIFY2(error.message().startsWith(QStringLiteral("my.txt:2:")), qPrintable(error.message()));
        }
        QVERIFY_THROWS_EXCEPTION(sl::Error, VaderLexicon::parse("\n\n", QStringLiteral("empty.txt")));
        QVERIFY_THROWS_EXCEPTION(sl::Error, VaderLexicon::load(QStringLiteral("/no/such/lexicon.txt")));
    }

    void compoundScoresMatchHandComputedValues()
    {
        QVERIFY(qAbs(compound(QStringLiteral("good")) - normalised(1.9)) < 1e-9);                  // 0.4404
        QVERIFY(qAbs(compound(QStringLiteral("not good")) - normalised(1.9 * -0.74)) < 1e-9);      // -0.3412
        QVERIFY(qAbs(compound(QStringLiteral("very good")) - normalised(1.9 + 0.293)) < 1e-9);     // 0.4927
        QVERIFY(qAbs(compound(QStringLiteral("The movie was GOOD")) - normalised(1.9 + 0.733)) < 1e-9);  // 0.5622
        QVERIFY(qAbs(compound(QStringLiteral("good!")) - normalised(1.9 + 0.292)) < 1e-9);         // 0.4926
        // "but": 0.5 x good + 1.5 x bad, and the other way round.
        QVERIFY(qAbs(compound(QStringLiteral("The food was good but the service was bad")) - normalised(0.95 - 3.75)) < 1e-9);
        QVERIFY(qAbs(compound(QStringLiteral("The food was bad but the service was good")) - normalised(-1.25 + 2.85)) < 1e-9);
        QCOMPARE(qRound(compound(QStringLiteral("good")) * 1e4), 4404);
        QCOMPARE(qRound(compound(QStringLiteral("not good")) * 1e4), -3412);
    }

    void rulesMoveValenceTheRightWay()
    {
        const double good = compound(QStringLiteral("good"));
        QVERIFY(good > 0);
        QVERIFY(compound(QStringLiteral("not good")) < 0);
        QVERIFY(compound(QStringLiteral("isn't good")) < 0);
        QVERIFY(compound(QStringLiteral("not at all good")) < 0);       // negator three words back
        QVERIFY(compound(QStringLiteral("not one bit of it good")) > 0);  // too far back to count
        QVERIFY(compound(QStringLiteral("very good")) > good);
        QVERIFY(compound(QStringLiteral("slightly good")) < good);
        QVERIFY(compound(QStringLiteral("kind of good")) < good);
        QVERIFY(compound(QStringLiteral("never so good")) > good);     // "never so" emphasises
        QVERIFY(compound(QStringLiteral("least good")) < 0);
        QVERIFY(qAbs(compound(QStringLiteral("at least good")) - good) < 1e-9);
        QVERIFY(compound(QStringLiteral("The movie was GOOD")) > compound(QStringLiteral("The movie was good")));
        // Capitals only stand out among lower-case words.
        QVERIFY(qAbs(compound(QStringLiteral("GOOD")) - good) < 1e-9);
        QVERIFY(compound(QStringLiteral("The food was good but the service was bad")) < 0);
        QVERIFY(compound(QStringLiteral("The food was bad but the service was good")) > 0);
        QVERIFY(compound(QStringLiteral("the bomb")) > 0);  // an idiom overrides "bomb" (-2.2)
        QCOMPARE(compound(QStringLiteral("The table is in the room")), 0.0);
        QCOMPARE(compound(QString()), 0.0);
    }

    void sharesSumToOne()
    {
        const SentimentScores s = VaderAnalyzer().scores(QStringLiteral("The food was good but the service was bad"));
        QVERIFY(qAbs(s.positive + s.negative + s.neutral - 1.0) < 1e-9);
        QVERIFY(s.negative > s.positive);
    }

    void perTokenFlags()
    {
        const QList<Token> tokens = tokenizeEnglish(QStringLiteral("It is not VERY good, but slightly bad"));
        const std::vector<TokenSentiment> s = VaderAnalyzer().analyse(tokens);
        QCOMPARE(s.size(), size_t(tokens.size()));
        // It is not VERY good , but slightly bad
        // 0  1  2   3    4    5 6   7        8
        QVERIFY(s[4].negated && !s[1].negated);
        QCOMPARE(s[3].booster, 1.0);
        QCOMPARE(s[7].booster, -1.0);
        QVERIFY(s[3].allCaps && !s[4].allCaps);
        QVERIFY(s[4].valence < 0);                           // negated, then halved by "but"
        QVERIFY(s[8].valence < 0 && s[8].valence > -2.5 * 1.5);  // dampened, then weighted by "but"
        QCOMPARE(s[5].valence, 0.0);                         // punctuation
    }
};

QTEST_GUILESS_MAIN(TestVader)
#include "test_vader.moc"
