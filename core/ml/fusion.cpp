#include "core/ml/fusion.h"

#include <stdexcept>

namespace sl::ml {

FusionKind fusionKind(const std::string &name)
{
    if (name == "concat")
        return FusionKind::Concat;
    if (name == "add")
        return FusionKind::Add;
    if (name == "multiply")
        return FusionKind::Multiply;
    if (name == "tensor")
        return FusionKind::Tensor;
    throw std::invalid_argument("unknown fusion '" + name +
                                "' (use concat, add, multiply or tensor)");
}

FusionImpl::FusionImpl(std::int64_t size, FusionKind kind) : size_(size), kind_(kind) { reset(); }

void FusionImpl::reset()
{
    linear_ = nullptr;
    dropout_ = nullptr;
    second_ = third_ = nullptr;
    if (kind_ == FusionKind::Concat) {
        linear_ = register_module("linear", torch::nn::Linear(3 * size_, size_));
    } else if (kind_ == FusionKind::Tensor) {
        dropout_ = register_module("dropout", torch::nn::Dropout(0.5));
        linear_ = register_module("linear",
                                  torch::nn::Linear((size_ + 1) * (size_ + 1) * (size_ + 1), size_));
        second_ = register_module("linear2", torch::nn::Linear(size_, size_));
        third_ = register_module("linear3", torch::nn::Linear(size_, size_));
    }
}

torch::Tensor FusionImpl::forward(const std::array<torch::Tensor, 3> &v,
                                  const std::array<torch::Tensor, 3> &present)
{
    switch (kind_) {
    case FusionKind::Concat:
        return torch::relu(linear_->forward(torch::cat({v[0], v[1], v[2]}, 1)));
    case FusionKind::Add:
        return v[0] + v[1] + v[2];
    case FusionKind::Multiply: {
        torch::Tensor product = torch::ones_like(v[0]);
        for (std::size_t m = 0; m < 3; ++m) {
            const torch::Tensor p = present[m].unsqueeze(1);
            product = product * (v[m] * p + (1 - p));
        }
        return product;
    }
    case FusionKind::Tensor: {
        const auto withOne = [](const torch::Tensor &x) {
            return torch::cat({x, torch::ones({x.size(0), 1}, x.options())}, 1);
        };
        const std::int64_t batch = v[0].size(0);
        const torch::Tensor ta = torch::einsum("bi,bj->bij", {withOne(v[0]), withOne(v[1])});
        const torch::Tensor tav =
            torch::einsum("bij,bk->bijk", {ta, withOne(v[2])}).reshape({batch, -1});
        const torch::Tensor first = linear_->forward(dropout_->forward(tav));
        return torch::relu(third_->forward(torch::tanh(second_->forward(first))));
    }
    }
    throw std::logic_error("FusionImpl: unhandled kind");
}

}  // namespace sl::ml
