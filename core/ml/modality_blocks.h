#pragma once
// The per-modality building blocks most architectures repeat, registered under fixed names
// ("<modality>_encoder", "<modality>_bottleneck") so that parameter names in model files are the
// same in every architecture.
#include "core/ml/model.h"
#include "core/ml/sequence_encoder.h"
#include "core/ml/variational.h"

#include <array>

namespace sl::ml {

using ModalityEncoders = std::array<SequenceEncoder, kModalityCount>;
using ModalityBottlenecks = std::array<VariationalBottleneck, kModalityCount>;

// One sequence encoder per modality from the config's dims to `outputs`, of the kind named by
// the "encoder" setting (default `defaultKind`).
ModalityEncoders registerEncoders(torch::nn::Module &owner, const ModelConfig &config,
                                  std::int64_t outputs, const std::string &defaultKind = "lstm");

// One bottleneck per modality, inputs[m] -> hidden -> latent, each with a one-output decoder
// (the unimodal prediction).
ModalityBottlenecks registerBottlenecks(torch::nn::Module &owner,
                                        const std::array<std::int64_t, kModalityCount> &inputs,
                                        std::int64_t hidden, std::int64_t latent);

// Encodes every modality of the batch: (batch, outputs) each, zero for absent samples.
std::array<torch::Tensor, kModalityCount> encodeAll(ModalityEncoders &encoders,
                                                    const PreparedBatch &batch);

// The bottleneck outputs of every modality. z of absent samples is zeroed (the modality drops out
// of the fusion); their unimodal predictions stay, flagged by "<modality>.present". Records
// "<modality>.mean"/".std" and sets out.unimodal from the decoders.
std::array<BottleneckOutput, kModalityCount> bottleneckAll(
    ModalityBottlenecks &bottlenecks, const std::array<torch::Tensor, kModalityCount> &inputs,
    const PreparedBatch &batch, BottleneckMode mode, ModelOutput &out);

// The KL term of each bottleneck over present samples, for addUnimodalLosses.
std::array<torch::Tensor, kModalityCount> klAll(
    const std::array<BottleneckOutput, kModalityCount> &bottlenecks, const PreparedBatch &batch);

std::array<torch::Tensor, kModalityCount> presence(const PreparedBatch &batch);

// Parameters of a bottleneck except its decoder: what MCPareto balances for that modality.
std::vector<torch::Tensor> bottleneckEncoderParameters(VariationalBottleneckImpl &bottleneck);

}  // namespace sl::ml
