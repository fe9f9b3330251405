#pragma once
// How much each KAN edge and node matters, as pykan's attribute() and plot() compute it from the
// activations of one forward pass: edge and node scores propagated back from the outputs
// ("backward" metric), their mean over outputs, and the transparency pykan draws edges with.
// Scores depend on the batch the pass was made on: they measure spread across samples.
#include "core/ml/kan.h"

#include <torch/types.h>

#include <vector>

namespace sl::ml {

// Spread of one layer's activations over the batch (pykan's saved scales): the unbiased standard
// deviation, as pykan computes it with torch.std. It needs at least two samples (pykan gets NaN
// for one); single clips are scored by clipScores() instead.
struct KanLayerScales {
    torch::Tensor edge;        // (outputs, inputs): spread of phi_ij (pykan edge_actscale)
    torch::Tensor subnode;     // (outputs): spread of the node sums (pykan subnode_actscale)
    torch::Tensor normalised;  // (outputs, inputs): edge / (spread of x_i + 0.1) (pykan acts_scale)
};

KanLayerScales layerScales(const KanLayerOutput &layer);

struct KanAttribution {
    // Per layer (outputs, inputs), averaged over the network outputs.
    std::vector<torch::Tensor> edgeScores;
    // Per node level, inputs first: nodeScores[l] has the width of level l (the last is all 1).
    std::vector<torch::Tensor> nodeScores;
    // nodeScores.front(): one importance per network input (KAN-MCP: 3 per modality, T, A, V).
    torch::Tensor featureScores() const { return nodeScores.front(); }
};

// pykan's "backward" attribution over a batch of at least two samples: each output node starts
// with score 1 for itself; an edge's score is its spread times the score of the node it feeds,
// divided by that node's spread (+ 1e-4); a node's score is the sum of its outgoing edges'
// scores. Scores are then averaged over outputs. Throws std::invalid_argument for one sample.
KanAttribution attribute(const KanOutput &pass);

// SentiLens's own per-clip score (pykan has none: its spreads are undefined for one sample).
// Same back-propagation as attribute(), but an edge's weight is its share of the absolute flow
// into the node it feeds: |phi_ij(x_i)| / sum_i' |phi_i'j(x_i')| (0 when nothing flows in). So
// every score lies in [0, 1], the scores of the edges into a node add up to that node's score,
// and the input scores add up to 1 for each output; edges that cancel each other keep their
// magnitudes instead of being divided by a near-zero node sum (pykan's ratio on one sample,
// |phi| / (|node sum| + 1e-4), grows up to 10^4 there). `pass` must hold one sample.
KanAttribution clipScores(const KanOutput &pass);

// Edge opacity in pykan's plot: tanh(beta * score).
torch::Tensor edgeAlpha(const torch::Tensor &scores, double beta = 3.0);

}  // namespace sl::ml
