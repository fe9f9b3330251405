// Every way an external TorchScript model can fail (issue 18, defect 1) and a model that predicts
// NaN (defect 10), through the real sentilens-cli: predict, evaluate and explain must print one
// clear error naming the model file (no LibTorch backtrace), exit 1, and store nothing. Before
// the fix each of these ended in std::terminate (SIGABRT). The models are written here with
// torch::jit::Module::define and registered in a toy project as its active model.
#include "core/ml/feature_contract.h"
#include "core/ml/json.h"
#include "core/ml/model_file.h"

#include <torch/csrc/jit/api/module.h>

#include "core/store/project.h"
#include "tests/cli/cli_runner.h"
#include "tests/cli/toy_project.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using sl::test::cli;

namespace {

const char *const kSixInputs = "text, text_lengths, audio, audio_lengths, visual, visual_lengths";

// The description every toy external model carries inside its archive.
std::string description(const std::string &container, bool withKey = true)
{
    using sl::ml::Json;
    using sl::ml::JsonArray;
    using sl::ml::JsonObject;
    sl::ml::FeatureContract contract;
    for (sl::ml::Modality m : sl::ml::kModalities)
        contract[m] = {sl::test::kToyDims[sl::ml::index(m)], sl::test::kToyExtractors[sl::ml::index(m)], "1"};
    JsonObject outputs{{"container", Json(container)}};
    if (container != "tensor" && withKey)
        outputs.emplace("multimodal", Json(container == "tuple" ? "0" : "prediction"));
    JsonArray inputs;
    for (const char *name : {"text", "text_lengths", "audio", "audio_lengths", "visual", "visual_lengths"})
        inputs.push_back(Json(name));
    return Json(JsonObject{{"format", Json("sentilens-external")},
                           {"format_version", Json(1)},
                           {"name", Json("toy")},
                           {"inputs", Json(inputs)},
                           {"contract", contract.toJson()},
                           {"label_scale", Json("mosi")},
                           {"outputs", Json(outputs)}})
        .dump();
}

// Saves a module whose forward is `body` (TorchScript) with the description for `container`.
void saveModel(const QString &path, const std::string &forward, const std::string &container)
{
    torch::jit::Module module("ToyExternal");
    module.register_parameter("weight", torch::tensor({0.5f}), false);
    module.define(forward);
    module.save(path.toStdString(), {{sl::ml::kDescriptionFile, description(container)}});
}

std::string forwardReturning(const std::string &expression, const char *arguments = kSixInputs)
{
    return std::string("def forward(self, ") + arguments + "):\n    return " + expression + "\n";
}

// A prediction that depends on the input and the weight: mean of the first text dimension.
const std::string kMean = "self.weight * text[:, :, 0].sum(dim=1) / text_lengths.clamp(min=1).to(text.dtype)";

}  // namespace

class TestCliModelFailures : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString project_;

    // Registers the model file as the project's active model and returns its id.
    qint64 activate(const QString &file)
    {
        auto project = sl::store::Project::open(project_);
        sl::store::ModelRecord record;
        record.name = QFileInfo(file).fileName();
        record.architecture = QStringLiteral("external:toy");
        record.filePath = project->storedPath(file);
        const qint64 id = project->models().add(record);
        project->models().setActive(id);
        return id;
    }

    int storedPredictions(qint64 modelId) const
    {
        return int(sl::store::Project::open(project_)->models().predictions(modelId).size());
    }

    // The command failed as a user should see it: exit 1 (not a signal), one message naming the
    // file, no C++ backtrace.
    static void checkCleanFailure(const sl::test::CliResult &result, const QString &file, const char *what)
    {
        const QString err = QString::fromUtf8(result.err);
        qInfo("%s: %s", what, qPrintable(err.trimmed()));
        QVERIFY2(result.exitCode == 1, qPrintable(QStringLiteral("%1: exit %2, %3").arg(QLatin1String(what)).arg(result.exitCode).arg(err)));
        QVERIFY2(err.contains(file), what);
        QVERIFY2(!err.contains(QLatin1String("Exception raised from")) && !err.contains(QLatin1String("frame #")), what);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(qEnvironmentVariable("SENTILENS_CLI")), "SENTILENS_CLI not set");
        project_ = sl::test::buildToyProject(dir_.filePath(QStringLiteral("project")));
    }

    void aWorkingExternalModelPredicts()
    {
        // The baseline the failures are told apart from: the same kind of file, working.
        const QString file = dir_.filePath(QStringLiteral("project/models/good.pt"));
        QDir().mkpath(QFileInfo(file).absolutePath());
        saveModel(file, forwardReturning("{\"prediction\": " + kMean + "}"), "dict");
        const qint64 id = activate(file);
        const auto predict = cli({QStringLiteral("predict"), project_});
        QVERIFY2(predict.exitCode == 0, predict.err.constData());
        QCOMPARE(storedPredictions(id), 24);
        const auto evaluate = cli({QStringLiteral("evaluate"), project_});
        QVERIFY2(evaluate.exitCode == 0, evaluate.err.constData());
    }

    void failingModelsGiveCleanErrors_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("forward");
        QTest::addColumn<QString>("container");
        const auto row = [](const char *name, const std::string &forward, const char *container) {
            QTest::newRow(name) << QString::fromLatin1(name) << QString::fromStdString(forward) << QString::fromLatin1(container);
        };
        row("raises", std::string("def forward(self, ") + kSixInputs +
                          "):\n    assert bool(text_lengths.sum() < 0), \"deliberate failure\"\n    return text[:, 0, 0]\n",
            "tensor");
        row("too-few-arguments", forwardReturning("text[:, 0, 0]", "text"), "tensor");
        row("tensor-not-dict", forwardReturning(kMean), "dict");
        row("dict-not-tuple", forwardReturning("{\"prediction\": " + kMean + "}"), "tuple");
        row("missing-key", forwardReturning("{\"other\": " + kMean + "}"), "dict");
        row("wrong-shape", forwardReturning("text[:, :, 0:2].sum(dim=1)"), "tensor");
        row("nan", forwardReturning(kMean + " * float('nan')"), "tensor");
        row("infinite", forwardReturning(kMean + " + float('inf')"), "tensor");
    }

    void failingModelsGiveCleanErrors()
    {
        QFETCH(QString, name);
        QFETCH(QString, forward);
        QFETCH(QString, container);
        const QString file = dir_.filePath(QStringLiteral("project/models/%1.pt").arg(name));
        saveModel(file, forward.toStdString(), container.toStdString());
        const qint64 id = activate(file);
        checkCleanFailure(cli({QStringLiteral("predict"), project_}), file, "predict");
        checkCleanFailure(cli({QStringLiteral("evaluate"), project_}), file, "evaluate");
        checkCleanFailure(cli({QStringLiteral("explain"), project_, QStringLiteral("--split"), QStringLiteral("test"),
                               QStringLiteral("--steps"), QStringLiteral("2")}),
                          file, "explain");
        QCOMPARE(storedPredictions(id), 0);  // nothing reached the project
        if (name == QLatin1String("nan"))
            QVERIFY(cli({QStringLiteral("predict"), project_}).err.contains("nan"));
    }

    void explainNeedsAGradient()
    {
        // Predicts fine, but its output does not depend on anything with a gradient: integrated
        // gradients' backward pass fails inside LibTorch.
        const QString file = dir_.filePath(QStringLiteral("project/models/constant.pt"));
        saveModel(file, forwardReturning("torch.zeros([text.size(0)])"), "tensor");
        activate(file);
        QCOMPARE(cli({QStringLiteral("predict"), project_}).exitCode, 0);
        checkCleanFailure(cli({QStringLiteral("explain"), project_, QStringLiteral("--split"), QStringLiteral("test"),
                               QStringLiteral("--steps"), QStringLiteral("2")}),
                          file, "explain without gradient");
    }

    void textEncoderWithoutForwardIsRefused()
    {
        // A TorchScript archive with no forward() (here a module with only a helper method, as a
        // .slmodel has none either) given as the text encoder.
        const QString file = dir_.filePath(QStringLiteral("noforward.pt"));
        torch::jit::Module module("NoForward");
        module.define("def helper(self, x):\n    return x\n");
        module.save(file.toStdString());
        QFile vocab(dir_.filePath(QStringLiteral("vocab.txt")));
        QVERIFY(vocab.open(QIODevice::WriteOnly));
        vocab.write("[PAD]\n[UNK]\n[CLS]\n[SEP]\nhello\n");
        vocab.close();
        checkCleanFailure(cli({QStringLiteral("extract"), project_, QStringLiteral("--text-encoder"), file,
                               QStringLiteral("--vocab"), vocab.fileName(), QStringLiteral("--only"), QStringLiteral("text")}),
                          file, "extract --text-encoder");
    }
};

QTEST_GUILESS_MAIN(TestCliModelFailures)
#include "test_cli_model_failures.moc"
