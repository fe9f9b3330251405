#include "core/ml/input_scaling.h"

#include "core/ml/model.h"

#include <algorithm>
#include <utility>

namespace sl::ml {

FeatureScaling fitFeatureScaling(const torch::Tensor &features, const torch::Tensor &lengths)
{
    const torch::NoGradGuard noGrad;
    const auto options = torch::TensorOptions().dtype(torch::kFloat64);
    const std::int64_t samples = features.size(0), time = features.size(1), dims = features.size(2);
    const torch::Tensor allLengths = lengths.to(torch::kCPU);
    // In double precision (Hz-scale dims summed over many frames lose digits in float), but a
    // chunk of clips at a time: a double copy of a MOSEI-sized split (4 GB of float32) would need
    // 8 GB more than the features themselves.
    constexpr std::int64_t kChunk = 256;
    const auto chunk = [&](std::int64_t first) {
        const std::int64_t count = std::min(kChunk, samples - first);
        const torch::Tensor x = torch::nan_to_num(
            features.narrow(0, first, count).to(torch::kCPU, torch::kFloat64), 0.0, 0.0, 0.0);
        const torch::Tensor mask =
            timeMask(allLengths.narrow(0, first, count), time).to(torch::kFloat64).unsqueeze(-1);
        return std::make_pair(x, mask);
    };
    torch::Tensor sum = torch::zeros({dims}, options);
    double frames = 0;
    for (std::int64_t first = 0; first < samples; first += kChunk) {
        const auto [x, mask] = chunk(first);
        sum += (x * mask).sum(torch::IntArrayRef{0, 1});
        frames += mask.sum().item<double>();
    }
    if (frames < 1)
        return {torch::zeros({dims}, options).to(torch::kFloat32), torch::ones({dims}, options).to(torch::kFloat32)};
    const torch::Tensor mean = sum / frames;
    torch::Tensor squares = torch::zeros({dims}, options);
    for (std::int64_t first = 0; first < samples; first += kChunk) {
        const auto [x, mask] = chunk(first);
        squares += ((x - mean) * mask).pow(2).sum(torch::IntArrayRef{0, 1});
    }
    torch::Tensor scale = (squares / frames).sqrt();
    // Relative floor: a dim whose spread is rounding noise next to its level counts as constant.
    const torch::Tensor constant = scale <= 1e-6 * (mean.abs() + 1.0);
    scale = torch::where(constant, torch::ones_like(scale), scale);
    return {mean.to(torch::kFloat32), scale.to(torch::kFloat32)};
}

}  // namespace sl::ml
