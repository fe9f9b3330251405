// Model files (core/ml/model_file.h): save -> load gives identical predictions for every
// architecture, a different feature contract is refused naming both, damaged and foreign files
// give clear errors, and external TorchScript models built here with define() load and run.
#include "core/ml/model_factory.h"
#include "core/ml/external_model.h"
#include "core/ml/model_file.h"
#include "tests/ml/architecture_rows.h"
#include "tests/ml/synthetic_data.h"

#include <torch/csrc/jit/api/module.h>

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

using namespace sl::ml;

namespace {

const std::array<std::int64_t, 3> kDims{6, 5, 4};

FeatureContract contract(const std::array<std::int64_t, 3> &dims)
{
    FeatureContract c;
    c[Modality::Text] = {dims[0], "toy-text", "1"};
    c[Modality::Audio] = {dims[1], "toy-audio", "2"};
    c[Modality::Visual] = {dims[2], "", ""};
    return c;
}

std::string readAll(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

void writeAll(const std::string &path, const std::string &bytes)
{
    std::ofstream(path, std::ios::binary) << bytes;
}

ModelInput input()
{
    SyntheticSpec spec;
    spec.samples = 6;
    ModelInput in = makeSyntheticDataset(spec).batch(torch::arange(6));
    in.targets = {};
    return in;
}

ModelFileError::Kind loadError(const std::string &path, const LoadOptions &options = {})
{
    try {
        loadModel(path, options);
    } catch (const ModelFileError &error) {
        qInfo("%s", error.what());
        return error.kind();
    }
    return ModelFileError::Kind(-1);
}

// A TorchScript module taking the six SentiLens inputs, returning a dict with a prediction, a
// text score and a mask.
torch::jit::Module toyScript()
{
    torch::jit::Module m("ToyExternal");
    m.register_parameter("weight", torch::tensor({0.5f}), false);
    m.define(R"JIT(
def forward(self, text, text_lengths, audio, audio_lengths, visual, visual_lengths):
    count = text_lengths.clamp(min=1).to(text.dtype)
    t = text[:, :, 0].sum(dim=1) / count
    a = audio[:, :, 0].sum(dim=1) / audio_lengths.clamp(min=1).to(audio.dtype)
    mask = torch.sigmoid(text.sum(dim=1))
    return {"prediction": self.weight * t + a, "text": t, "mask": mask}
)JIT");
    return m;
}

std::string toyDescription(const std::string &container)
{
    Json outputs = Json(JsonObject{{"container", Json(container)},
                                   {"multimodal", Json("prediction")},
                                   {"unimodal", Json(JsonObject{{"text", Json("text")}})},
                                   {"internals", Json(JsonObject{{"causal.mask", Json("mask")}})}});
    return Json(JsonObject{{"format", Json(kExternalFormat)},
                           {"format_version", Json(1)},
                           {"name", Json("toy")},
                           {"inputs", Json(JsonArray{Json("text"), Json("text_lengths"),
                                                     Json("audio"), Json("audio_lengths"),
                                                     Json("visual"), Json("visual_lengths")})},
                           {"contract", contract(kDims).toJson()},
                           {"label_scale", Json("mosi")},
                           {"outputs", outputs}})
        .dump();
}

}  // namespace

class TestModelFile : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    std::string path(const char *name) const { return dir_.filePath(name).toStdString(); }

    // A saved e-mib model for the damage tests.
    std::string savedModel(const char *name)
    {
        torch::manual_seed(5);
        auto model = createModel("e-mib", tinyConfig("e-mib", kDims));
        ModelDescription d;
        d.contract = contract(kDims);
        d.labelScale = "mosi";
        saveModel(path(name), *model, d);
        return path(name);
    }

private Q_SLOTS:
    void inputScalingTravelsWithTheFile()
    {
        ModelConfig config = tinyConfig("l-mib", kDims);
        config.choices[kInputScalingKey] = kInputScalingStandardise;
        torch::manual_seed(5);
        auto model = createModel("l-mib", config);
        model->eval();
        for (Modality m : kModalities)
            model->setInputScaling(m, {torch::rand({kDims[index(m)]}), torch::rand({kDims[index(m)]}) + 0.5});
        ModelDescription d;
        d.contract = contract(kDims);
        d.labelScale = "mosi";
        const std::string file = path("scaled.slm");
        saveModel(file, *model, d);
        const LoadedModel loaded = loadModel(file);
        QVERIFY(loaded.model->scalesInputs());
        for (Modality m : kModalities)
            QVERIFY(torch::equal(loaded.model->inputScaling(m).scale, model->inputScaling(m).scale));
        QVERIFY(torch::equal(loaded.model->forward(input()).prediction, model->forward(input()).prediction));
    }

    void saveLoadSamePredictions_data() { addArchitectureRows(); }

    void saveLoadSamePredictions()
    {
        QFETCH(QString, arch);
        torch::manual_seed(5);
        auto model = createModel(arch.toStdString(), tinyConfig(arch.toStdString(), kDims));
        model->eval();
        ModelDescription d;
        d.contract = contract(kDims);
        d.labelScale = "sims";
        TrainingRecord record;
        record.labelSnapshot = "snapshot-42";
        record.seed = 18446744073709551615ULL;
        d.training = record;
        d.metrics["M"] = {{"Mult_acc_2", 0.75}, {"MAE", 0.5}};
        const std::string file = path("model.slm");
        saveModel(file, *model, d);

        const LoadedModel loaded = loadModel(file);
        QVERIFY(!loaded.external);
        QCOMPARE(loaded.model->architecture(), arch.toStdString());
        const ModelOutput a = model->forward(input()), b = loaded.model->forward(input());
        QVERIFY(torch::equal(a.prediction, b.prediction));
        for (Modality m : kModalities)
            QVERIFY(!a.unimodal[index(m)].defined() ||
                    torch::equal(a.unimodal[index(m)], b.unimodal[index(m)]));
        const ModelDescription back = readModelDescription(file);
        QCOMPARE(back.training->labelSnapshot, std::string("snapshot-42"));
        QCOMPARE(back.training->seed, record.seed);
        QVERIFY(back.metrics.at("M") == d.metrics.at("M"));
        QCOMPARE(back.contract.describe(), d.contract.describe());
        QCOMPARE(back.config.numbers, model->config().numbers);
    }

    void otherContractIsRefused()
    {
        const std::string file = savedModel("contract.slm");
        FeatureContract project = contract({6, 74, 4});
        const LoadOptions options{"cpu", &project};
        QCOMPARE(loadError(file, options), ModelFileError::Kind::Incompatible);
        try {
            loadModel(file, options);
        } catch (const ModelFileError &error) {
            const std::string message = error.what();
            QVERIFY(message.find("audio 5 (toy-audio 2)") != std::string::npos);
            QVERIFY(message.find("audio 74 (toy-audio 2)") != std::string::npos);
        }
        project = contract(kDims);
        project[Modality::Text].version = "9";
        QCOMPARE(loadError(file, options), ModelFileError::Kind::Incompatible);
        project[Modality::Text].version = "";  // unknown matches anything
        QVERIFY(loadModel(file, options).model != nullptr);
    }

    void damagedAndForeignFiles()
    {
        const std::string good = readAll(savedModel("good.slm"));
        QCOMPARE(loadError(path("missing.slm")), ModelFileError::Kind::NotFound);

        writeAll(path("text.slm"), "this is not a model\n");
        QCOMPARE(loadError(path("text.slm")), ModelFileError::Kind::NotAnArchive);

        writeAll(path("truncated.slm"), good.substr(0, good.size() / 2));
        QCOMPARE(loadError(path("truncated.slm")), ModelFileError::Kind::Truncated);

        // Flip bytes inside the largest stored tensor (the tensors sit in the middle).
        std::string flipped = good;
        for (std::size_t i = good.size() / 3; i < good.size() / 3 + 64; ++i)
            flipped[i] = static_cast<char>(flipped[i] ^ 0x5A);
        writeAll(path("flipped.slm"), flipped);
        QCOMPARE(loadError(path("flipped.slm")), ModelFileError::Kind::Corrupt);

        // A valid TorchScript archive without a SentiLens description.
        toyScript().save(path("bare.pt"));
        QCOMPARE(loadError(path("bare.pt")), ModelFileError::Kind::Foreign);
    }

    void externalModelWithDescriptionInside()
    {
        toyScript().save(path("toy.pt"), {{kDescriptionFile, toyDescription("dict")}});
        const LoadedModel loaded = loadModel(path("toy.pt"));
        QVERIFY(loaded.external);
        QVERIFY(!loaded.model->trainable());
        QCOMPARE(loaded.model->architecture(), std::string("external:toy"));
        const ModelInput in = input();
        const ModelOutput out = loaded.model->forward(in);
        const torch::Tensor text = in[Modality::Text].features.select(2, 0).sum(1) /
                                   in[Modality::Text].lengths.clamp_min(1);
        const torch::Tensor audio = in[Modality::Audio].features.select(2, 0).sum(1) /
                                    in[Modality::Audio].lengths.clamp_min(1);
        QVERIFY(torch::allclose(out.prediction, 0.5 * text + audio));
        QVERIFY(torch::allclose(out.unimodal[index(Modality::Text)], text));
        QCOMPARE(out.internals.at("causal.mask").sizes(), torch::IntArrayRef({6, 6}));
        // A missing modality reaches the script as one zero frame of length 0.
        ModelInput noAudio = in;
        noAudio[Modality::Audio] = ModalityInput{{}, {}, false};
        QVERIFY(torch::allclose(loaded.model->forward(noAudio).prediction, 0.5 * text));
    }

    void externalModelWithDescriptionBeside()
    {
        toyScript().save(path("beside.pt"));
        writeAll(path("beside.pt") + ".json", toyDescription("dict"));
        QVERIFY(loadModel(path("beside.pt")).external);
        FeatureContract project = contract({7, 5, 4});
        const LoadOptions options{"cpu", &project};
        QCOMPARE(loadError(path("beside.pt"), options), ModelFileError::Kind::Incompatible);
        writeAll(path("beside.pt") + ".json", "{\"format\": \"sentilens-external\"");
        QCOMPARE(loadError(path("beside.pt")), ModelFileError::Kind::Corrupt);
    }
};

QTEST_GUILESS_MAIN(TestModelFile)
#include "test_model_file.moc"
