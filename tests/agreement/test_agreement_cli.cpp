// sentilens-cli import --annotator, agreement and adjudicate end to end: three people's label files
// for one small dataset. Expected statistics come from numpy (see the comment at each), not from
// the code under test.
#include "core/store/project.h"
#include "tests/cli/cli_runner.h"
#include "tests/import/dataset_fixture.h"
#include "tests/support/temp_project.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QtTest>
#include <cmath>

namespace {

using sl::test::cli;
using sl::test::CliResult;

const QStringList kClips = {QStringLiteral("v1/0001"), QStringLiteral("v1/0002"), QStringLiteral("v1/0003"),
                            QStringLiteral("v1/0004"), QStringLiteral("v1/0005"), QStringLiteral("v1/0006")};

QByteArray labelCsv(const QList<double> &labels)
{
    QByteArray csv("video_id,clip_id,text,label,mode\n");
    for (int i = 0; i < labels.size(); ++i)
        csv += QStringLiteral("v1,%1,words,%2,train\n").arg(i + 1, 4, 10, QLatin1Char('0')).arg(labels[i]).toUtf8();
    return csv;
}

bool near(double a, double b) { return std::fabs(a - b) < 1e-9; }

QJsonObject targetM(const CliResult &result)
{
    return result.json().value(QStringLiteral("targets")).toArray().first().toObject();
}

}  // namespace

class TestAgreementCli : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_project;

    QString csvFile(const QString &name, const QList<double> &labels)
    {
        sl::test::writeFile(m_dir, name, labelCsv(labels));
        return m_dir.filePath(name);
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(qEnvironmentVariable("SENTILENS_CLI")), "SENTILENS_CLI not set");
        // The dataset's own labels come with the clips; bob and carol send only label files.
        const QString dataset = sl::test::makeDataset(m_dir, QStringLiteral("data"),
                                                      labelCsv({-2.0, -1.0, 0.0, 1.0, 2.0, 3.0}), kClips);
        m_project = m_dir.filePath(QStringLiteral("project"));
        const CliResult first = cli({QStringLiteral("import"), m_project, dataset, QStringLiteral("--scale"), QStringLiteral("mosi")});
        QVERIFY2(first.exitCode == 0, first.err.constData());
    }

    void importAddsAnotherAnnotatorsLabelsToClipsAlreadyThere()
    {
        const CliResult bob = cli({QStringLiteral("import"), m_project, csvFile(QStringLiteral("bob.csv"), {-2.4, -0.4, 0.0, 1.6, 1.6, 2.8}),
                                   QStringLiteral("--annotator"), QStringLiteral("bob"), QStringLiteral("--json")});
        QVERIFY2(bob.exitCode == 0, bob.err.constData());
        QCOMPARE(bob.json().value(QStringLiteral("clips_imported")).toInt(), 0);
        QCOMPARE(bob.json().value(QStringLiteral("labels_imported")).toInt(), 6);
        // carol labelled only the first four clips.
        const CliResult carol = cli({QStringLiteral("import"), m_project, csvFile(QStringLiteral("carol.csv"), {-1.8, -1.2, 0.4, 0.6}),
                                     QStringLiteral("--annotator"), QStringLiteral("carol")});
        QVERIFY2(carol.exitCode == 0, carol.err.constData());

        // The same person's file twice is still refused, and nothing changes.
        const CliResult again = cli({QStringLiteral("import"), m_project, m_dir.filePath(QStringLiteral("bob.csv")),
                                     QStringLiteral("--annotator"), QStringLiteral("bob")});
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains("already in the project with labels by annotator 'bob'"), again.err.constData());
        // A label file naming a clip the project does not hold still needs the clip file.
        sl::test::writeFile(m_dir, QStringLiteral("dave.csv"), "video_id,clip_id,label,mode\nv9,0001,1.0,train\n");
        const CliResult dave = cli({QStringLiteral("import"), m_project, m_dir.filePath(QStringLiteral("dave.csv")),
                                    QStringLiteral("--annotator"), QStringLiteral("dave")});
        QCOMPARE(dave.exitCode, 1);
        QVERIFY2(dave.err.contains("Raw/v9/0001"), dave.err.constData());

        auto project = sl::store::Project::open(m_project);
        QCOMPARE(project->clips().count(), 6);
        QCOMPARE(project->labels().all().size(), 16);
    }

    void agreementMatchesNumpy()
    {
        const CliResult result = cli({QStringLiteral("agreement"), m_project, QStringLiteral("--target"), QStringLiteral("M"),
                                      QStringLiteral("--json")});
        QVERIFY2(result.exitCode == 0, result.err.constData());
        QCOMPARE(result.json().value(QStringLiteral("annotators")).toArray().size(), 3);
        const QJsonObject m = targetM(result);
        QCOMPARE(m.value(QStringLiteral("clips")).toInt(), 6);
        QCOMPARE(m.value(QStringLiteral("labels")).toInt(), 16);
        // numpy: interval alpha by its pairwise definition over the 16 pairable values; ICC(2,1)
        // and ICC(2,k) from the two-way ANOVA of the 4 clips all three labelled.
        QVERIFY2(std::fabs(m.value(QStringLiteral("alpha_interval")).toDouble() - 0.9571198857) < 1e-9,
                 qPrintable(QString::number(m.value(QStringLiteral("alpha_interval")).toDouble(), 'f', 10)));
        QVERIFY(std::fabs(m.value(QStringLiteral("icc2_1")).toDouble() - 0.9243401760) < 1e-9);
        QVERIFY(std::fabs(m.value(QStringLiteral("icc2_k")).toDouble() - 0.9734403953) < 1e-9);
        QCOMPARE(m.value(QStringLiteral("icc_complete_clips")).toInt(), 4);
        QCOMPARE(m.value(QStringLiteral("icc_clips_left_out")).toInt(), 2);
        QCOMPARE(m.value(QStringLiteral("ordinal_classes")).toInt(), 7);
        // The widest disagreement: v1/0004 (bob 1.6, carol 0.6).
        const QJsonObject worst = m.value(QStringLiteral("most_disagreement")).toArray().first().toObject();
        QCOMPARE(worst.value(QStringLiteral("clip")).toString(), QStringLiteral("v1/0004"));
        QVERIFY(near(worst.value(QStringLiteral("range")).toDouble(), 1.0));

        // Two named annotators: one pair, numpy's quadratic-weighted kappa on the 7 rounded classes.
        const CliResult pair = cli({QStringLiteral("agreement"), m_project, QStringLiteral("--target"), QStringLiteral("M"),
                                    QStringLiteral("--annotators"), QStringLiteral("dataset,bob"), QStringLiteral("--json")});
        QVERIFY2(pair.exitCode == 0, pair.err.constData());
        const QJsonArray pairs = targetM(pair).value(QStringLiteral("pairs")).toArray();
        QCOMPARE(pairs.size(), 1);
        QVERIFY(std::fabs(pairs.first().toObject().value(QStringLiteral("kappa_quadratic")).toDouble() - 0.9428571429) < 1e-9);
        QCOMPARE(pairs.first().toObject().value(QStringLiteral("clips")).toInt(), 6);

        // Targets nobody labelled have no statistics: null, not a made-up number.
        const CliResult t = cli({QStringLiteral("agreement"), m_project, QStringLiteral("--target"), QStringLiteral("T"), QStringLiteral("--json")});
        QCOMPARE(t.exitCode, 0);
        QVERIFY(targetM(t).value(QStringLiteral("alpha_interval")).isNull());
    }

    void agreementRefusesBadArguments()
    {
        const CliResult target = cli({QStringLiteral("agreement"), m_project, QStringLiteral("--target"), QStringLiteral("X")});
        QCOMPARE(target.exitCode, 2);
        QVERIFY(target.err.contains("unknown target 'X'"));
        const CliResult nobody = cli({QStringLiteral("agreement"), m_project, QStringLiteral("--annotators"), QStringLiteral("bob,nobody")});
        QCOMPARE(nobody.exitCode, 2);
        QVERIFY2(nobody.err.contains("project.sqlite: no annotator named 'nobody'"), nobody.err.constData());
        const CliResult one = cli({QStringLiteral("agreement"), m_project, QStringLiteral("--annotators"), QStringLiteral("bob")});
        QCOMPARE(one.exitCode, 2);
        QVERIFY(one.err.contains("at least two annotators"));
        QCOMPARE(cli({QStringLiteral("agreement"), m_dir.filePath(QStringLiteral("missing"))}).exitCode, 3);
    }

    void adjudicationIsExportedAndKeepsItsHistory()
    {
        const CliResult from = cli({QStringLiteral("adjudicate"), m_project, QStringLiteral("--clip"), QStringLiteral("v1/0004"),
                                    QStringLiteral("--target"), QStringLiteral("M"), QStringLiteral("--from-annotator"),
                                    QStringLiteral("carol"), QStringLiteral("--reviewer"), QStringLiteral("lead"), QStringLiteral("--json")});
        QVERIFY2(from.exitCode == 0, from.err.constData());
        QVERIFY(near(from.json().value(QStringLiteral("value")).toDouble(), 0.6));
        const CliResult value = cli({QStringLiteral("adjudicate"), m_project, QStringLiteral("--clip"), QStringLiteral("v1/0004"),
                                     QStringLiteral("--value"), QStringLiteral("1.2")});
        QVERIFY2(value.exitCode == 0, value.err.constData());
        const CliResult outside = cli({QStringLiteral("adjudicate"), m_project, QStringLiteral("--clip"), QStringLiteral("v1/0004"),
                                       QStringLiteral("--value"), QStringLiteral("4")});
        QCOMPARE(outside.exitCode, 1);
        QVERIFY2(outside.err.contains("outside the mosi scale"), outside.err.constData());
        const CliResult noLabel = cli({QStringLiteral("adjudicate"), m_project, QStringLiteral("--clip"), QStringLiteral("v1/0006"),
                                       QStringLiteral("--from-annotator"), QStringLiteral("carol")});
        QCOMPARE(noLabel.exitCode, 1);
        QVERIFY2(noLabel.err.contains("'carol' has no M label for clip v1/0006"), noLabel.err.constData());
        QCOMPARE(cli({QStringLiteral("adjudicate"), m_project, QStringLiteral("--clip"), QStringLiteral("v1/0004")}).exitCode, 2);
        QCOMPARE(cli({QStringLiteral("adjudicate"), m_project, QStringLiteral("--clip"), QStringLiteral("v1/0099"),
                      QStringLiteral("--value"), QStringLiteral("1")}).exitCode, 1);

        const QString out = m_dir.filePath(QStringLiteral("adjudicated.csv"));
        const CliResult exported = cli({QStringLiteral("export"), m_project, QStringLiteral("--out"), out,
                                        QStringLiteral("--annotator"), QStringLiteral("adjudicated")});
        QVERIFY2(exported.exitCode == 0, exported.err.constData());
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray csv = file.readAll();
        QVERIFY2(csv.contains("v1,0004,words,1.2,"), csv.constData());

        // Adjudicated, else the mean of the others (numbers as the export writes them).
        const QString combined = m_dir.filePath(QStringLiteral("combined.csv"));
        const CliResult aggregate = cli({QStringLiteral("export"), m_project, QStringLiteral("--out"), combined,
                                         QStringLiteral("--aggregate"), QStringLiteral("adjudicated-else-mean")});
        QVERIFY2(aggregate.exitCode == 0, aggregate.err.constData());
        QFile combinedFile(combined);
        QVERIFY(combinedFile.open(QIODevice::ReadOnly));
        QHash<QString, double> m;
        for (const QByteArray &line : combinedFile.readAll().split('\n')) {
            const QList<QByteArray> cells = line.split(',');
            if (cells.size() > 3 && cells[0] == "v1")
                m.insert(QString::fromLatin1(cells[1]), cells[3].toDouble());
        }
        QCOMPARE(m.size(), 6);
        QVERIFY(near(m.value(QStringLiteral("0004")), 1.2));               // adjudicated
        QVERIFY(near(m.value(QStringLiteral("0001")), (-2.0 - 2.4 - 1.8) / 3)); // dataset, bob, carol
        QVERIFY(near(m.value(QStringLiteral("0005")), (2.0 + 1.6) / 2));       // carol did not label it

        // The adjudicated labels settle, they do not vote: agreement leaves them out by default.
        const CliResult result = cli({QStringLiteral("agreement"), m_project, QStringLiteral("--target"), QStringLiteral("M"), QStringLiteral("--json")});
        QCOMPARE(result.json().value(QStringLiteral("annotators")).toArray().size(), 3);

        // stats counts them under their own name.
        const CliResult stats = cli({QStringLiteral("stats"), m_project, QStringLiteral("--json")});
        QVERIFY2(stats.exitCode == 0, stats.err.constData());
        int adjudicatedRows = 0;
        for (const QJsonValue &row : stats.json().value(QStringLiteral("labels")).toArray())
            if (row[QStringLiteral("annotator")].toString() == QLatin1String("adjudicated") && row[QStringLiteral("target")].toString() == QLatin1String("M")) {
                ++adjudicatedRows;
                QCOMPARE(row[QStringLiteral("count")].toInt(), 1);
            }
        QCOMPARE(adjudicatedRows, 1);
        // Nobody imports labels under the reserved name.
        const CliResult disguised = cli({QStringLiteral("import"), m_project, m_dir.filePath(QStringLiteral("carol.csv")),
                                         QStringLiteral("--annotator"), QStringLiteral("Adjudicated")});
        QCOMPARE(disguised.exitCode, 1);
        QVERIFY2(disguised.err.contains("reserved for the adjudicated labels"), disguised.err.constData());

        auto project = sl::store::Project::open(m_project);
        const auto annotator = project->annotators().find(QStringLiteral("adjudicated"));
        QVERIFY(annotator);
        QCOMPARE(annotator->kind, QStringLiteral("adjudicated"));  // schema version 8
        const auto clip = project->clips().findByKey(QStringLiteral("v1"), QStringLiteral("0004"));
        QStringList notes;
        for (const sl::store::LabelChange &change : project->labels().history(clip->id))
            if (change.annotatorId == annotator->id)
                notes << change.note;
        QCOMPARE(notes, (QStringList{QStringLiteral("adjudicated: label of carol (by lead)"), QStringLiteral("adjudicated")}));
    }
};

QTEST_MAIN(TestAgreementCli)
#include "test_agreement_cli.moc"
