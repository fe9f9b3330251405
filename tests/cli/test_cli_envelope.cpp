// Issue 15, item 3, through the real sentilens-cli on a toy project: a trained model's predictions
// are stored and printed clipped to the label scale with the raw value beside them, clips whose
// features are scaled far beyond the training data are flagged in every modality (CSV, --json,
// explain), and a model file without an envelope (as written before envelopes) still predicts and
// says "no envelope".
#include "core/ml/json.h"
#include "core/ml/model_file.h"

#include <torch/csrc/jit/serialization/import.h>

#include "core/store/project.h"
#include "tests/cli/cli_runner.h"
#include "tests/cli/toy_project.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>

using sl::test::cli;

namespace {

// Multiplies every stored feature of `clipId` by `factor` (all three toy modalities).
void scaleFeatures(const QString &folder, qint64 clipId, float factor)
{
    auto project = sl::store::Project::open(folder);
    for (const sl::store::FeatureSet &set : project->features().sets()) {
        sl::store::ClipFeatures features = *project->features().load(set.id, clipId);
        for (float &value : features.data)
            value *= factor;
        project->features().store(set.id, clipId, features);
    }
}

// The toy project's video id of its n-th clip (train 0-7, valid 8-15, test 16-23).
QString video(int n) { return QStringLiteral("v%1").arg(n, 5, 10, QLatin1Char('0')); }

QHash<QString, QJsonObject> rowsByClip(const QJsonObject &result)
{
    QHash<QString, QJsonObject> rows;
    for (const QJsonValue &row : result.value(QStringLiteral("predictions")).toArray())
        rows.insert(row[QStringLiteral("video_id")].toString(), row.toObject());
    return rows;
}

}  // namespace

class TestCliEnvelope : public QObject {
    Q_OBJECT
private slots:
    void flaggedClippedAndOldModels()
    {
        QTemporaryDir dir;
        const QString project = sl::test::buildToyProject(dir.filePath(QStringLiteral("toy")));
        const auto trained = cli({QStringLiteral("train"), project, QStringLiteral("--arch"), QStringLiteral("late-fusion"),
                                  QStringLiteral("--epochs"), QStringLiteral("3"), QStringLiteral("--json")});
        QVERIFY2(trained.exitCode == 0, trained.err.constData());

        // Clip ids 17 and 18 are the test split's first two (8 clips per split, train first).
        scaleFeatures(project, 17, 40.0f);
        scaleFeatures(project, 18, -40.0f);
        const auto predicted = cli({QStringLiteral("predict"), project, QStringLiteral("--json")});
        QVERIFY2(predicted.exitCode == 0, predicted.err.constData());
        const QJsonObject result = predicted.json();
        QVERIFY(result.value(QStringLiteral("envelope")).toBool());
        const QHash<QString, QJsonObject> rows = rowsByClip(result);
        QCOMPARE(rows.size(), 24);
        for (const QJsonObject &row : rows) {
            const double value = row[QStringLiteral("M")].toDouble();
            const double raw = row[QStringLiteral("raw")][QStringLiteral("M")].toDouble();
            QCOMPARE(value, std::clamp(raw, -3.0, 3.0));  // np.clip(raw, -3, 3): MOSI scale
            QVERIFY(row[QStringLiteral("outside")].isArray());
        }
        for (const QString &scaled : {video(16), video(17)})
            QCOMPARE(rows[scaled][QStringLiteral("outside")].toArray(),
                     (QJsonArray{QStringLiteral("T"), QStringLiteral("A"), QStringLiteral("V")}));
        for (int n = 8; n < 16; ++n)  // the validation split
            QVERIFY(rows[video(n)][QStringLiteral("outside")].toArray().isEmpty());
        {  // what the project stores (schema 6), as the window's clip list reads it
            auto stored = sl::store::Project::open(project);
            for (const sl::store::PredictionRecord &p : stored->models().predictions(stored->models().activeModelId())) {
                QVERIFY(p.rawValue.has_value() && p.outside.has_value());
                QCOMPARE(p.value, std::clamp(*p.rawValue, -3.0, 3.0));
                if (p.clipId == 17 || p.clipId == 18)
                    QCOMPARE(*p.outside, QStringLiteral("T, A, V"));
                else if (p.clipId >= 9 && p.clipId <= 16)
                    QCOMPARE(*p.outside, QString());
            }
        }
        const auto csv = cli({QStringLiteral("predict"), project});
        QVERIFY(csv.out.startsWith("video_id,clip_id,split,M,T,A,V,M_raw,outside\n"));
        QVERIFY2(csv.out.contains(",\"T, A, V\"\n"), csv.out.constData());
        QVERIFY2(csv.err.contains("lie outside the model's training data"), csv.err.constData());
        const auto explained = cli({QStringLiteral("explain"), project, QStringLiteral("--clip"), QStringLiteral("17")});
        QVERIFY2(explained.out.contains("outside the training data (T, A, V)"), explained.out.constData());

        // The same model as SentiLens wrote it before envelopes: no "input_envelope" in its description.
        auto opened = sl::store::Project::open(project);
        const QString file = opened->absolutePath(opened->models().find(opened->models().activeModelId())->filePath);
        opened.reset();
        sl::ml::JsonObject description = sl::ml::readModelDescription(file.toStdString()).toJson().toObject();
        QVERIFY(description.erase("input_envelope") == 1);
        torch::jit::Module script = torch::jit::load(file.toStdString());
        script.save(file.toStdString(), {{sl::ml::kDescriptionFile, sl::ml::Json(description).dump(2)}});
        const auto old = cli({QStringLiteral("predict"), project, QStringLiteral("--json")});
        QVERIFY2(old.exitCode == 0, old.err.constData());
        QVERIFY(!old.json().value(QStringLiteral("envelope")).toBool());
        const QHash<QString, QJsonObject> oldRows = rowsByClip(old.json());
        QVERIFY(oldRows[video(16)][QStringLiteral("outside")].isNull());
        QCOMPARE(oldRows[video(16)][QStringLiteral("raw")], rows[video(16)][QStringLiteral("raw")]);
        const auto oldCsv = cli({QStringLiteral("predict"), project});
        QVERIFY2(oldCsv.err.contains("no input envelope"), oldCsv.err.constData());
        QVERIFY(oldCsv.out.contains(",no envelope\n"));
    }
};

QTEST_GUILESS_MAIN(TestCliEnvelope)
#include "test_cli_envelope.moc"
