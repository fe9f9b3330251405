// The dataset level of core/training/project_explanations.h on hand-made explanations: groups per
// split and label class, the disagreement ranking, the check against a label rule, and the JSON
// payload read back as it was written.
#include "core/training/project_explanations.h"

#include "core/common/error.h"

#include <QtTest>

#include <cmath>

using namespace sl::training;

namespace {

ClipExplanation clip(qint64 id, const QString &split, double m, std::array<double, 3> tav, std::array<double, 3> phi)
{
    ClipExplanation c;
    c.clipId = id;
    c.name = QStringLiteral("v/%1").arg(id);
    c.split = split;
    c.labels = {m, tav[0], tav[1], tav[2]};
    c.shapley.phi = phi;
    c.shapley.fAll = phi[0] + phi[1] + phi[2];
    return c;
}

ExplanationSet sample()
{
    ExplanationSet set;
    set.clips << clip(1, QStringLiteral("train"), 1.5, {3, 0, 0}, {1.2, 0.1, 0.2})    // T dominates, T largest
              << clip(2, QStringLiteral("train"), -1.0, {-2, -0.4, -0.4}, {-0.3, -0.1, -0.8})  // T dominates, V largest
              << clip(3, QStringLiteral("test"), 0.5, {0, 2, 0}, {0.05, 0.6, -0.02})  // A dominates, A largest
              << clip(4, QStringLiteral("test"), 0.0, {1, 1, 1}, {0.9, -0.7, 0.0});   // no dominant modality
    return set;
}

}  // namespace

class TestExplanationSummary : public QObject {
    Q_OBJECT
private slots:
    void groupsPerSplitAndClass()
    {
        const ExplanationSummary summary = summarize(sample());
        const auto find = [&](const QString &split, const QString &cls) {
            for (const ContributionGroup &g : summary.groups)
                if (g.split == split && g.labelClass == cls)
                    return g;
            return ContributionGroup{QStringLiteral("missing"), {}, {}};
        };
        const ContributionGroup all = find({}, {});
        QCOMPARE(all.phi[0].count, 4);
        QVERIFY(std::fabs(all.phi[0].mean - (1.2 - 0.3 + 0.05 + 0.9) / 4) < 1e-12);
        QCOMPARE(all.phi[2].min, -0.8);
        QCOMPARE(all.phi[2].max, 0.2);
        const ContributionGroup trainPositive = find(QStringLiteral("train"), QStringLiteral("positive"));
        QCOMPARE(trainPositive.phi[1].count, 1);
        QCOMPARE(trainPositive.phi[1].mean, 0.1);
        QCOMPARE(find(QStringLiteral("test"), QStringLiteral("neutral")).phi[0].count, 1);
        QCOMPARE(find({}, QStringLiteral("negative")).phi[2].count, 1);
    }

    void disagreementsRankOppositeSignsFirst()
    {
        const ExplanationSummary summary = summarize(sample(), 3);
        QCOMPARE(summary.disagreements.size(), 3);
        // Clip 4 pushes up (T) and down (A) strongly; clip 3's -0.02 is under a tenth of 0.6, so it
        // does not count as disagreeing however small the spread.
        QCOMPARE(summary.disagreements[0].clipId, qint64(4));
        QVERIFY(summary.disagreements[0].signsDiffer);
        QVERIFY(std::fabs(summary.disagreements[0].spread - 1.6) < 1e-12);
        for (int i = 1; i < 3; ++i)
            QVERIFY(!summary.disagreements[i].signsDiffer);
        QVERIFY(summary.disagreements[1].spread >= summary.disagreements[2].spread);
    }

    void dominanceAgainstTheLabelRule()
    {
        const DominanceCheck check = checkDominance(sample(), {0.5, 0.25, 0.25});
        QCOMPARE(check.clips, 3);
        QCOMPARE(check.matches, 2);
        QCOMPARE(check.confusion[0][0], 1);
        QCOMPARE(check.confusion[0][2], 1);
        QCOMPARE(check.confusion[1][1], 1);
        QVERIFY(std::fabs(check.accuracy() - 2.0 / 3.0) < 1e-12);
    }

    void payloadRoundTrip()
    {
        ClipExplanation c = sample().clips.first();
        c.shapley.coalition = {0, 1, 2, 3, 4, 5, 6, 7};
        c.shapley.unimodal = {0.5, std::nan(""), -0.25};
        c.saliency.steps = {std::vector<double>{0.1, 0.2}, std::vector<double>{0.3}, std::vector<double>{}};
        c.saliency.completenessError = 0.004;
        c.stepSeconds = {std::vector<double>{0.0, 0.4}, std::vector<double>{0.0}, std::vector<double>{}};
        c.textTokens = {QStringLiteral("good"), QStringLiteral("film")};
        c.kan = sl::ml::explain::KanClipView{{0.1}, {0.2}, {1, 2, 3}, {1, 2, 3}};
        const ClipExplanation back = clipExplanationFromJson(toJson(c), QStringLiteral("test"));
        QCOMPARE(back.clipId, c.clipId);
        QCOMPARE(back.labels, c.labels);
        QCOMPARE(back.shapley.phi, c.shapley.phi);
        QCOMPARE(back.shapley.coalition, c.shapley.coalition);
        QCOMPARE(back.shapley.unimodal[0], 0.5);
        QVERIFY(std::isnan(back.shapley.unimodal[1]));  // no head: stored as null, read as NaN
        QCOMPARE(back.saliency.steps, c.saliency.steps);
        QCOMPARE(back.stepSeconds, c.stepSeconds);
        QCOMPARE(back.textTokens, c.textTokens);
        QCOMPARE(back.saliency.completenessError, 0.004);
        QVERIFY(back.kan.has_value());
        QCOMPARE(back.kan->featureScores, c.kan->featureScores);
        QVERIFY_THROWS_EXCEPTION(sl::Error, clipExplanationFromJson(QJsonObject{{QStringLiteral("clip_id"), 1}}, QStringLiteral("row")));
        QCOMPARE(clipExplanationKind(sl::ml::explain::BaselineKind::Mean, 64), QStringLiteral("clip/mean/64"));
    }
};

QTEST_GUILESS_MAIN(TestExplanationSummary)
#include "test_explanation_summary.moc"
