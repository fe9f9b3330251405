#pragma once
// The causal masks of CaMIB (camib.cpp): per clip the soft mask over the fused dims, the causal
// (mask * Z) and shortcut ((1 - mask) * Z) parts, and the share of mask mass traceable to each
// modality; over a dataset the mean mask and its variance, and the backdoor view: how the
// prediction moves when each clip's shortcut part is swapped with other clips' shortcut parts.
#include "core/ml/explain/baseline.h"

#include <array>
#include <string>
#include <vector>

namespace sl::ml::explain {

struct ClipMask {
    std::vector<double> mask, fused, causal, shortcut;  // (fused dims) each
    // Per fused dim j and modality m (row-major j*3 + m): the share of Z_j's pre-activation that
    // comes from modality m's bottleneck, |W_jm . z_m| / sum_m' |W_jm' . z_m'|.
    std::vector<double> dimModalityShare;
    // Per modality: sum_j w_j * share_jm / sum_j w_j with w_j = mask_j * |Z_j| (sums to 1 when
    // the mask has mass on dims that carry something).
    std::array<double, kModalityCount> maskShare{};
    double prediction = 0;
    // Backdoor: predictions from this clip's causal part plus every other clip's shortcut part.
    double backdoorMean = 0;     // their mean
    double backdoorMaxShift = 0; // largest |prediction with a swapped shortcut - prediction|
    // Ablations through the predictor on causal + shortcut (the backdoor combination):
    // |f(Z_c + Z_s) - f(Z_s)| when the causal part is removed, |f(Z_c + Z_s) - f(Z_c)| when the
    // shortcut part is. A mask that separates the parts moves the first far more.
    double withoutCausalShift = 0, withoutShortcutShift = 0;
};

struct CausalMasks {
    bool available = false;
    std::string reason;
    int fusedDims = 0;
    std::vector<ClipMask> clips;  // one per clip of the input
    std::vector<double> meanMask, maskVariance;  // over the clips, per fused dim
    double backdoorMeanShift = 0;  // mean over clips and partners of |swapped - own prediction|
    // Means over the clips of the two ablation shifts (ClipMask).
    double withoutCausalMeanShift = 0, withoutShortcutMeanShift = 0;
    // How the mask values of all clips and dims are distributed: share below 0.1, share above 0.9
    // (all-off and all-on masks show here), and deciles 0.1 ... 0.9 of the values.
    double maskShareLow = 0, maskShareHigh = 0;
    std::vector<double> maskDeciles;
};

// For a model with causal masks (internals "camib.mask", "camib.fused" and a CausalPartsPredictor,
// causal_parts.h); otherwise available = false with the reason. The mean mask and variance are
// over the clips given; the backdoor swaps take the shortcut parts of `partners` (e.g. a sample of
// the dataset, so that a clip's numbers do not depend on which clips it is explained with), or of
// the clips themselves when null (at most 256 partners, evenly spaced).
CausalMasks causalMasks(SentimentModel &model, const ModelInput &clips, const ModelInput *partners = nullptr);

}  // namespace sl::ml::explain
