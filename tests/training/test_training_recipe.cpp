// The paper recipe against the authors' scripts as docs/models.md records them (sections 3.6 and
// 4.5), written out here as a table rather than read from the code under test.
#include "core/training/training_job.h"
#include "core/training/training_recipe.h"

#include <QtTest>

#include <stdexcept>

using namespace sl::training;

class TestTrainingRecipe : public QObject {
    Q_OBJECT

private slots:
    void mibScripts()
    {
        for (const char *arch : {"e-mib", "l-mib", "c-mib"}) {
            const TrainingSettings s = recipeSettings(QStringLiteral("paper"), QString::fromLatin1(arch), 60, QStringLiteral("mosi"));
            QCOMPARE(s.recipe, QStringLiteral("paper"));
            QCOMPARE(s.optimizer, QStringLiteral("Adam"));
            QCOMPARE(s.weightDecay, 0.0);
            QVERIFY(s.constantRate);
            QCOMPARE(s.learningRate, 2e-5);
            QCOMPARE(s.groupLearningRates.value(QStringLiteral("text")), 1e-5);
            QCOMPARE(s.batchSize, 32);  // not shrunk for a small project: the paper's batch
            QCOMPARE(s.epochs, 50);
            QCOMPARE(s.patience, 0);
            QVERIFY(s.selectOnMse);
        }
    }

    void kanMcpScripts()
    {
        const TrainingSettings mosi = recipeSettings(QStringLiteral("paper"), QStringLiteral("kan-mcp"), 1284, QStringLiteral("mosi"));
        QCOMPARE(mosi.batchSize, 8);
        QCOMPARE(mosi.epochs, 35);
        QCOMPARE(mosi.learningRate, 1e-3);
        QCOMPARE(mosi.groupLearningRates.value(QStringLiteral("text")), 1e-5);
        QCOMPARE(mosi.weightDecay, 0.01);
        QCOMPARE(mosi.warmupFraction, 0.5);
        QVERIFY(!mosi.constantRate);
        QVERIFY(mosi.selectOnMse);
        QVERIFY(mosi.modelSettings.isEmpty());  // weight1 0.1 is the model's default

        const TrainingSettings mosei = recipeSettings(QStringLiteral("paper"), QStringLiteral("kan-mcp"), 16326, QStringLiteral("mosi"));
        QCOMPARE(mosei.batchSize, 64);
        QCOMPARE(mosei.epochs, 10);
        QCOMPARE(mosei.learningRate, 1e-2);
        QCOMPARE(mosei.modelSettings.value(QStringLiteral("unimodal_weight")), 1.0);

        const TrainingSettings sims = recipeSettings(QStringLiteral("paper"), QStringLiteral("kan-mcp"), 1368, QStringLiteral("sims"));
        QCOMPARE(sims.batchSize, 32);
        QCOMPARE(sims.epochs, 50);
        QCOMPARE(sims.groupLearningRates.value(QStringLiteral("text")), 1e-3);
    }

    void noRecipeWithoutAScript()
    {
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 recipeSettings(QStringLiteral("paper"), QStringLiteral("camib"), 60, QStringLiteral("mosi")));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 recipeSettings(QStringLiteral("paper"), QStringLiteral("late-fusion"), 60, QStringLiteral("mosi")));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 recipeSettings(QStringLiteral("grandma"), QStringLiteral("c-mib"), 60, QStringLiteral("mosi")));
    }

    void sentilensRecipeIsTheRecommendation()
    {
        const TrainingSettings s = recipeSettings(QStringLiteral("sentilens"), QStringLiteral("camib"), 60, QStringLiteral("mosi"));
        const TrainingSettings r = recommendedSettings(QStringLiteral("camib"), 60);
        QCOMPARE(s.batchSize, r.batchSize);
        QCOMPARE(s.learningRate, r.learningRate);
        QCOMPARE(s.recipe, QStringLiteral("sentilens"));
        QVERIFY(!s.selectOnMse);
    }
};

QTEST_APPLESS_MAIN(TestTrainingRecipe)
#include "test_training_recipe.moc"
