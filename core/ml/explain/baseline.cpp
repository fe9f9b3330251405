#include "core/ml/explain/baseline.h"

#include <stdexcept>

namespace sl::ml::explain {

std::string baselineName(BaselineKind kind)
{
    return kind == BaselineKind::Mean ? "mean" : "zeros";
}

std::optional<BaselineKind> baselineFromName(const std::string &name)
{
    if (name == "zeros")
        return BaselineKind::Zeros;
    if (name == "mean")
        return BaselineKind::Mean;
    return std::nullopt;
}

Baseline makeBaseline(BaselineKind kind, const std::array<std::int64_t, kModalityCount> &dims,
                      const Dataset *reference)
{
    if (kind == BaselineKind::Mean && !reference)
        throw std::invalid_argument("the mean baseline needs a reference dataset (the training split)");
    Baseline baseline;
    baseline.kind = kind;
    for (Modality m : kModalities) {
        torch::Tensor values = torch::zeros({dims[index(m)]});
        if (kind == BaselineKind::Mean && reference->features[index(m)].defined()) {
            const torch::Tensor &features = reference->features[index(m)];
            if (features.size(2) != dims[index(m)])
                throw std::invalid_argument("the reference " + modalityName(m) + " features have " +
                                            std::to_string(features.size(2)) + " dims, the model expects " +
                                            std::to_string(dims[index(m)]));
            const torch::Tensor mask =
                timeMask(reference->lengths[index(m)], features.size(1)).unsqueeze(-1);
            const torch::Tensor frames = mask.sum();
            if (frames.item<double>() > 0)
                values = ((features.to(torch::kFloat32) * mask).sum(torch::IntArrayRef{0, 1}) / frames).cpu();
        }
        baseline.values[index(m)] = values;
    }
    return baseline;
}

torch::Tensor baselineFeatures(const torch::Tensor &features, const torch::Tensor &lengths,
                               const torch::Tensor &baselineVector)
{
    const torch::Tensor mask = timeMask(lengths.to(features.device()), features.size(1)).unsqueeze(-1);
    return mask * baselineVector.to(features.device(), features.scalar_type()).view({1, 1, -1});
}

ModelInput clipsInput(const Dataset &data, const torch::Tensor &indices)
{
    ModelInput input = data.batch(indices);
    input.targets = {};
    return input;
}

}  // namespace sl::ml::explain
