#include "core/ml/training_record.h"

#include <chrono>
#include <cmath>
#include <ctime>

namespace sl::ml {

Json metricsToJson(const MetricList &metrics)
{
    JsonArray array;
    for (const auto &[name, value] : metrics) {
        // Built element by element: GCC 12 warns falsely about a braced list of Json here.
        JsonArray pair;
        pair.push_back(Json(name));
        pair.push_back(Json(value));
        array.push_back(Json(std::move(pair)));
    }
    return Json(array);
}

MetricList metricsFromJson(const Json &json)
{
    MetricList metrics;
    for (const Json &pair : json.toArray()) {
        const JsonArray &p = pair.toArray();
        if (p.size() != 2)
            throw JsonError("a metric must be a [name, value] pair");
        // NaN (an empty subset) was written as null.
        metrics.emplace_back(p[0].toString(), p[1].isNull() ? std::nan("") : p[1].toNumber());
    }
    return metrics;
}

std::string utcTimestamp()
{
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    gmtime_r(&now, &utc);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return buffer;
}

Json TrainingRecord::toJson() const
{
    return Json(JsonObject{
        {"architecture", Json(architecture)},
        {"config", config.toJson()},
        {"hyperparameters", hyperparameters},
        // As a string: a 64-bit seed does not survive a JSON double.
        {"seed", Json(std::to_string(seed))},
        {"threads", Json(threads)},
        {"label_snapshot", Json(labelSnapshot)},
        {"label_scale", Json(labelScale)},
        {"device", Json(device)},
        {"device_note", Json(deviceNote)},
        {"libtorch_version", Json(libtorchVersion)},
        {"started_at", Json(startedAt)},
        {"finished_at", Json(finishedAt)},
        {"seconds", Json(seconds)},
        {"train_samples", Json(trainSamples)},
        {"validation_samples", Json(validationSamples)},
        {"epochs_run", Json(epochsRun)},
        {"best_epoch", Json(bestEpoch)},
        {"steps", Json(steps)},
        {"stop_reason", Json(stopReason)},
        {"validation_metrics", metricsToJson(validationMetrics)},
        {"validation_loss", Json(validationLoss)},
    });
}

TrainingRecord TrainingRecord::fromJson(const Json &json)
{
    TrainingRecord r;
    r.architecture = json.at("architecture").toString();
    r.config = ModelConfig::fromJson(json.at("config"));
    r.hyperparameters = json.value("hyperparameters", Json());
    r.seed = std::stoull(json.at("seed").toString());
    r.threads = static_cast<int>(json.at("threads").toInteger());
    r.labelSnapshot = json.at("label_snapshot").toString();
    r.labelScale = json.at("label_scale").toString();
    r.device = json.at("device").toString();
    r.deviceNote = json.value("device_note", Json("")).toString();
    r.libtorchVersion = json.value("libtorch_version", Json("")).toString();
    r.startedAt = json.at("started_at").toString();
    r.finishedAt = json.at("finished_at").toString();
    r.seconds = json.at("seconds").toNumber();
    r.trainSamples = json.at("train_samples").toInteger();
    r.validationSamples = json.at("validation_samples").toInteger();
    r.epochsRun = static_cast<int>(json.at("epochs_run").toInteger());
    r.bestEpoch = static_cast<int>(json.at("best_epoch").toInteger());
    r.steps = json.at("steps").toInteger();
    r.stopReason = json.at("stop_reason").toString();
    r.validationMetrics = metricsFromJson(json.at("validation_metrics"));
    const Json loss = json.at("validation_loss");
    r.validationLoss = loss.isNull() ? std::nan("") : loss.toNumber();
    return r;
}

}  // namespace sl::ml
