#include "core/ml/variational.h"

#include <stdexcept>

namespace sl::ml {

VariationalBottleneckImpl::VariationalBottleneckImpl(const VariationalBottleneckOptions &options)
    : options_(options)
{
    if (options_.inputs() < 1 || options_.hidden() < 1 || options_.latent() < 1 ||
        options_.predictions() < 0)
        throw std::invalid_argument("VariationalBottleneck: sizes must be positive");
    reset();
}

void VariationalBottleneckImpl::reset()
{
    encoder_ = register_module("encoder", torch::nn::Linear(options_.inputs(), options_.hidden()));
    meanHead_ = register_module("mean", torch::nn::Linear(options_.hidden(), options_.latent()));
    stdHead_ = register_module("std", torch::nn::Linear(options_.hidden(), options_.latent()));
    decoder_ = nullptr;
    if (options_.predictions() > 0)
        decoder_ = register_module("decoder",
                                   torch::nn::Linear(options_.latent(), options_.predictions()));
}

BottleneckOutput VariationalBottleneckImpl::forward(const torch::Tensor &x, BottleneckMode mode)
{
    const torch::Tensor h = torch::relu(encoder_->forward(x));
    BottleneckOutput out;
    out.mean = meanHead_->forward(h);
    out.std = torch::softplus(stdHead_->forward(h) - options_.std_shift());
    out.z = mode == BottleneckMode::Mean ? out.mean
                                         : out.mean + out.std * torch::randn_like(out.std);
    if (decoder_)
        out.prediction = decoder_->forward(out.z);
    return out;
}

namespace {
torch::Tensor reduced(const torch::Tensor &elements, KlReduction reduction)
{
    switch (reduction) {
    case KlReduction::Mean:
        return elements.mean();
    case KlReduction::Sum:
        return elements.sum();
    case KlReduction::None:
        break;
    }
    return elements;
}
}  // namespace

torch::Tensor klToStandardNormal(const torch::Tensor &mean, const torch::Tensor &std,
                                 KlReduction reduction)
{
    return reduced(0.5 * (mean.pow(2) + std.pow(2) - 2 * std.log() - 1), reduction);
}

torch::Tensor klDiagonalGaussians(const torch::Tensor &mean1, const torch::Tensor &std1,
                                  const torch::Tensor &mean2, const torch::Tensor &std2,
                                  KlReduction reduction)
{
    const torch::Tensor elements = (std2 / std1).log() +
                                   (std1.pow(2) + (mean1 - mean2).pow(2)) / (2 * std2.pow(2)) - 0.5;
    return reduced(elements, reduction);
}

torch::Tensor bottleneckLoss(const BottleneckOutput &output, const torch::Tensor &target,
                             double beta)
{
    TORCH_CHECK(output.prediction.defined(), "bottleneckLoss: the bottleneck has no decoder");
    return torch::l1_loss(output.prediction, target.view_as(output.prediction)) +
           beta * klToStandardNormal(output.mean, output.std);
}

}  // namespace sl::ml
