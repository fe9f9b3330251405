#include "core/ml/pareto_step.h"

namespace sl::ml {

void clearGradients(SentimentModel &model)
{
    for (torch::Tensor &p : model.parameters())
        p.mutable_grad() = torch::Tensor();
}

std::array<ParetoWeights, kModalityCount> paretoBackward(SentimentModel &model,
                                                         const ModelOutput &output, double gamma)
{
    const auto groups = model.paretoGroups();
    std::array<GradientList, kModalityCount> multimodal, unimodal;

    clearGradients(model);
    output.losses.at(kLossMultimodal).backward({}, /*retain_graph=*/true);
    for (Modality m : kModalities)
        multimodal[index(m)] = captureGradients(groups[index(m)]);
    for (Modality m : kModalities) {
        clearGradients(model);
        output.losses.at(modalityName(m)).backward({}, /*retain_graph=*/true);
        unimodal[index(m)] = captureGradients(groups[index(m)]);
    }
    clearGradients(model);
    output.loss.backward();

    std::array<ParetoWeights, kModalityCount> weights;
    for (Modality m : kModalities) {
        const std::size_t i = index(m);
        weights[i] = paretoWeights(multimodal[i], unimodal[i]);
        assignGradients(groups[i], paretoGradients(multimodal[i], unimodal[i],
                                                   captureGradients(groups[i]), weights[i],
                                                   gamma));
    }
    return weights;
}

}  // namespace sl::ml
