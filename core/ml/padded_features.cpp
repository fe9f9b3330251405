#include "core/ml/padded_features.h"

#include "core/ml/model.h"

#include <ATen/Parallel.h>

#include <cmath>
#include <limits>

namespace sl::ml {

namespace {

torch::Tensor cleanWithTensorOps(const torch::Tensor &features, const torch::Tensor &lengths,
                                 const torch::Tensor &shift, const torch::Tensor &scale)
{
    torch::Tensor x = torch::nan_to_num(features, 0.0, 0.0, 0.0);
    if (shift.defined())
        x = (x - shift) / scale;
    return x * timeMask(lengths, features.size(1)).unsqueeze(-1);
}

// x when finite, else 0; written as a comparison (false for NaN and both infinities) that the
// compiler turns into a vector select, where std::isfinite would keep the loop scalar.
inline float finiteOrZero(float x)
{
    return std::fabs(x) <= std::numeric_limits<float>::max() ? x : 0.0F;
}

// One sample's valid frames: out = (clean(x) - shift) / scale, or clean(x) without scaling.
void cleanFrames(const float *__restrict in, float *__restrict out, std::int64_t frames,
                 std::int64_t dims, const float *__restrict shift, const float *__restrict scale)
{
    const std::int64_t count = frames * dims;
    if (!shift) {
        for (std::int64_t i = 0; i < count; ++i)
            out[i] = finiteOrZero(in[i]);
        return;
    }
    for (std::int64_t f = 0; f < frames; ++f, in += dims, out += dims)
        for (std::int64_t d = 0; d < dims; ++d)
            out[d] = (finiteOrZero(in[d]) - shift[d]) / scale[d];
}

torch::Tensor cleanInOnePass(const torch::Tensor &features, const torch::Tensor &lengths,
                             const torch::Tensor &shift, const torch::Tensor &scale)
{
    const torch::Tensor in = features.contiguous();
    const std::int64_t batch = in.size(0), time = in.size(1), dims = in.size(2);
    torch::Tensor out = torch::empty_like(in);
    const torch::Tensor sampleLengths = lengths.contiguous();
    const torch::Tensor shiftRow = shift.defined() ? shift.to(torch::kFloat32).contiguous() : shift;
    const torch::Tensor scaleRow = scale.defined() ? scale.to(torch::kFloat32).contiguous() : scale;
    const float *source = in.data_ptr<float>();
    float *target = out.data_ptr<float>();
    const std::int64_t *length = sampleLengths.data_ptr<std::int64_t>();
    const float *shiftData = shiftRow.defined() ? shiftRow.data_ptr<float>() : nullptr;
    const float *scaleData = scaleRow.defined() ? scaleRow.data_ptr<float>() : nullptr;
    const std::int64_t sampleSize = time * dims;
    at::parallel_for(0, batch, 1, [&](std::int64_t begin, std::int64_t end) {
        for (std::int64_t b = begin; b < end; ++b) {
            const std::int64_t valid = length[b];
            float *sample = target + b * sampleSize;
            cleanFrames(source + b * sampleSize, sample, valid, dims, shiftData, scaleData);
            std::fill(sample + valid * dims, sample + sampleSize, 0.0F);
        }
    });
    return out;
}

}  // namespace

torch::Tensor cleanPaddedFeatures(const torch::Tensor &features, const torch::Tensor &lengths,
                                  const torch::Tensor &shift, const torch::Tensor &scale)
{
    const bool onePass = features.device().is_cpu() && features.scalar_type() == torch::kFloat32 &&
                         !features.requires_grad() && features.dim() == 3 &&
                         lengths.scalar_type() == torch::kInt64 &&
                         (!shift.defined() || (!shift.requires_grad() && !scale.requires_grad() &&
                                               shift.numel() == features.size(2) &&
                                               scale.numel() == features.size(2)));
    return onePass ? cleanInOnePass(features, lengths, shift, scale)
                   : cleanWithTensorOps(features, lengths, shift, scale);
}

}  // namespace sl::ml
