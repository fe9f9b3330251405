#include "core/ml/explain/causal_masks.h"

#include "core/ml/causal_parts.h"

#include <torch/utils.h>

#include <algorithm>
#include <cmath>

namespace sl::ml::explain {

namespace {

constexpr std::int64_t kMaxBackdoorPartners = 256;

std::vector<double> toVector(const torch::Tensor &t)
{
    const torch::Tensor flat = t.detach().to(torch::kCPU, torch::kFloat64).contiguous().view({-1});
    return {flat.data_ptr<double>(), flat.data_ptr<double>() + flat.numel()};
}

torch::Tensor internal(const ModelOutput &out, const std::string &name)
{
    const auto it = out.internals.find(name);
    return it == out.internals.end() ? torch::Tensor() : it->second.detach().to(torch::kCPU, torch::kFloat64);
}

// Per sample, fused dim and modality: |W_jm . z_m|, normalised over the modalities. CaMIB fuses
// with one Linear over [z_T; z_A; z_V] (then ReLU), so the pre-activation of fused dim j is exactly
// the sum of three per-modality terms W_jm . z_m plus a bias: their magnitudes say how much of
// that dim each modality drives for this clip, which a static |W| mass could not (it ignores z).
// Undefined when the model has no such fusion weight.
torch::Tensor modalityShares(SentimentModel &model, const ModelOutput &out, std::int64_t fused)
{
    torch::Tensor weight;
    for (const auto &p : model.named_parameters())
        if (p.key() == "fusion.weight")
            weight = p.value().detach().to(torch::kCPU, torch::kFloat64);
    if (!weight.defined() || weight.dim() != 2 || weight.size(0) != fused || weight.size(1) % 3 != 0)
        return {};
    const std::int64_t latent = weight.size(1) / 3;
    std::vector<torch::Tensor> terms;
    for (Modality m : kModalities) {
        torch::Tensor z = internal(out, modalityName(m) + ".mean");
        const torch::Tensor present = internal(out, modalityName(m) + ".present");
        if (!z.defined() || z.size(1) != latent)
            return {};
        if (present.defined())
            z = z * present.unsqueeze(1);  // absent samples' z is zeroed before the fusion
        const torch::Tensor block = weight.narrow(1, std::int64_t(index(m)) * latent, latent);  // (fused, latent)
        terms.push_back(torch::matmul(z, block.t()).abs());  // (batch, fused)
    }
    const torch::Tensor stacked = torch::stack(terms, 2);  // (batch, fused, 3)
    return stacked / stacked.sum(2, true).clamp_min(1e-12);
}

}  // namespace

CausalMasks causalMasks(SentimentModel &model, const ModelInput &clips, const ModelInput *partners)
{
    CausalMasks result;
    auto *predictor = dynamic_cast<CausalPartsPredictor *>(&model);
    model.eval();
    torch::NoGradGuard noGrad;
    const ModelOutput out = model.forward(clips, BottleneckMode::Mean);
    const torch::Tensor mask = internal(out, "camib.mask");
    const torch::Tensor fused = internal(out, "camib.fused");
    if (!predictor || !mask.defined() || !fused.defined()) {
        result.reason = model.architecture() + " has no causal mask";
        return result;
    }
    result.available = true;
    const std::int64_t n = mask.size(0);
    result.fusedDims = int(mask.size(1));
    const torch::Tensor causal = internal(out, "camib.causal");
    const torch::Tensor shortcut = internal(out, "camib.shortcut");
    const torch::Tensor prediction = out.prediction.detach().to(torch::kCPU, torch::kFloat64);
    const torch::Tensor shares = modalityShares(model, out, mask.size(1));

    // Backdoor: clip i's causal part with the shortcut part of each partner j (every partner, or an
    // even subsample of them), through the model's own predictor.
    const torch::Tensor partnerShortcuts =
        partners ? model.forward(*partners, BottleneckMode::Mean).internals.at("camib.shortcut").detach()
                 : out.internals.at("camib.shortcut").detach();
    const std::int64_t available = partnerShortcuts.size(0);
    const std::int64_t count = std::min(available, kMaxBackdoorPartners);
    const torch::Tensor partnerRows =
        count == available ? torch::arange(available)
                           : torch::linspace(0, double(available - 1), count).round().to(torch::kInt64);
    const torch::Tensor causalOnDevice = out.internals.at("camib.causal").detach();
    const torch::Tensor shortcutOnDevice = partnerShortcuts.index_select(0, partnerRows.to(partnerShortcuts.device()));
    const std::int64_t fusedDims = mask.size(1);
    const torch::Tensor mixedCausal = causalOnDevice.unsqueeze(1).expand({n, count, fusedDims}).reshape({n * count, fusedDims});
    const torch::Tensor mixedShortcut = shortcutOnDevice.unsqueeze(0).expand({n, count, fusedDims}).reshape({n * count, fusedDims});
    const torch::Tensor swapped = predictor->predictFromParts(mixedCausal, mixedShortcut)
                                      .detach().to(torch::kCPU, torch::kFloat64).view({n, count});
    const torch::Tensor shift = (swapped - prediction.unsqueeze(1)).abs();
    result.backdoorMeanShift = n > 0 ? shift.mean().item<double>() : 0.0;
    const auto predicted = [&](const torch::Tensor &c, const torch::Tensor &s) {
        return predictor->predictFromParts(c, s).detach().to(torch::kCPU, torch::kFloat64);
    };
    const torch::Tensor shortcutOwn = out.internals.at("camib.shortcut").detach();
    const torch::Tensor both = predicted(causalOnDevice, shortcutOwn);
    const torch::Tensor withoutCausal = (both - predicted(torch::zeros_like(causalOnDevice), shortcutOwn)).abs();
    const torch::Tensor withoutShortcut = (both - predicted(causalOnDevice, torch::zeros_like(shortcutOwn))).abs();

    for (std::int64_t i = 0; i < n; ++i) {
        ClipMask clip;
        clip.mask = toVector(mask[i]);
        clip.fused = toVector(fused[i]);
        clip.causal = toVector(causal[i]);
        clip.shortcut = toVector(shortcut[i]);
        clip.prediction = prediction[i].item<double>();
        clip.backdoorMean = swapped[i].mean().item<double>();
        clip.backdoorMaxShift = shift[i].max().item<double>();
        clip.withoutCausalShift = withoutCausal[i].item<double>();
        clip.withoutShortcutShift = withoutShortcut[i].item<double>();
        if (shares.defined()) {
            clip.dimModalityShare = toVector(shares[i]);
            // Mask mass counts where the fused dim carries something: mask_j * |Z_j|, so dims that
            // ReLU set to 0 add nothing whatever their mask.
            const torch::Tensor weight = mask[i] * fused[i].abs();
            const torch::Tensor massPerModality = (weight.unsqueeze(1) * shares[i]).sum(0);
            const double total = weight.sum().item<double>();
            for (Modality m : kModalities)
                clip.maskShare[index(m)] = total > 0 ? massPerModality[std::int64_t(index(m))].item<double>() / total : 0.0;
        }
        result.clips.push_back(std::move(clip));
    }
    if (n > 0) {
        result.meanMask = toVector(mask.mean(0));
        result.maskVariance = toVector(n > 1 ? mask.var(0, true) : torch::zeros({fusedDims}, torch::kFloat64));
        result.withoutCausalMeanShift = withoutCausal.mean().item<double>();
        result.withoutShortcutMeanShift = withoutShortcut.mean().item<double>();
        const torch::Tensor values = mask.detach().to(torch::kCPU, torch::kFloat64).flatten();
        result.maskShareLow = (values < 0.1).to(torch::kFloat64).mean().item<double>();
        result.maskShareHigh = (values > 0.9).to(torch::kFloat64).mean().item<double>();
        result.maskDeciles = toVector(torch::quantile(values, torch::linspace(0.1, 0.9, 9, torch::kFloat64)));
    }
    return result;
}

}  // namespace sl::ml::explain
