// sentilens-cli explain on a small generated demo project: the JSON has per clip the Shapley
// values with f(all) and f(none), unimodal predictions, saliency aligned to clip time, KAN data
// (KAN-MCP) or masks (CaMIB); stored explanations are reused until the model or a clip's features
// change, and only what changed is computed again.
#include "core/store/feature_repository.h"
#include "core/store/project.h"
#include "core/store/sql.h"
#include "tests/cli/cli_runner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <cmath>

namespace {

using sl::test::cli;
using sl::test::CliResult;

// Explaining, training and extracting on the demo project take a while on a busy machine.
constexpr int kTimeoutMs = 300000;

QMap<qint64, QString> createdAt(const QString &project, qint64 model, const QString &kind = QStringLiteral("clip/mean/32"))
{
    auto opened = sl::store::Project::open(project);
    QSqlQuery query = sl::store::run(opened->db(), QStringLiteral("SELECT clip_id, created_at FROM explanations WHERE model_id = ? AND kind = ?"),
                                      {model, kind});
    QMap<qint64, QString> result;
    while (query.next())
        result.insert(query.value(0).toLongLong(), query.value(1).toString());
    return result;
}

double phiSum(const QJsonObject &shapley)
{
    const QJsonObject phi = shapley.value(QStringLiteral("phi")).toObject();
    return phi.value(QStringLiteral("T")).toDouble() + phi.value(QStringLiteral("A")).toDouble() + phi.value(QStringLiteral("V")).toDouble();
}

}  // namespace

class TestCliExplain : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY2(QFile::exists(qEnvironmentVariable("SENTILENS_CLI")), "SENTILENS_CLI not set"); }

    void helpAndUsageErrors()
    {
        const CliResult help = cli({QStringLiteral("explain"), QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains("--baseline") && help.out.contains("--check-demo"));
        QCOMPARE(cli({QStringLiteral("explain")}).exitCode, 2);  // no project
        QCOMPARE(cli({QStringLiteral("explain"), QStringLiteral("p"), QStringLiteral("--steps"), QStringLiteral("0")}).exitCode, 2);
        QCOMPARE(cli({QStringLiteral("explain"), QStringLiteral("p"), QStringLiteral("--split"), QStringLiteral("dev")}).exitCode, 2);
        QCOMPARE(cli({QStringLiteral("explain"), QStringLiteral("p"), QStringLiteral("--clip"), QStringLiteral("1"), QStringLiteral("--split"),
                      QStringLiteral("test")}).exitCode, 2);
        QTemporaryDir dir;
        QCOMPARE(cli({QStringLiteral("explain"), dir.filePath(QStringLiteral("missing"))}).exitCode, 3);
    }

    void explainDemoProject()
    {
        QTemporaryDir dir;
        const QString project = dir.filePath(QStringLiteral("demo"));
        QCOMPARE(cli({QStringLiteral("demo"), project, QStringLiteral("--clips"), QStringLiteral("6")}, kTimeoutMs).exitCode, 0);
        const CliResult extracted = cli({QStringLiteral("extract"), project}, kTimeoutMs);
        QCOMPARE(extracted.exitCode, 0);
        // Progress into a pipe: plain lines, no carriage returns piling up; the last says all done.
        QVERIFY2(!extracted.err.contains('\r'), extracted.err.constData());
        QVERIFY2(extracted.err.contains("18/18 units"), extracted.err.constData());
        // No model yet: explain says what to do.
        const CliResult early = cli({QStringLiteral("explain"), project});
        QCOMPARE(early.exitCode, 1);
        QVERIFY2(early.err.contains("train"), early.err.constData());
        QCOMPARE(cli({QStringLiteral("explain"), project, QStringLiteral("--baseline"), QStringLiteral("ones")}).exitCode, 2);

        const CliResult kanTrain = cli({QStringLiteral("train"), project, QStringLiteral("--arch"), QStringLiteral("kan-mcp"),
                                        QStringLiteral("--epochs"), QStringLiteral("2"), QStringLiteral("--json")}, kTimeoutMs);
        QVERIFY2(kanTrain.exitCode == 0, kanTrain.err.constData());
        const qint64 kanModel = kanTrain.json().value(QStringLiteral("model_id")).toInteger();

        const CliResult first = cli({QStringLiteral("explain"), project, QStringLiteral("--json")});
        QVERIFY2(first.exitCode == 0, first.err.constData());
        const QJsonObject result = first.json();
        QCOMPARE(result.value(QStringLiteral("computed")).toInt(), 6);
        QCOMPARE(result.value(QStringLiteral("reused")).toInt(), 0);
        const QJsonArray clips = result.value(QStringLiteral("clips")).toArray();
        QCOMPARE(clips.size(), 6);
        for (const QJsonValue &value : clips) {
            const QJsonObject clip = value.toObject();
            const QJsonObject shapley = clip.value(QStringLiteral("shapley")).toObject();
            const double fAll = shapley.value(QStringLiteral("f_all")).toDouble();
            const double fNone = shapley.value(QStringLiteral("f_none")).toDouble();
            QVERIFY(std::fabs(phiSum(shapley) - (fAll - fNone)) < 1e-5);
            QVERIFY(shapley.value(QStringLiteral("efficiency_error")).toDouble() < 1e-6);
            QVERIFY(clip.value(QStringLiteral("unimodal")).toObject().value(QStringLiteral("T")).isDouble());
            const QJsonObject saliency = clip.value(QStringLiteral("saliency")).toObject();
            QVERIFY(saliency.value(QStringLiteral("completeness_error")).isDouble());
            // Saliency steps carry clip times, increasing, within the clip.
            const QJsonObject audio = saliency.value(QStringLiteral("modalities")).toObject().value(QStringLiteral("A")).toObject();
            const QJsonArray seconds = audio.value(QStringLiteral("seconds")).toArray();
            QVERIFY(seconds.size() > 1);
            QCOMPARE(seconds.size(), audio.value(QStringLiteral("attribution")).toArray().size());
            QVERIFY(seconds.at(1).toDouble() > seconds.at(0).toDouble());
            const QJsonObject text = saliency.value(QStringLiteral("modalities")).toObject().value(QStringLiteral("T")).toObject();
            QCOMPARE(text.value(QStringLiteral("tokens")).toArray().size(), text.value(QStringLiteral("attribution")).toArray().size());
            QVERIFY(!text.value(QStringLiteral("tokens")).toArray().first().toString().isEmpty());
            // KAN-MCP: the clip on the KAN, with its 9 input scores.
            QCOMPARE(clip.value(QStringLiteral("kan")).toObject().value(QStringLiteral("feature_scores")).toArray().size(), 9);
            QVERIFY(!clip.contains(QStringLiteral("mask")));
        }
        const QJsonObject kan = result.value(QStringLiteral("kan")).toObject();
        QVERIFY(kan.value(QStringLiteral("available")).toBool());
        QCOMPARE(kan.value(QStringLiteral("edges")).toArray().size(), 9 * 4 + 4);
        QCOMPARE(kan.value(QStringLiteral("edges")).toArray().first().toObject().value(QStringLiteral("input_name")).toString(), QStringLiteral("T.z1"));
        QVERIFY(!result.value(QStringLiteral("masks")).toObject().value(QStringLiteral("available")).toBool());
        QVERIFY(!result.value(QStringLiteral("summary")).toObject().value(QStringLiteral("groups")).toArray().isEmpty());

        // Again: everything read from the project, rows untouched.
        const QMap<qint64, QString> stamps = createdAt(project, kanModel);
        QCOMPARE(stamps.size(), 6);
        const CliResult second = cli({QStringLiteral("explain"), project, QStringLiteral("--json")});
        QCOMPARE(second.json().value(QStringLiteral("computed")).toInt(), 0);
        QCOMPARE(second.json().value(QStringLiteral("reused")).toInt(), 6);
        QCOMPARE(createdAt(project, kanModel), stamps);
        QCOMPARE(second.json().value(QStringLiteral("clips")).toArray().first().toObject().value(QStringLiteral("shapley")),
                 clips.first().toObject().value(QStringLiteral("shapley")));
        // Other options are other explanations.
        const CliResult zeros = cli({QStringLiteral("explain"), project, QStringLiteral("--baseline"), QStringLiteral("zeros"),
                                     QStringLiteral("--json")});
        QVERIFY2(zeros.exitCode == 0, zeros.err.constData());
        QCOMPARE(zeros.json().value(QStringLiteral("reused")).toInt(), 0);
        const QMap<qint64, QString> zeroStamps = createdAt(project, kanModel, QStringLiteral("clip/zeros/32"));
        QCOMPARE(zeroStamps.size(), 6);

        // One clip's features change: that clip alone is computed again.
        const qint64 changedClip = clips.first().toObject().value(QStringLiteral("clip_id")).toInteger();
        {
            auto opened = sl::store::Project::open(project);
            sl::store::FeatureRepository features = opened->features();
            for (const sl::store::FeatureSet &set : features.sets()) {
                if (set.modality != QLatin1String("A"))
                    continue;
                sl::store::ClipFeatures stored = *features.load(set.id, changedClip);
                stored.data[0] += 1.0f;
                features.store(set.id, changedClip, stored);
            }
        }
        // (With the zeros baseline: the mean baseline is the train split's mean, so a changed train
        // clip changes every clip's baseline.)
        const CliResult third = cli({QStringLiteral("explain"), project, QStringLiteral("--baseline"), QStringLiteral("zeros"),
                                     QStringLiteral("--json")});
        QCOMPARE(third.json().value(QStringLiteral("computed")).toInt(), 1);
        QCOMPARE(third.json().value(QStringLiteral("reused")).toInt(), 5);
        const QMap<qint64, QString> after = createdAt(project, kanModel, QStringLiteral("clip/zeros/32"));
        QVERIFY(after.value(changedClip) != zeroStamps.value(changedClip));
        for (auto it = zeroStamps.constBegin(); it != zeroStamps.constEnd(); ++it)
            if (it.key() != changedClip)
                QCOMPARE(after.value(it.key()), it.value());

        // A new model (now the active one) has its own explanations; CaMIB's include the masks.
        const CliResult camibTrain = cli({QStringLiteral("train"), project, QStringLiteral("--arch"), QStringLiteral("camib"),
                                          QStringLiteral("--epochs"), QStringLiteral("2"), QStringLiteral("--json")}, kTimeoutMs);
        QVERIFY2(camibTrain.exitCode == 0, camibTrain.err.constData());
        const CliResult camib = cli({QStringLiteral("explain"), project, QStringLiteral("--clip"), QString::number(changedClip),
                                     QStringLiteral("--json")});
        QVERIFY2(camib.exitCode == 0, camib.err.constData());
        QCOMPARE(camib.json().value(QStringLiteral("computed")).toInt(), 1);
        QCOMPARE(camib.json().value(QStringLiteral("architecture")).toString(), QStringLiteral("camib"));
        const QJsonObject mask = camib.json().value(QStringLiteral("clips")).toArray().first().toObject().value(QStringLiteral("mask")).toObject();
        const QJsonArray values = mask.value(QStringLiteral("mask")).toArray();
        QVERIFY(!values.isEmpty());
        for (const QJsonValue &v : values)
            QVERIFY(v.toDouble() >= 0.0 && v.toDouble() <= 1.0);
        QVERIFY(camib.json().value(QStringLiteral("masks")).toObject().value(QStringLiteral("available")).toBool());
        QVERIFY(!camib.json().contains(QStringLiteral("summary")));  // one clip: no dataset summary unless asked

        // The old model's explanations are still there and still valid.
        const CliResult old = cli({QStringLiteral("explain"), project, QStringLiteral("--model"), QString::number(kanModel),
                                   QStringLiteral("--baseline"), QStringLiteral("zeros"), QStringLiteral("--json")});
        QCOMPARE(old.json().value(QStringLiteral("reused")).toInt(), 6);
        // Readable output and the ground-truth check.
        const CliResult plain = cli({QStringLiteral("explain"), project, QStringLiteral("--check-demo")});
        QVERIFY2(plain.exitCode == 0, plain.err.constData());
        QVERIFY(plain.out.contains("phi T"));
        QVERIFY(plain.out.contains("dominant"));
        QCOMPARE(cli({QStringLiteral("explain"), project, QStringLiteral("--clip"), QStringLiteral("nope/0001")}).exitCode, 1);
    }
};

QTEST_GUILESS_MAIN(TestCliExplain)
#include "test_cli_explain.moc"
