// The valence axis of core/language/valence_axis.h: ridge regression against fits worked by hand,
// the real axis (GloVe and VADER's lexicon) against numpy (valence_axis_oracle.py, Debian's
// python3), and that it reads sentiment into words VADER's lexicon does not have.
#include "core/common/error.h"
#include "core/language/valence_axis.h"

#include <QProcess>
#include <QtTest>

#include <cmath>

using namespace sl::language;

class TestValenceAxis : public QObject {
    Q_OBJECT

private slots:
    void ridgeFitMatchesHandWorkedCases()
    {
        // One dimension, x = 1, 2, 3, y = 2, 4, 6, lambda 1: centred x -1, 0, 1 and y -2, 0, 2, so
        // w = (2 + 2) / (2 + 1) = 4/3 and b = mean y - w mean x = 4 - 8/3 = 4/3.
        const LinearFit line = ridgeFit({1, 2, 3}, 1, {2, 4, 6}, 1.0);
        QCOMPARE(line.weights.size(), size_t(1));
        QVERIFY(std::abs(line.weights[0] - 4.0 / 3.0) < 1e-12);
        QVERIFY(std::abs(line.intercept - 4.0 / 3.0) < 1e-12);

        // Two orthogonal centred columns, y = 2 x1 - x2 + 5 exactly. X'X = 4 I: lambda 0 recovers
        // (2, -1) and 5; lambda 4 halves the weights, (1, -0.5), and leaves the intercept at 5.
        const std::vector<double> rows{1, 1, -1, 1, 1, -1, -1, -1};
        const std::vector<double> y{6, 2, 8, 4};
        const LinearFit exact = ridgeFit(rows, 2, y, 0.0);
        QVERIFY(std::abs(exact.weights[0] - 2.0) < 1e-12 && std::abs(exact.weights[1] + 1.0) < 1e-12);
        QVERIFY(std::abs(exact.intercept - 5.0) < 1e-12);
        const LinearFit shrunk = ridgeFit(rows, 2, y, 4.0);
        QVERIFY(std::abs(shrunk.weights[0] - 1.0) < 1e-12 && std::abs(shrunk.weights[1] + 0.5) < 1e-12);
        QVERIFY(std::abs(shrunk.intercept - 5.0) < 1e-12);
    }

    void ridgeFitRefusesBadInput()
    {
        QVERIFY_THROWS_EXCEPTION(sl::Error, ridgeFit({1, 2, 3}, 2, {1, 2}, 1.0));  // 3 values for 2 x 2
        QVERIFY_THROWS_EXCEPTION(sl::Error, ridgeFit({}, 1, {}, 1.0));
        // Two equal columns without a penalty: X'X is singular.
        try {
            ridgeFit({1, 1, 2, 2, 3, 3}, 2, {1, 2, 3}, 0.0);
            QFAIL("a singular system was solved");
        } catch (const sl::Error &e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(QStringLiteral("singular")), e.what());
        }
    }

    void standardAxisMatchesNumpy()
    {
        const ValenceAxis &axis = *ValenceAxis::standard();
        const WordVectors &vectors = *WordVectors::standard();
        const QStringList words{"good", "terrible", "masterpiece", "mediocre", "tasteless", "the"};
        QProcess oracle;
        oracle.start(QStringLiteral("/usr/bin/python3"),
                     QStringList{QStringLiteral(SENTILENS_VALENCE_ORACLE), QStringLiteral(SENTILENS_WORD_VECTORS_PATH),
                                 QStringLiteral(SENTILENS_VADER_LEXICON)} + words);
        QVERIFY(oracle.waitForFinished(120000));
        QVERIFY2(oracle.exitCode() == 0, oracle.readAllStandardError().constData());
        const QStringList lines = QString::fromUtf8(oracle.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), words.size() + 1);
        QCOMPARE(lines[0], QStringLiteral("fitted %1").arg(axis.fittedWords()));
        float vector[kWordVectorDims];
        for (int i = 0; i < words.size(); ++i) {
            const QStringList fields = lines[i + 1].split(QLatin1Char(' '));
            QCOMPARE(fields[0], words[i]);
            QVERIFY(vectors.lookup(words[i], vector));
            const double expected = fields[1].toDouble();
            QVERIFY2(std::abs(axis.valence(vector) - expected) < 1e-6,
                     qPrintable(QStringLiteral("%1: %2, numpy %3").arg(words[i]).arg(axis.valence(vector)).arg(expected)));
        }
    }

    void wordsOutsideTheLexiconGetAValence()
    {
        const ValenceAxis &axis = *ValenceAxis::standard();
        const WordVectors &vectors = *WordVectors::standard();
        const VaderLexicon &lexicon = VaderLexicon::bundled();
        QVERIFY(axis.fittedWords() > 4000);
        const auto valence = [&](const char *word) {
            float vector[kWordVectorDims];
            if (!vectors.lookup(QString::fromLatin1(word), vector))
                qFatal("%s has no vector", word);
            return axis.valence(vector);
        };
        // Neither word is in VADER's lexicon, so VADER gives both 0; the axis tells them apart.
        QVERIFY(!lexicon.contains(QStringLiteral("tasteless")) && !lexicon.contains(QStringLiteral("mediocre")));
        QVERIFY(valence("tasteless") < -1.0);
        QVERIFY(valence("mediocre") < 0.0);
        QVERIFY(valence("good") > 1.0 && valence("terrible") < -1.0);
    }
};

QTEST_GUILESS_MAIN(TestValenceAxis)
#include "test_valence_axis.moc"
