#pragma once
// Saving and loading models as single files.
//
// A SentiLens model file is a TorchScript archive (the zip format torch::jit::save writes):
// the parameters and buffers as a module tree mirroring the model's, plus the extra file
// "sentilens.json" with the ModelDescription (architecture, config, feature contract, label
// scale, training record, metrics). Why this format: the same loader (torch::jit::load with
// extra files) opens it and the TorchScript files exported from PyTorch, Python can open it
// too (torch.jit.load, with _extra_files for the JSON), the description can be read without
// touching the tensors, and the zip's central directory makes truncation detectable. Damaged
// tensor bytes are caught by the parameter digest in the description.
//
// loadModel also accepts external TorchScript models described by external_model.h.
#include "core/ml/feature_contract.h"
#include "core/ml/model.h"
#include "core/ml/model_description.h"

#include <memory>
#include <stdexcept>
#include <string>

namespace sl::ml {

inline constexpr const char *kDescriptionFile = "sentilens.json";

class ModelFileError : public std::runtime_error {
public:
    enum class Kind {
        NotFound,      // no such file, or unreadable
        NotAnArchive,  // not a zip/TorchScript archive at all (text, image, pickle...)
        Truncated,     // the archive ends early
        Corrupt,       // the archive or its description or tensors are damaged
        Foreign,       // a valid archive, but no SentiLens description
        Unsupported,   // a SentiLens file this build cannot use (newer format, architecture)
        Incompatible,  // the model's feature contract does not match the project's
    };
    ModelFileError(Kind kind, const std::string &path, const std::string &message)
        : std::runtime_error(path + ": " + message), kind_(kind) {}
    Kind kind() const { return kind_; }

private:
    Kind kind_;
};

// Writes `model` with `description` to `path` (through a temporary file renamed into place, so a
// crash never leaves half a file under the real name). The description's architecture and config
// are taken from the model; its contract dims must equal the model's input dims.
// Throws ModelFileError (NotFound when the file cannot be written) or std::invalid_argument.
void saveModel(const std::string &path, SentimentModel &model, ModelDescription description);

struct LoadedModel {
    std::shared_ptr<SentimentModel> model;  // in eval mode
    ModelDescription description;           // for an external model: filled from its JSON
    bool external = false;
    std::string deviceNote;                 // set when the device asked for was not available
};

struct LoadOptions {
    std::string device = "cpu";                     // "auto", "cpu", "cuda", "cuda:N"
    const FeatureContract *project = nullptr;       // when set, a mismatch is refused
};

// Throws ModelFileError with the matching kind and a message that says what is wrong.
LoadedModel loadModel(const std::string &path, const LoadOptions &options = {});

// Only the description (no tensors are read); throws ModelFileError like loadModel.
ModelDescription readModelDescription(const std::string &path);

}  // namespace sl::ml
