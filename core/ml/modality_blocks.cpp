#include "core/ml/modality_blocks.h"

namespace sl::ml {

ModalityEncoders registerEncoders(torch::nn::Module &owner, const ModelConfig &config,
                                  std::int64_t outputs, const std::string &defaultKind)
{
    const SequenceEncoderKind kind = sequenceEncoderKind(config.choice("encoder", defaultKind));
    ModalityEncoders encoders{nullptr, nullptr, nullptr};
    for (Modality m : kModalities)
        encoders[index(m)] = owner.register_module(
            modalityName(m) + "_encoder", SequenceEncoder(config.dims[index(m)], outputs, kind));
    return encoders;
}

ModalityBottlenecks registerBottlenecks(torch::nn::Module &owner,
                                        const std::array<std::int64_t, kModalityCount> &inputs,
                                        std::int64_t hidden, std::int64_t latent)
{
    ModalityBottlenecks bottlenecks{nullptr, nullptr, nullptr};
    for (Modality m : kModalities)
        bottlenecks[index(m)] = owner.register_module(
            modalityName(m) + "_bottleneck",
            VariationalBottleneck(VariationalBottleneckOptions(inputs[index(m)], hidden, latent)));
    return bottlenecks;
}

std::array<torch::Tensor, kModalityCount> encodeAll(ModalityEncoders &encoders,
                                                    const PreparedBatch &batch)
{
    std::array<torch::Tensor, kModalityCount> encoded;
    for (Modality m : kModalities)
        encoded[index(m)] = encoders[index(m)]->forward(batch[m].features, batch[m].lengths);
    return encoded;
}

std::array<BottleneckOutput, kModalityCount> bottleneckAll(
    ModalityBottlenecks &bottlenecks, const std::array<torch::Tensor, kModalityCount> &inputs,
    const PreparedBatch &batch, BottleneckMode mode, ModelOutput &out)
{
    std::array<BottleneckOutput, kModalityCount> result;
    for (Modality m : kModalities) {
        BottleneckOutput b = bottlenecks[index(m)]->forward(inputs[index(m)], mode);
        b.z = b.z * batch[m].present.unsqueeze(1);
        keepBottleneck(out, modalityName(m), b);
        out.unimodal[index(m)] = b.prediction.squeeze(1);
        result[index(m)] = b;
    }
    return result;
}

std::array<torch::Tensor, kModalityCount> klAll(
    const std::array<BottleneckOutput, kModalityCount> &bottlenecks, const PreparedBatch &batch)
{
    std::array<torch::Tensor, kModalityCount> kl;
    for (Modality m : kModalities)
        kl[index(m)] = maskedKl(bottlenecks[index(m)], batch[m].present);
    return kl;
}

std::array<torch::Tensor, kModalityCount> presence(const PreparedBatch &batch)
{
    return {batch[Modality::Text].present, batch[Modality::Audio].present,
            batch[Modality::Visual].present};
}

std::vector<torch::Tensor> bottleneckEncoderParameters(VariationalBottleneckImpl &bottleneck)
{
    std::vector<torch::Tensor> params;
    for (const auto &item : bottleneck.named_parameters())
        if (item.key().rfind("decoder.", 0) != 0)
            params.push_back(item.value());
    return params;
}

}  // namespace sl::ml
