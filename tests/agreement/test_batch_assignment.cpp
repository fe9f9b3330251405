// A lead's batches (issue 19): the plan worked out by hand for 23 clips and 3 annotators with a
// 20% overlap, the same plan again from the same seed, and `sentilens-cli assign` on a generated
// project: batch sizes, the overlap in every batch, progress once a label is set, refusals.
#include "core/agreement/batch_plan.h"
#include "tests/cli/cli_runner.h"

#include "core/agreement/project_assignments.h"
#include "core/store/project.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <set>
#include <stdexcept>

using namespace sl;
using test::cli;
using test::CliResult;

class TestBatchAssignment : public QObject {
    Q_OBJECT
private slots:
    void planByHand()
    {
        std::vector<std::int64_t> clips;
        for (std::int64_t id = 101; id <= 123; ++id)
            clips.push_back(id);
        const agreement::BatchPlan plan = agreement::planBatches(clips, 3, 0.2, 7);
        // round(0.2 x 23) = 5 shared clips; the other 18 dealt out 6, 6, 6.
        QCOMPARE(plan.overlap.size(), std::size_t(5));
        QCOMPARE(plan.batches.size(), std::size_t(3));
        std::multiset<std::int64_t> own;
        for (const std::vector<std::int64_t> &batch : plan.batches) {
            QCOMPARE(batch.size(), std::size_t(6 + 5));
            const std::set<std::int64_t> members(batch.begin(), batch.end());
            QCOMPARE(members.size(), batch.size());  // no clip twice in a batch
            for (std::int64_t shared : plan.overlap)
                QVERIFY(members.count(shared) == 1);
            for (std::int64_t id : batch)
                if (std::find(plan.overlap.begin(), plan.overlap.end(), id) == plan.overlap.end())
                    own.insert(id);
        }
        // Every clip once: in one batch of its own, or in the overlap.
        QCOMPARE(own.size() + plan.overlap.size(), clips.size());
        for (std::int64_t id : clips)
            QCOMPARE(own.count(id) + std::size_t(std::count(plan.overlap.begin(), plan.overlap.end(), id)), std::size_t(1));
        // The seed decides: the same seed the same plan, another seed another one.
        QVERIFY(agreement::planBatches(clips, 3, 0.2, 7).batches == plan.batches);
        QVERIFY(agreement::planBatches(clips, 3, 0.2, 8).batches != plan.batches);
        QVERIFY(agreement::planBatches(clips, 2, 1.0, 1).overlap.size() == clips.size());
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, agreement::planBatches(clips, 0, 0.2, 1));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, agreement::planBatches(clips, 2, 1.5, 1));
    }

    void assignThroughTheCli()
    {
        QTemporaryDir dir;
        const QString project = dir.filePath(QStringLiteral("p"));
        QCOMPARE(cli({QStringLiteral("demo"), project, QStringLiteral("--clips"), QStringLiteral("20")}).exitCode, 0);
        CliResult r = cli({QStringLiteral("assign"), project, QStringLiteral("--annotators"), QStringLiteral("ana,bo"),
                           QStringLiteral("--overlap"), QStringLiteral("0.25"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QJsonArray batches = r.json().value(QStringLiteral("batches")).toArray();
        QCOMPARE(batches.size(), 2);
        // 5 shared clips, 15 dealt out 8 and 7.
        QCOMPARE(batches[0].toObject().value(QStringLiteral("clips")).toInt(), 13);
        QCOMPARE(batches[1].toObject().value(QStringLiteral("clips")).toInt(), 12);
        QCOMPARE(batches[0].toObject().value(QStringLiteral("overlap")).toInt(), 5);
        QCOMPARE(batches[1].toObject().value(QStringLiteral("labelled")).toInt(), 0);

        QSet<qint64> anaClips;
        {
            auto opened = store::Project::open(project);
            const qint64 ana = opened->annotators().find(QStringLiteral("ana"))->id;
            anaClips = agreement::assignedClips(*opened, ana);
            QCOMPARE(anaClips.size(), 13);
            opened->labels().set(*anaClips.cbegin(), ana, Target::M, 1.0);
            opened->labels().set(*anaClips.cbegin(), ana, Target::T, 1.0);  // only M counts
        }
        r = cli({QStringLiteral("assign"), project, QStringLiteral("--json")});
        batches = r.json().value(QStringLiteral("batches")).toArray();
        QCOMPARE(batches[0].toObject().value(QStringLiteral("annotator")).toString(), QStringLiteral("ana"));
        QCOMPARE(batches[0].toObject().value(QStringLiteral("labelled")).toInt(), 1);

        // The same seed gives the same batches; a new plan replaces the old one.
        QCOMPARE(cli({QStringLiteral("assign"), project, QStringLiteral("--annotators"), QStringLiteral("ana,bo"),
                      QStringLiteral("--overlap"), QStringLiteral("0.25")}).exitCode, 0);
        {
            auto opened = store::Project::open(project);
            QCOMPARE(agreement::assignedClips(*opened, opened->annotators().find(QStringLiteral("ana"))->id), anaClips);
        }
        for (const QStringList &bad : {QStringList{QStringLiteral("--annotators"), QStringLiteral("ana,ana")},
                                       QStringList{QStringLiteral("--annotators"), QStringLiteral("adjudicated")},
                                       QStringList{QStringLiteral("--annotators"), QStringLiteral("ana"), QStringLiteral("--overlap"), QStringLiteral("2")}}) {
            r = cli(QStringList{QStringLiteral("assign"), project} + bad);
            QVERIFY2(r.exitCode == 1 && r.err.contains(project.toUtf8()), r.err.constData());
        }
    }
};

QTEST_GUILESS_MAIN(TestBatchAssignment)
#include "test_batch_assignment.moc"
