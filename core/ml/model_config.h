#pragma once
// What an architecture is built from: the feature dims of its inputs plus named numbers (sizes,
// loss weights) and named choices (encoder kind, fusion). A plain map rather than one struct per
// architecture, so that the factory, the CLI and model files can carry any architecture's settings
// the same way. Free of LibTorch.
#include "core/ml/json.h"
#include "core/ml/modality.h"

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace sl::ml {

struct ModelConfig {
    std::array<std::int64_t, kModalityCount> dims{};  // input feature dims, T, A, V
    std::map<std::string, double> numbers;
    std::map<std::string, std::string> choices;

    double number(const std::string &key, double fallback) const;
    std::int64_t integer(const std::string &key, std::int64_t fallback) const;
    std::string choice(const std::string &key, const std::string &fallback) const;

    // Throws std::invalid_argument naming the first key the architecture does not know: a typo
    // would otherwise silently train with the default.
    void requireKnown(const std::string &architecture, const std::vector<std::string> &numberKeys,
                      const std::vector<std::string> &choiceKeys) const;

    Json toJson() const;
    static ModelConfig fromJson(const Json &json);  // throws JsonError on a malformed object
};

}  // namespace sl::ml
