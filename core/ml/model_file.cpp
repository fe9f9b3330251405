#include "core/ml/model_file.h"

#include "core/ml/device.h"
#include "core/ml/evaluation.h"
#include "core/ml/external_model.h"
#include "core/ml/model_factory.h"

#include <caffe2/serialize/inline_container.h>
#include <torch/csrc/jit/serialization/import.h>
#include <torch/utils.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>

namespace sl::ml {

namespace {

using Kind = ModelFileError::Kind;

// LibTorch's messages carry C++ backtraces; the first line says what went wrong.
std::string firstLine(const c10::Error &error)
{
    const std::string text = error.what_without_backtrace();
    return text.substr(0, text.find('\n'));
}

std::string hex64(std::uint64_t value)
{
    char buffer[17];
    std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(value));
    return buffer;
}

// Parameters then buffers, in the model's registration order: the order of the digest.
std::vector<std::pair<std::string, torch::Tensor>> namedTensors(const torch::nn::Module &model)
{
    std::vector<std::pair<std::string, torch::Tensor>> tensors;
    for (const auto &item : model.named_parameters())
        tensors.emplace_back(item.key(), item.value());
    for (const auto &item : model.named_buffers())
        tensors.emplace_back(item.key(), item.value());
    return tensors;
}

std::string parameterDigest(const torch::nn::Module &model)
{
    std::uint64_t hash = 1469598103934665603ULL;  // FNV-1a offset basis
    for (const auto &[name, tensor] : namedTensors(model)) {
        const torch::Tensor bytes = tensor.detach().to(torch::kCPU).contiguous();
        const auto *data = static_cast<const unsigned char *>(bytes.data_ptr());
        const std::size_t size = static_cast<std::size_t>(bytes.nbytes());
        for (std::size_t i = 0; i < size; ++i)
            hash = (hash ^ data[i]) * 1099511628211ULL;  // FNV-1a prime
    }
    return hex64(hash);
}

// The same tree of modules, parameters and buffers as a TorchScript module without methods.
torch::jit::Module toScriptModule(const torch::nn::Module &module,
                                  const std::shared_ptr<torch::jit::CompilationUnit> &unit)
{
    torch::jit::Module out(c10::QualifiedName("__torch__.sentilens.Module"), unit,
                           /*shouldMangle=*/true);
    for (const auto &item : module.named_parameters(/*recurse=*/false))
        out.register_parameter(item.key(), item.value().detach().to(torch::kCPU), false);
    for (const auto &item : module.named_buffers(/*recurse=*/false))
        out.register_parameter(item.key(), item.value().detach().to(torch::kCPU), true);
    for (const auto &child : module.named_children())
        out.register_module(child.key(), toScriptModule(*child.value(), unit));
    return out;
}

// Cheap checks before LibTorch sees the file, so that the common failures get plain words: the
// zip signature at the start, and the end-of-central-directory record near the end (a truncated
// archive has lost it).
void checkArchive(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw ModelFileError(Kind::NotFound, path, "cannot open the file");
    char head[4] = {};
    in.read(head, 4);
    if (in.gcount() < 4 || std::memcmp(head, "PK\x03\x04", 4) != 0)
        throw ModelFileError(Kind::NotAnArchive, path,
                             "not a model file (a model is a TorchScript zip archive)");
    in.seekg(0, std::ios::end);
    const std::streamoff size = in.tellg();
    const std::streamoff tail = std::min<std::streamoff>(size, 65536 + 22);
    std::string end(static_cast<std::size_t>(tail), '\0');
    in.seekg(size - tail);
    in.read(end.data(), tail);
    if (end.rfind(std::string("PK\x05\x06", 4)) == std::string::npos)
        throw ModelFileError(Kind::Truncated, path,
                             "the model file is truncated (the archive's end is missing)");
}

// The description JSON: inside the archive, else beside it as "<path>.json". Empty if neither.
std::string readDescriptionText(const std::string &path)
{
    try {
        caffe2::serialize::PyTorchStreamReader reader(path);
        const std::string record = std::string("extra/") + kDescriptionFile;
        if (reader.hasRecord(record)) {
            auto [data, size] = reader.getRecord(record);
            return std::string(static_cast<const char *>(data.get()), size);
        }
    } catch (const c10::Error &error) {
        throw ModelFileError(Kind::Corrupt, path, "damaged archive: " + firstLine(error));
    }
    std::ifstream beside(path + ".json");
    if (!beside)
        return {};
    std::stringstream text;
    text << beside.rdbuf();
    return text.str();
}

Json readDescriptionJson(const std::string &path)
{
    checkArchive(path);
    const std::string text = readDescriptionText(path);
    if (text.empty())
        throw ModelFileError(Kind::Foreign, path,
                             "a PyTorch archive without a SentiLens description (" +
                                 std::string(kDescriptionFile) + " inside, or " + path +
                                 ".json beside it)");
    try {
        return Json::parse(text);
    } catch (const JsonError &error) {
        throw ModelFileError(Kind::Corrupt, path,
                             std::string("the model description is damaged: ") + error.what());
    }
}

torch::jit::Module loadScript(const std::string &path)
{
    try {
        return torch::jit::load(path, torch::Device(torch::kCPU));
    } catch (const c10::Error &error) {
        throw ModelFileError(Kind::Corrupt, path, "cannot read the model: " + firstLine(error));
    }
}

// Copies the archive's tensors into a freshly built model, insisting on the same names and shapes.
void copyTensors(const std::string &path, const torch::jit::Module &script,
                 SentimentModel &model)
{
    std::map<std::string, torch::Tensor> stored;
    for (const auto &item : script.named_parameters())
        stored[item.name] = item.value;
    for (const auto &item : script.named_buffers())
        stored[item.name] = item.value;
    const auto tensors = namedTensors(model);
    if (stored.size() != tensors.size())
        throw ModelFileError(Kind::Corrupt, path,
                             "the file holds " + std::to_string(stored.size()) +
                                 " tensors, the architecture has " +
                                 std::to_string(tensors.size()));
    torch::NoGradGuard noGrad;
    for (const auto &[name, tensor] : tensors) {
        const auto it = stored.find(name);
        if (it == stored.end())
            throw ModelFileError(Kind::Corrupt, path, "tensor '" + name + "' is missing");
        if (it->second.sizes() != tensor.sizes())
            throw ModelFileError(Kind::Corrupt, path, "tensor '" + name + "' has the wrong shape");
        torch::Tensor target = tensor;
        target.copy_(it->second);
    }
}

torch::Device placeModel(SentimentModel &model, const std::string &requested, std::string &note)
{
    const DeviceChoice choice = chooseDevice(requested);
    note = choice.note;
    try {
        model.to(torch::Device(choice.selected));
        return torch::Device(choice.selected);
    } catch (const c10::Error &error) {
        model.to(torch::kCPU);
        note = "CUDA failed (" + firstLine(error) + "); using the CPU";
        return torch::Device(torch::kCPU);
    }
}

void checkContract(const std::string &path, const FeatureContract &model,
                   const LoadOptions &options)
{
    if (!options.project)
        return;
    const std::string mismatch = contractMismatch(model, *options.project);
    if (!mismatch.empty())
        throw ModelFileError(Kind::Incompatible, path, mismatch);
}

LoadedModel loadExternal(const std::string &path, const Json &json, const LoadOptions &options)
{
    ExternalDescription external;
    try {
        external = ExternalDescription::fromJson(json);
    } catch (const JsonError &error) {
        throw ModelFileError(Kind::Corrupt, path,
                             std::string("the external-model description is invalid: ") +
                                 error.what());
    }
    checkContract(path, external.contract, options);
    LoadedModel loaded;
    loaded.external = true;
    const DeviceChoice choice = chooseDevice(options.device);
    loaded.deviceNote = choice.note;
    torch::jit::Module script = loadScript(path);
    torch::Device device(choice.selected);
    try {
        script.to(device);
    } catch (const c10::Error &error) {
        script.to(torch::kCPU);
        device = torch::Device(torch::kCPU);
        loaded.deviceNote = "CUDA failed (" + firstLine(error) + "); using the CPU";
    }
    loaded.model = makeExternalModel(script, external, device);
    loaded.description.architecture = loaded.model->architecture();
    loaded.description.config = loaded.model->config();
    loaded.description.contract = external.contract;
    loaded.description.labelScale = external.labelScale;
    return loaded;
}

ModelDescription parseNative(const std::string &path, const Json &json)
{
    try {
        return ModelDescription::fromJson(json);
    } catch (const JsonError &error) {
        const bool newer = json.contains("format_version") && json.at("format_version").isNumber() &&
                           json.at("format_version").toNumber() > kModelFormatVersion;
        throw ModelFileError(newer ? Kind::Unsupported : Kind::Corrupt, path,
                             std::string("the model description is invalid: ") + error.what());
    }
}

}  // namespace

void saveModel(const std::string &path, SentimentModel &model, ModelDescription description)
{
    if (!model.trainable())
        throw std::invalid_argument("external models are not saved by SentiLens");
    description.architecture = model.architecture();
    description.config = model.config();
    if (description.contract.dims() != model.config().dims)
        throw std::invalid_argument("the feature contract (" + description.contract.describe() +
                                    ") does not match the model's input dims");
    metricScale(description.labelScale);
    description.parameterDigest = parameterDigest(model);

    auto unit = std::make_shared<torch::jit::CompilationUnit>();
    const torch::jit::Module script = toScriptModule(model, unit);
    const std::string temporary = path + ".part";
    try {
        script.save(temporary, {{kDescriptionFile, description.toJson().dump(2)}});
    } catch (const c10::Error &error) {
        std::remove(temporary.c_str());
        throw ModelFileError(Kind::NotFound, path, "cannot write the model: " + firstLine(error));
    }
    if (std::rename(temporary.c_str(), path.c_str()) != 0) {
        std::remove(temporary.c_str());
        throw ModelFileError(Kind::NotFound, path, "cannot move the model file into place");
    }
}

ModelDescription readModelDescription(const std::string &path)
{
    const Json json = readDescriptionJson(path);
    if (json.value("format", Json("")) == Json(kExternalFormat))
        throw ModelFileError(Kind::Foreign, path,
                             "an external TorchScript model, not a SentiLens-trained one");
    return parseNative(path, json);
}

LoadedModel loadModel(const std::string &path, const LoadOptions &options)
{
    const Json json = readDescriptionJson(path);
    const Json format = json.value("format", Json(""));
    if (format == Json(kExternalFormat))
        return loadExternal(path, json, options);
    if (format != Json(kModelFormat))
        throw ModelFileError(Kind::Foreign, path,
                             "the archive's description is not a SentiLens model description");

    LoadedModel loaded;
    loaded.description = parseNative(path, json);
    const ModelDescription &d = loaded.description;
    if (d.contract.dims() != d.config.dims)
        throw ModelFileError(Kind::Corrupt, path,
                             "the feature contract does not match the model's input dims");
    checkContract(path, d.contract, options);
    try {
        loaded.model = createModel(d.architecture, d.config);
    } catch (const std::invalid_argument &error) {
        throw ModelFileError(Kind::Unsupported, path, error.what());
    }
    copyTensors(path, loadScript(path), *loaded.model);
    if (!d.parameterDigest.empty() && parameterDigest(*loaded.model) != d.parameterDigest)
        throw ModelFileError(Kind::Corrupt, path,
                             "the parameters do not match their checksum (damaged file)");
    placeModel(*loaded.model, options.device, loaded.deviceNote);
    loaded.model->eval();
    return loaded;
}

}  // namespace sl::ml
