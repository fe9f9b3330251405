#include "core/ml/evaluation.h"

#include <torch/utils.h>

#include <cmath>
#include <stdexcept>

namespace sl::ml {

namespace {

void append(std::vector<double> &to, const torch::Tensor &values)
{
    const torch::Tensor v = values.detach().to(torch::kCPU, torch::kFloat64).contiguous();
    to.insert(to.end(), v.data_ptr<double>(), v.data_ptr<double>() + v.numel());
}

std::vector<double> toVector(const torch::Tensor &values)
{
    std::vector<double> out;
    append(out, values);
    return out;
}

}  // namespace

MetricScale metricScale(const std::string &labelScale)
{
    if (labelScale == "mosi" || labelScale == "mosei")
        return MetricScale::Mosi;
    if (labelScale == "sims" || labelScale == "simsv2")
        return MetricScale::Sims;
    throw std::invalid_argument("unknown label scale '" + labelScale + "' (use mosi or sims)");
}

Predictions predict(SentimentModel &model, const Dataset &data, BottleneckMode mode,
                    std::int64_t batchSize)
{
    const bool wasTraining = model.is_training();
    model.eval();
    torch::NoGradGuard noGrad;
    Predictions out;
    for (std::int64_t start = 0; start < data.size(); start += batchSize) {
        const torch::Tensor indices =
            torch::arange(start, std::min(start + batchSize, data.size()), torch::kInt64);
        ModelInput input = data.batch(indices);
        input.targets = {};
        const ModelOutput result = model.forward(input, mode);
        append(out.multimodal, result.prediction);
        for (Modality m : kModalities)
            if (result.unimodal[index(m)].defined())
                append(out.unimodal[index(m)], result.unimodal[index(m)]);
    }
    model.train(wasTraining);
    return out;
}

Evaluation evaluate(const Predictions &predictions, const Dataset &data, MetricScale scale)
{
    const std::vector<double> labels = toVector(data.labels);
    if (labels.size() != predictions.multimodal.size())
        throw std::invalid_argument("evaluate: predictions and labels differ in number");
    Evaluation result;
    result.multimodal = mmsaMetrics(scale, predictions.multimodal, labels);
    double sum = 0, squares = 0;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        const double error = predictions.multimodal[i] - labels[i];
        sum += std::abs(error);
        squares += error * error;
    }
    result.loss = labels.empty() ? 0.0 : sum / static_cast<double>(labels.size());
    result.squaredError = labels.empty() ? 0.0 : squares / static_cast<double>(labels.size());
    for (Modality m : kModalities) {
        const torch::Tensor &own = data.unimodalLabels[index(m)];
        if (own.defined() && !predictions.unimodal[index(m)].empty())
            result.unimodal[index(m)] =
                mmsaMetrics(scale, predictions.unimodal[index(m)], toVector(own));
    }
    return result;
}

}  // namespace sl::ml
