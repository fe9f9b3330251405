#pragma once
// Training recipes: "sentilens" (recommendedSettings: AdamW with weight decay, warm-up and linear
// decay, selection on validation MAE, batches shrunk for small projects; what serves the app's
// encoders trained from scratch) and "paper" (each paper's own optimiser, learning rates per
// parameter group, batch size, epochs and selection rule, from the authors' scripts as
// docs/models.md records them). Qt types only, so the train dialog can include it.
#include "core/training/training_job.h"

#include <QStringList>

namespace sl::training {

QStringList recipeNames();  // "sentilens", "paper"

// The settings of `recipe` for an architecture on a project of `trainClips` training clips and
// label scale `labelScale` ("mosi" or "sims"). "paper":
//  - E-, L-, C-MIB (MIB's scripts): Adam, no weight decay, no schedule, 1e-5 for the text group
//    (BERT and its conv in the reference; here the text encoder and bottleneck), 2e-5 for the
//    rest, batch 32, 50 epochs, no early stopping, the epoch with the lowest validation MSE.
//  - KAN-MCP (train_mosi.py / train_mosei.py): AdamW with weight decay 0.01, warm-up for half the
//    steps then linear decay, 1e-5 for the text group, the other groups 1e-3 (MOSEI: 1e-2),
//    batch 8 and 35 epochs (MOSEI, taken for mosi-scale projects of more than 10,000 training
//    clips: batch 64, 10 epochs, weight1 = unimodal_weight 1), no early stopping, lowest
//    validation MSE. CH-SIMS scale: the SIMS v2 script of the public fork (batch 32, 50 epochs,
//    both rates 1e-3, weight1 1).
// CaMIB and late fusion have no published training script: asking for their paper recipe throws
// std::invalid_argument saying so. Unknown recipes and architectures throw too.
TrainingSettings recipeSettings(const QString &recipe, const QString &architecture, int trainClips,
                                const QString &labelScale);

}  // namespace sl::training
