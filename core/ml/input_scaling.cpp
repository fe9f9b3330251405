#include "core/ml/input_scaling.h"

#include "core/ml/model.h"

namespace sl::ml {

FeatureScaling fitFeatureScaling(const torch::Tensor &features, const torch::Tensor &lengths)
{
    const torch::NoGradGuard noGrad;
    const auto options = torch::TensorOptions().dtype(torch::kFloat64);
    const torch::Tensor x = torch::nan_to_num(features.to(torch::kCPU, torch::kFloat64), 0.0, 0.0, 0.0);
    const torch::Tensor mask = timeMask(lengths.to(torch::kCPU), x.size(1)).to(torch::kFloat64).unsqueeze(-1);
    const double frames = mask.sum().item<double>();
    const std::int64_t dims = x.size(2);
    if (frames < 1)
        return {torch::zeros({dims}, options).to(torch::kFloat32), torch::ones({dims}, options).to(torch::kFloat32)};
    // In double precision: Hz-scale dims summed over many frames lose digits in float.
    const torch::Tensor mean = (x * mask).sum(torch::IntArrayRef{0, 1}) / frames;
    const torch::Tensor variance = ((x - mean) * mask).pow(2).sum(torch::IntArrayRef{0, 1}) / frames;
    torch::Tensor scale = variance.sqrt();
    // Relative floor: a dim whose spread is rounding noise next to its level counts as constant.
    const torch::Tensor constant = scale <= 1e-6 * (mean.abs() + 1.0);
    scale = torch::where(constant, torch::ones_like(scale), scale);
    return {mean.to(torch::kFloat32), scale.to(torch::kFloat32)};
}

}  // namespace sl::ml
