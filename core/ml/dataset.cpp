#include "core/ml/dataset.h"

#include <stdexcept>

namespace sl::ml {

void Dataset::validate() const
{
    if (!labels.defined() || labels.dim() != 1)
        throw std::invalid_argument("dataset: labels must be a (samples) tensor");
    const std::int64_t n = labels.size(0);
    for (Modality m : kModalities) {
        const std::string name = modalityName(m);
        const torch::Tensor &f = features[index(m)];
        if (f.defined()) {
            if (f.dim() != 3 || f.size(0) != n)
                throw std::invalid_argument("dataset: " + name +
                                            " features must be (samples, time, dims)");
            const torch::Tensor &l = lengths[index(m)];
            if (!l.defined() || l.dim() != 1 || l.size(0) != n)
                throw std::invalid_argument("dataset: " + name + " lengths must be (samples)");
        }
        const torch::Tensor &u = unimodalLabels[index(m)];
        if (u.defined() && (u.dim() != 1 || u.size(0) != n))
            throw std::invalid_argument("dataset: " + name + " labels must be (samples)");
    }
}

ModelInput Dataset::batch(const torch::Tensor &indices) const
{
    ModelInput input;
    for (Modality m : kModalities) {
        ModalityInput &in = input[m];
        in.present = features[index(m)].defined();
        if (in.present) {
            in.features = features[index(m)].index_select(0, indices);
            in.lengths = lengths[index(m)].index_select(0, indices);
        }
        if (unimodalLabels[index(m)].defined())
            input.targets.unimodal[index(m)] = unimodalLabels[index(m)].index_select(0, indices);
    }
    input.targets.multimodal = labels.index_select(0, indices);
    return input;
}

}  // namespace sl::ml
