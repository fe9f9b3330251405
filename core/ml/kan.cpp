#include "core/ml/kan.h"

#include <stdexcept>

namespace sl::ml {

KanImpl::KanImpl(const KanOptions &options) : options_(options)
{
    if (options_.widths().size() < 2)
        throw std::invalid_argument("Kan: needs at least two widths (inputs and outputs)");
    reset();
}

void KanImpl::reset()
{
    act_fun_ = register_module("act_fun", torch::nn::ModuleList());
    const std::vector<std::int64_t> &widths = options_.widths();
    for (std::size_t l = 0; l + 1 < widths.size(); ++l) {
        KanLayer layer(KanLayerOptions(widths[l], widths[l + 1]).spline(options_.spline()));
        act_fun_->push_back(layer);
    }
}

void KanImpl::updateGridsFromSamples(const torch::Tensor &x)
{
    torch::NoGradGuard noGrad;
    torch::Tensor input = x;
    for (std::size_t l = 0; l < layerCount(); ++l) {
        layer(l).updateGridFromSamples(input);
        input = layer(l).forward(input).output;
    }
}

KanLayerImpl &KanImpl::layer(std::size_t index)
{
    return *act_fun_->ptr<KanLayerImpl>(index);
}

const KanLayerImpl &KanImpl::layer(std::size_t index) const
{
    return *act_fun_->ptr<KanLayerImpl>(index);
}

KanOutput KanImpl::forward(const torch::Tensor &x) const
{
    KanOutput result{x, {}};
    for (std::size_t l = 0; l < layerCount(); ++l) {
        result.layers.push_back(layer(l).forward(result.output));
        result.output = result.layers.back().output;
    }
    return result;
}

}  // namespace sl::ml
