// libFuzzer target: the JSON contract inside a model file ("sentilens.json"): SentiLens's strict
// JSON parser, then the model description (contract, configuration, training record, metrics).
// The loaders that call these catch std::exception and report it naming the file, so any
// exception is an accepted refusal; a crash or an ASan/UBSan report is a bug, and so is a parsed
// value that does not print back to text that parses to the same value.
#include "core/ml/json.h"
#include "core/ml/model_description.h"

#include <cstddef>
#include <cstdint>
#include <exception>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string text(reinterpret_cast<const char *>(data), size);
    sl::ml::Json json;
    try {
        json = sl::ml::Json::parse(text);
    } catch (const std::exception &) {
        return 0;
    }
    // Whatever parses writes back as the same value (numbers out of double's range are refused).
    if (sl::ml::Json::parse(json.dump()) != json)
        __builtin_trap();
    try {
        const sl::ml::ModelDescription description = sl::ml::ModelDescription::fromJson(json);
        sl::ml::ModelDescription::fromJson(description.toJson());  // what was accepted writes back
    } catch (const std::exception &) {
    }
    return 0;
}
