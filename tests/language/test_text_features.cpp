// Project vocabulary, token timing and the per-token feature matrix (without an encoder).
#include "core/language/text_features.h"
#include "core/language/vocabulary.h"

#include <QtTest>

using namespace sl::language;

namespace {

QStringList words(const char *text) { return tokenTexts(tokenizeEnglish(QString::fromUtf8(text), true)); }

// An encoder that returns the token length and its row number, to check where embeddings land.
class CountingEncoder : public TokenEncoder {
public:
    int dims() const override { return 2; }
    std::vector<float> encode(const QStringList &tokens) override
    {
        std::vector<float> out;
        for (int i = 0; i < tokens.size(); ++i)
            out.insert(out.end(), {float(tokens[i].size()), float(i)});
        return out;
    }
};

}  // namespace

class TestTextFeatures : public QObject {
    Q_OBJECT
private slots:
    void vocabularyIsFrequencySorted()
    {
        const Vocabulary vocabulary = Vocabulary::build({words("the cat saw the dog"), words("the dog ran")});
        QCOMPARE(vocabulary.token(Vocabulary::kPad), QStringLiteral("[PAD]"));
        QCOMPARE(vocabulary.token(Vocabulary::kUnknown), QStringLiteral("[UNK]"));
        // the x3, dog x2, then cat, ran, saw alphabetically.
        QCOMPARE(vocabulary.tokens().mid(2), (QStringList{"the", "dog", "cat", "ran", "saw"}));
        QCOMPARE(vocabulary.id(QStringLiteral("the")), 2);
        QCOMPARE(vocabulary.id(QStringLiteral("zebra")), Vocabulary::kUnknown);

        const Vocabulary frequent = Vocabulary::build({words("the cat saw the dog"), words("the dog ran")}, 2);
        QCOMPARE(frequent.size(), 4);
        QCOMPARE(Vocabulary::build({words("a b c d e")}, 1, 4).size(), 4);
        QCOMPARE(Vocabulary().size(), 2);
        QVERIFY(frequent.fingerprint() != vocabulary.fingerprint());
        QCOMPARE(Vocabulary::build({words("the dog ran")}).fingerprint(), Vocabulary::build({words("the dog ran")}).fingerprint());
    }

    void tokensAreSpreadOverTheClipOrTheirCues()
    {
        const QList<TimedToken> even = timeTokens(QStringLiteral("one two three four"), {}, 2.0, {});
        QCOMPARE(even.size(), 4);
        QCOMPARE(even[0].seconds, 0.0);
        QCOMPARE(even[3].seconds, 1.5);

        const QList<TimedText> cues{{1.0, 2.0, QStringLiteral("hello there")}, {3.0, 3.5, QStringLiteral("friend")}};
        const QList<TimedToken> timed = timeTokens(QStringLiteral("ignored when cues exist"), cues, 10.0, {});
        QCOMPARE(timed.size(), 3);
        QCOMPARE(timed[0].seconds, 1.0);
        QCOMPARE(timed[1].seconds, 1.5);
        QCOMPARE(timed[2].seconds, 3.0);
        QCOMPARE(timed[2].token.text, QStringLiteral("friend"));

        // Unknown duration: a nominal speaking rate.
        const QList<TimedToken> nominal = timeTokens(QStringLiteral("a b c"), {}, 0.0, {});
        QCOMPARE(nominal[2].seconds, 2 * kNominalSecondsPerToken);
    }

    void featureMatrixHasNamedColumnsPerToken()
    {
        const QString text = QStringLiteral("I do not like it, it is VERY bad");
        const WordVectors &vectors = *WordVectors::standard();
        const ValenceAxis &axis = *ValenceAxis::standard();
        const QList<TimedToken> tokens = timeTokens(text, {}, 5.0, {});
        const sl::features::FeatureMatrix m = textFeatures(tokens, VaderAnalyzer(), vectors, axis);
        QCOMPARE(std::vector<std::string>(m.names.begin(), m.names.begin() + kTokenTextDims + 1),
                 (std::vector<std::string>{"vader_valence", "is_negated", "is_booster", "is_upper",
                                           "token_length", "is_oov", "position", "glove_valence", "glove_0"}));
        QCOMPARE(m.names.back(), std::string("glove_99"));
        QCOMPARE(m.dims(), size_t(kBaseTextDims));
        QCOMPARE(int(m.frames()), tokens.size());
        QCOMPARE(m.values.size(), m.frames() * m.dims());
        QVERIFY(std::is_sorted(m.times.begin(), m.times.end()));
        QVERIFY(m.times.back() < 5.0);
        // I do not like it , it is VERY bad
        // 0 1  2   3    4  5 6  7  8    9
        const auto at = [&](int row, const char *column) { return m.at(size_t(row), size_t(m.column(column))); };
        QVERIFY(at(3, "vader_valence") < 0);  // "like" after "not"
        QCOMPARE(at(3, "is_negated"), 1.0f);
        QCOMPARE(at(9, "is_negated"), 0.0f);
        QCOMPARE(at(8, "is_booster"), 1.0f);
        QCOMPARE(at(8, "is_upper"), 1.0f);
        QCOMPARE(at(0, "is_upper"), 1.0f);  // "I" is written in capitals, though VADER skips it
        QVERIFY(at(9, "vader_valence") < -2.5f);  // boosted by VERY
        QCOMPARE(at(2, "token_length"), 3.0f);
        // "VERY" is looked up lower-cased, so it has its vector like "very".
        QCOMPARE(at(8, "is_oov"), 0.0f);
        float very[kWordVectorDims];
        QVERIFY(vectors.lookup(QStringLiteral("very"), very));
        for (int d = 0; d < kWordVectorDims; ++d)
            QCOMPARE(at(8, ("glove_" + std::to_string(d)).c_str()), very[d]);
        // The word vector's valence, flipped and shrunk by VADER's -0.74 after "not".
        float like[kWordVectorDims];
        QVERIFY(vectors.lookup(QStringLiteral("like"), like));
        QCOMPARE(at(3, "glove_valence"), float(-0.74 * axis.valence(like)));
        QCOMPARE(at(8, "glove_valence"), float(axis.valence(very)));
        QCOMPARE(at(0, "position"), 0.0f);
        QCOMPARE(at(9, "position"), 1.0f);

        CountingEncoder encoder;
        const sl::features::FeatureMatrix e = textFeatures(tokens, VaderAnalyzer(), vectors, axis, &encoder);
        QCOMPARE(e.dims(), size_t(kBaseTextDims + 2));
        QCOMPARE(e.names.back(), std::string("emb_1"));
        QCOMPARE(e.at(2, size_t(e.column("emb_0"))), 3.0f);
        QCOMPARE(e.at(9, size_t(e.column("emb_1"))), 9.0f);
        QCOMPARE(e.at(9, 0), m.at(9, 0));

        const sl::features::FeatureMatrix empty = textFeatures({}, VaderAnalyzer(), vectors, axis);
        QCOMPARE(empty.frames(), size_t(0));
        QCOMPARE(empty.dims(), size_t(kBaseTextDims));
    }
};

QTEST_GUILESS_MAIN(TestTextFeatures)
#include "test_text_features.moc"
