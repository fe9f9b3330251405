#include "core/ml/model_description.h"

namespace sl::ml {

Json ModelDescription::toJson() const
{
    JsonObject metricObject;
    for (const auto &[target, list] : metrics)
        metricObject[target] = metricsToJson(list);
    return Json(JsonObject{{"format", Json(kModelFormat)},
                           {"format_version", Json(kModelFormatVersion)},
                           {"architecture", Json(architecture)},
                           {"config", config.toJson()},
                           {"contract", contract.toJson()},
                           {"label_scale", Json(labelScale)},
                           {"inference", Json(inference)},
                           {"training", training ? training->toJson() : Json()},
                           {"metrics", Json(metricObject)},
                           {"parameter_digest", Json(parameterDigest)},
                           {"input_envelope", envelope ? envelope->toJson() : Json()}});
}

ModelDescription ModelDescription::fromJson(const Json &json)
{
    if (json.value("format", Json("")) != Json(kModelFormat))
        throw JsonError("not a SentiLens model description");
    if (json.at("format_version").toInteger() > kModelFormatVersion)
        throw JsonError("model format version " +
                        std::to_string(json.at("format_version").toInteger()) +
                        " is newer than this SentiLens understands (" +
                        std::to_string(kModelFormatVersion) + ")");
    ModelDescription d;
    d.architecture = json.at("architecture").toString();
    d.config = ModelConfig::fromJson(json.at("config"));
    d.contract = FeatureContract::fromJson(json.at("contract"));
    d.labelScale = json.at("label_scale").toString();
    d.inference = json.value("inference", Json("mean")).toString();
    const Json training = json.value("training", Json());
    if (!training.isNull())
        d.training = TrainingRecord::fromJson(training);
    const Json metrics = json.value("metrics", Json(JsonObject{}));
    for (const auto &[target, list] : metrics.toObject())
        d.metrics[target] = metricsFromJson(list);
    d.parameterDigest = json.value("parameter_digest", Json("")).toString();
    const Json envelope = json.value("input_envelope", Json());
    if (!envelope.isNull())
        d.envelope = InputEnvelope::fromJson(envelope);
    return d;
}

}  // namespace sl::ml
