#include "core/ml/mcpareto.h"

#include <cmath>
#include <stdexcept>
#include <string>

namespace sl::ml {

namespace {
void requireMatching(const GradientList &a, const GradientList &b, const char *what)
{
    if (a.size() != b.size())
        throw std::invalid_argument(std::string(what) + ": gradient lists differ in length");
}
}  // namespace

GradientList captureGradients(const std::vector<torch::Tensor> &parameters)
{
    GradientList out;
    out.reserve(parameters.size());
    for (const torch::Tensor &p : parameters)
        out.push_back(p.grad().defined() ? p.grad().detach().clone() : torch::zeros_like(p));
    return out;
}

void assignGradients(const std::vector<torch::Tensor> &parameters, const GradientList &gradients)
{
    requireMatching(parameters, gradients, "assignGradients");
    for (std::size_t i = 0; i < parameters.size(); ++i) {
        torch::Tensor p = parameters[i];
        p.mutable_grad() = gradients[i].detach().clone();
    }
}

double gradientDot(const GradientList &a, const GradientList &b)
{
    requireMatching(a, b, "gradientDot");
    double sum = 0.0;
    for (std::size_t i = 0; i < a.size(); ++i)
        sum += (a[i].to(torch::kFloat64) * b[i].to(torch::kFloat64)).sum().item<double>();
    return sum;
}

double gradientCosine(const GradientList &a, const GradientList &b)
{
    const double normA = std::sqrt(gradientDot(a, a));
    const double normB = std::sqrt(gradientDot(b, b));
    return normA > 0 && normB > 0 ? gradientDot(a, b) / (normA * normB) : 0.0;
}

MinNormWeights minNormTwo(double v1v1, double v1v2, double v2v2)
{
    if (v1v2 >= v1v1)
        return {0.999, 0.001, v1v1};
    if (v1v2 >= v2v2)
        return {0.001, 0.999, v2v2};
    // d/dk |k v1 + (1 - k) v2|^2 = 0 gives k = (v2v2 - v1v2) / (v1v1 + v2v2 - 2 v1v2).
    const double k = (v2v2 - v1v2) / (v1v1 + v2v2 - 2 * v1v2);
    return {k, 1 - k, v2v2 + k * (v1v2 - v2v2)};
}

ParetoWeights paretoWeights(const GradientList &multimodal, const GradientList &unimodal)
{
    ParetoWeights weights;
    weights.cosine = gradientCosine(multimodal, unimodal);
    if (weights.cosine > 0)
        return weights;
    const MinNormWeights solution = minNormTwo(gradientDot(multimodal, multimodal),
                                               gradientDot(multimodal, unimodal),
                                               gradientDot(unimodal, unimodal));
    weights.multimodal = solution.first;
    weights.unimodal = solution.second;
    weights.conflicting = true;
    return weights;
}

GradientList paretoGradients(const GradientList &multimodal, const GradientList &unimodal,
                             const GradientList &total, const ParetoWeights &weights, double gamma)
{
    requireMatching(multimodal, unimodal, "paretoGradients");
    requireMatching(multimodal, total, "paretoGradients");
    GradientList out;
    out.reserve(total.size());
    for (std::size_t i = 0; i < total.size(); ++i) {
        const torch::Tensor combined =
            2 * weights.multimodal * multimodal[i] + 2 * weights.unimodal * unimodal[i];
        const double combinedNorm = combined.norm().item<double>();
        const double ratio = combinedNorm > 0 ? total[i].norm().item<double>() / combinedNorm : 0.0;
        // Never shorter than the plain total gradient, so balancing does not slow training down.
        out.push_back(ratio > 1 ? ratio * combined * gamma : combined * gamma);
    }
    return out;
}

}  // namespace sl::ml
