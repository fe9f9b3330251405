#pragma once
// Saliency over time: integrated gradients (Sundararajan et al. 2017) of the multimodal
// prediction, from the baseline (baseline.h) to the clip's features, on the straight path,
// integrated with Gauss-Legendre quadrature over `steps` points. The attribution of one time step of one
// modality is the sum over its feature dims of (x - baseline) * mean gradient. Padding frames have
// x = baseline = 0 and get exactly zero. Completeness: the sum of all attributions approximates
// f(x) - f(baseline); the difference is reported (it shrinks as steps grow).
#include "core/ml/explain/baseline.h"

#include <array>
#include <vector>

namespace sl::ml::explain {

struct IntegratedGradientsOptions {
    int steps = 32;          // the first try for every clip
    int maxSteps = 512;      // the most a clip is refined to
    double tolerance = 0.05; // relative completeness error a clip must stay under
    // Most (clip, step) rows per forward/backward pass: clips x steps are batched together up to
    // this, to bound memory on long sequences.
    int maxRowsPerPass = 512;
};

struct SaliencyResult {
    // Per modality one attribution per valid time step of the clip (length = the clip's length).
    std::array<std::vector<double>, kModalityCount> steps;
    std::array<double, kModalityCount> modalityTotal{};  // sum over its steps
    double fInput = 0;              // f(x)
    double fBaseline = 0;           // f(baseline)
    double attributionSum = 0;      // sum of every attribution
    double completenessError = 0;   // |attributionSum - (fInput - fBaseline)|
    // completenessError / max(|fInput - fBaseline|, 0.01): relative to the change explained, with
    // a floor of 0.01 label units so that a clip the baseline barely moves is not judged by noise.
    double relativeError = 0;
    int stepsUsed = 0;              // the steps of the reported integration
    bool reliable = true;           // relativeError <= tolerance
};

// One result per clip of `clips`. Puts the model in eval mode; needs a model whose layers have
// gradients in eval mode (every built-in architecture on the CPU).
std::vector<SaliencyResult> integratedGradients(SentimentModel &model, const ModelInput &clips,
                                                const Baseline &baseline,
                                                const IntegratedGradientsOptions &options = {});

}  // namespace sl::ml::explain
