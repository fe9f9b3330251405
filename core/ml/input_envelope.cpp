#include "core/ml/input_envelope.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace sl::ml {

namespace {

JsonArray numbers(const std::vector<double> &values)
{
    JsonArray array;
    array.reserve(values.size());
    for (double v : values)
        array.emplace_back(v);
    return array;
}

std::vector<double> numbersFrom(const Json &json, const std::string &what)
{
    std::vector<double> values;
    for (const Json &v : json.toArray()) {
        const double number = v.toNumber();
        if (!std::isfinite(number))
            throw JsonError("envelope " + what + " holds a value that is not a finite number");
        values.push_back(number);
    }
    return values;
}

Json modalityJson(const ModalityEnvelope &e)
{
    return Json(JsonObject{{"centre", Json(numbers(e.centre))},
                           {"spread", Json(numbers(e.spread))},
                           {"threshold", Json(e.threshold)},
                           {"train_clips", Json(e.trainClips)},
                           {"calibration_clips", Json(e.calibrationClips)},
                           {"calibration_flagged", Json(e.calibrationFlagged)}});
}

ModalityEnvelope modalityFromJson(const Json &json, const std::string &name)
{
    ModalityEnvelope e;
    e.centre = numbersFrom(json.at("centre"), name + " centre");
    e.spread = numbersFrom(json.at("spread"), name + " spread");
    if (e.centre.empty() || e.centre.size() != e.spread.size() || e.centre.size() % 2 != 0)
        throw JsonError("envelope of " + name + ": centre and spread must have the same even, non-zero length");
    for (double s : e.spread)
        if (!(s > 0))
            throw JsonError("envelope of " + name + ": every spread must be positive");
    e.threshold = json.at("threshold").toNumber();
    if (!std::isfinite(e.threshold) || e.threshold < 0)
        throw JsonError("envelope of " + name + ": the threshold must be a finite number >= 0");
    e.trainClips = int(json.value("train_clips", Json(0)).toInteger());
    e.calibrationClips = int(json.value("calibration_clips", Json(0)).toInteger());
    e.calibrationFlagged = int(json.value("calibration_flagged", Json(0)).toInteger());
    return e;
}

}  // namespace

double ModalityEnvelope::distance(const std::vector<double> &pooled) const
{
    if (pooled.size() != centre.size())
        throw std::invalid_argument("the envelope has " + std::to_string(centre.size()) + " pooled values, the clip " +
                                    std::to_string(pooled.size()));
    double sum = 0;
    for (std::size_t i = 0; i < pooled.size(); ++i) {
        const double z = (pooled[i] - centre[i]) / spread[i];
        sum += z * z;
    }
    return std::sqrt(sum / double(pooled.size()));
}

Json InputEnvelope::toJson() const
{
    JsonObject perModality;
    for (Modality m : kModalities)
        if (const auto &e = modalities[index(m)])
            perModality[modalityName(m)] = modalityJson(*e);
    return Json(JsonObject{{"statistic", Json("rms-standardised-pooled-mean-std")},
                           {"false_alarm_target", Json(falseAlarmTarget)},
                           {"calibration_split", Json(calibrationSplit)},
                           {"modalities", Json(perModality)}});
}

InputEnvelope InputEnvelope::fromJson(const Json &json)
{
    const std::string statistic = json.at("statistic").toString();
    if (statistic != "rms-standardised-pooled-mean-std")
        throw JsonError("unknown envelope statistic '" + statistic + "'");
    InputEnvelope envelope;
    envelope.falseAlarmTarget = json.at("false_alarm_target").toNumber();
    envelope.calibrationSplit = json.value("calibration_split", Json("train+valid")).toString();
    const Json &perModality = json.at("modalities");
    for (Modality m : kModalities)
        if (perModality.contains(modalityName(m)))
            envelope.modalities[index(m)] = modalityFromJson(perModality.at(modalityName(m)), modalityName(m));
    return envelope;
}

bool EnvelopeVerdict::anyOutside() const
{
    return std::any_of(outside.begin(), outside.end(), [](bool o) { return o; });
}

std::string EnvelopeVerdict::outsideCodes() const
{
    std::string codes;
    for (Modality m : kModalities)
        if (outside[index(m)])
            codes += (codes.empty() ? "" : ", ") + modalityCode(m);
    return codes;
}

double calibratedThreshold(std::vector<double> distances, double falseAlarmTarget)
{
    if (distances.empty())
        throw std::invalid_argument("no distances to calibrate the envelope's threshold on");
    std::sort(distances.begin(), distances.end());
    const double n = double(distances.size());
    // The k-th smallest with k = ceil((1 - target) n): at most target * n distances lie above it.
    // The small tolerance keeps (1 - 0.01) * 100 from landing on 99.000000000000014.
    std::size_t k = std::size_t(std::ceil((1.0 - falseAlarmTarget) * n - 1e-9));
    k = std::clamp<std::size_t>(k, 1, distances.size());
    return distances[k - 1];
}

std::string modalityCode(Modality m)
{
    static const std::array<const char *, kModalityCount> codes = {"T", "A", "V"};
    return codes[index(m)];
}

}  // namespace sl::ml
