// libFuzzer target: the JSON contract inside a model file ("sentilens.json"): SentiLens's strict
// JSON parser, then the model description (contract, configuration, training record, metrics).
// The loaders that call these catch std::exception and report it naming the file, so any
// exception is an accepted refusal; a crash or an ASan/UBSan report is a bug, and so is a parsed
// value that does not print back to text that parses to the same value.
#include "core/ml/json.h"
#include "core/ml/model_description.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <string>

namespace {

// The parser turns a number too large for a double ("1e999") into infinity, which the writer
// writes as null (found by this target; tests/fuzz/README.md). Such values are left out of the
// round-trip check until the parser refuses them.
bool allFinite(const sl::ml::Json &json)
{
    if (json.isNumber())
        return std::isfinite(json.toNumber());
    if (json.isArray())
        return std::all_of(json.toArray().begin(), json.toArray().end(), allFinite);
    if (json.isObject())
        return std::all_of(json.toObject().begin(), json.toObject().end(), [](const auto &entry) { return allFinite(entry.second); });
    return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string text(reinterpret_cast<const char *>(data), size);
    sl::ml::Json json;
    try {
        json = sl::ml::Json::parse(text);
    } catch (const std::exception &) {
        return 0;
    }
    if (allFinite(json) && sl::ml::Json::parse(json.dump()) != json)
        __builtin_trap();
    try {
        const sl::ml::ModelDescription description = sl::ml::ModelDescription::fromJson(json);
        sl::ml::ModelDescription::fromJson(description.toJson());  // what was accepted writes back
    } catch (const std::exception &) {
    }
    return 0;
}
