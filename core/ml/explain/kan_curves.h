#pragma once
// The learned functions of a KAN-based model (KAN-MCP), edge by edge: each edge
// phi_ij (layer l, input i -> output j) sampled on a dense grid over the range of input i (the
// layer's spline grid, widened to cover the data), with its base part (scale_base * silu), its
// spline part (scale_sp * spline) and their sum. The samples come from the layer's own forward
// pass on the grid, so they are the model's values. Beside the curves: where the dataset sits on
// each edge, pykan's edge importance (kan_attribution.h, measured on the dataset's pass), names
// for every node, and per clip its operating points and its own input scores (SentiLens's
// per-clip score, kan_attribution.h's clipScores: pykan has none for a single sample).
#include "core/ml/explain/baseline.h"

#include <array>
#include <string>
#include <vector>

namespace sl::ml::explain {

struct KanEdgeCurve {
    int layer = 0, input = 0, output = 0;
    std::vector<double> x, base, spline, total;  // the sampled function
    std::vector<double> datasetX, datasetY;      // the dataset's operating points
    double importance = 0;                       // pykan edge score (averaged over outputs)
    // The spline's support on this edge's input (the extended grid's first and last knot; outside
    // it the edge is its SiLU base alone) and the share of the dataset's operating points (all
    // of them, not only the drawn subsample) that lie inside it.
    double supportLow = 0, supportHigh = 0, insideSupport = 0;
    bool enabled = true;                         // false when pruned (mask 0)
};

struct KanCurves {
    bool available = false;
    std::string reason;  // why not, when unavailable ("camib has no KAN")
    // nodeNames[l][i]: node i of level l. Level 0 are the KAN inputs: for KAN-MCP the latent dims
    // of each modality ("T.z1", "T.z2", "T.z3", "A.z1", ...); hidden levels "h<l>.<i>"; the last
    // level "M".
    std::vector<std::vector<std::string>> nodeNames;
    std::vector<KanEdgeCurve> edges;  // layer-major, then output, then input
    // pykan feature scores of the level-0 inputs on the dataset, and their sum per modality.
    std::vector<double> featureScores;
    std::array<double, kModalityCount> modalityScores{};
};

// One clip on the KAN: its point on every edge (same order as KanCurves::edges) and its input
// scores: shares of the absolute flow through the KAN, each in [0, 1], adding up to 1 per output
// (clipScores in kan_attribution.h).
struct KanClipView {
    std::vector<double> edgeX, edgeY;
    std::vector<double> featureScores;
    std::array<double, kModalityCount> modalityScores{};
};

struct KanCurveOptions {
    int points = 101;
    int maxDatasetPoints = 500;  // a deterministic even subsample when the dataset is larger
};

// True when `model` has a KAN (a ml::KanImpl submodule named "kan") fed by its "latent" internal.
bool hasKan(SentimentModel &model);

// The curves with the dataset's operating points and importance. A model without a KAN gives
// available = false and the reason.
KanCurves kanCurves(SentimentModel &model, const ModelInput &dataset, const KanCurveOptions &options = {});

// One view per clip of `clips`; empty when the model has no KAN.
std::vector<KanClipView> kanClipViews(SentimentModel &model, const ModelInput &clips);

}  // namespace sl::ml::explain
