#include "core/ml/model_config.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace sl::ml {

double ModelConfig::number(const std::string &key, double fallback) const
{
    const auto it = numbers.find(key);
    return it == numbers.end() ? fallback : it->second;
}

std::int64_t ModelConfig::integer(const std::string &key, std::int64_t fallback) const
{
    const double value = number(key, static_cast<double>(fallback));
    if (value != std::floor(value))
        throw std::invalid_argument("model setting '" + key + "' must be a whole number");
    return static_cast<std::int64_t>(value);
}

std::string ModelConfig::choice(const std::string &key, const std::string &fallback) const
{
    const auto it = choices.find(key);
    return it == choices.end() ? fallback : it->second;
}

void ModelConfig::requireKnown(const std::string &architecture,
                               const std::vector<std::string> &numberKeys,
                               const std::vector<std::string> &choiceKeys) const
{
    const auto check = [&](const auto &map, const std::vector<std::string> &known) {
        for (const auto &entry : map)
            if (std::find(known.begin(), known.end(), entry.first) == known.end())
                throw std::invalid_argument("architecture '" + architecture +
                                            "' has no setting '" + entry.first + "'");
    };
    check(numbers, numberKeys);
    check(choices, choiceKeys);
}

Json ModelConfig::toJson() const
{
    JsonObject dimObject, numberObject, choiceObject;
    for (Modality m : kModalities)
        dimObject[modalityName(m)] = Json(dims[index(m)]);
    for (const auto &[key, value] : numbers)
        numberObject[key] = Json(value);
    for (const auto &[key, value] : choices)
        choiceObject[key] = Json(value);
    return Json(JsonObject{{"dims", Json(dimObject)},
                           {"numbers", Json(numberObject)},
                           {"choices", Json(choiceObject)}});
}

ModelConfig ModelConfig::fromJson(const Json &json)
{
    ModelConfig config;
    for (Modality m : kModalities)
        config.dims[index(m)] = json.at("dims").at(modalityName(m)).toInteger();
    // Held in locals: value() returns a copy, which must outlive the loops over its members.
    const Json numbers = json.value("numbers", Json(JsonObject{}));
    const Json choices = json.value("choices", Json(JsonObject{}));
    for (const auto &[key, value] : numbers.toObject())
        config.numbers[key] = value.toNumber();
    for (const auto &[key, value] : choices.toObject())
        config.choices[key] = value.toString();
    return config;
}

}  // namespace sl::ml
