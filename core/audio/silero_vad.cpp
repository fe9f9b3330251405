#include "core/audio/silero_vad.h"

#include "core/audio/vad_weights.h"

#include <torch/torch.h>

#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <stdexcept>

namespace sl::audio {

namespace {

constexpr int kHop = 128;          // STFT hop: 4 frames per window
constexpr int kReflectPad = 64;    // the graph pads each 576-sample input on the right by this
constexpr int kBins = 129;         // magnitudes per STFT frame (256-point transform)
constexpr int kHidden = 128;

}  // namespace

struct SileroVad::Net {
    torch::Tensor basis;
    torch::Tensor convWeight[4], convBias[4];
    torch::Tensor weightIh, weightHh, biasIh, biasHh;
    torch::Tensor outWeight, outBias;
};

namespace {

torch::Tensor take(std::map<std::string, WeightTensor> &tensors, const std::string &path, const std::string &name,
                   std::vector<std::int64_t> shape)
{
    auto found = tensors.find(name);
    if (found == tensors.end())
        throw std::runtime_error("voice activity weights " + path + ": tensor " + name + " is missing");
    if (found->second.shape != shape)
        throw std::runtime_error("voice activity weights " + path + ": tensor " + name + " has another shape than the network's");
    // Cloned: the tensor owns its values, so the map can go.
    return torch::from_blob(found->second.values.data(), shape, torch::kFloat32).clone();
}

}  // namespace

SileroVad::SileroVad(const std::string &weightsFile) : m_net(std::make_unique<Net>())
{
    auto tensors = readVadWeights(weightsFile);
    Net &n = *m_net;
    n.basis = take(tensors, weightsFile, "model.stft.forward_basis_buffer", {2 * kBins, 1, 256});
    const std::int64_t channels[5] = {kBins, 128, 64, 64, 128};
    for (int layer = 0; layer < 4; ++layer) {
        const std::string prefix = "model.encoder." + std::to_string(layer) + ".reparam_conv.";
        n.convWeight[layer] = take(tensors, weightsFile, prefix + "weight", {channels[layer + 1], channels[layer], 3});
        n.convBias[layer] = take(tensors, weightsFile, prefix + "bias", {channels[layer + 1]});
    }
    // PyTorch's LSTM cell weights, gates in PyTorch's order (input, forget, cell, output): the ONNX
    // graph reorders slices of these same tensors for its own LSTM operator.
    n.weightIh = take(tensors, weightsFile, "model.decoder.rnn.weight_ih", {4 * kHidden, kHidden});
    n.weightHh = take(tensors, weightsFile, "model.decoder.rnn.weight_hh", {4 * kHidden, kHidden});
    n.biasIh = take(tensors, weightsFile, "model.decoder.rnn.bias_ih", {4 * kHidden});
    n.biasHh = take(tensors, weightsFile, "model.decoder.rnn.bias_hh", {4 * kHidden});
    n.outWeight = take(tensors, weightsFile, "model.decoder.decoder.2.weight", {1, kHidden, 1}).view({1, kHidden});
    n.outBias = take(tensors, weightsFile, "model.decoder.decoder.2.bias", {1});
}

SileroVad::~SileroVad() = default;

std::vector<float> SileroVad::speechProbabilities(std::span<const float> samples) const
{
    if (samples.empty())
        return {};
    torch::NoGradGuard noGrad;
    const Net &n = *m_net;
    const std::int64_t windows = (static_cast<std::int64_t>(samples.size()) + kWindow - 1) / kWindow;
    // The clip behind kContext zeros and completed with zeros to whole windows; window k then reads
    // [k * 512, k * 512 + 576) of it: its own samples and the 64 before them.
    torch::Tensor padded = torch::zeros({kContext + windows * kWindow}, torch::kFloat32);
    std::copy(samples.begin(), samples.end(), padded.data_ptr<float>() + kContext);
    torch::Tensor inputs = padded.unfold(0, kContext + kWindow, kWindow).unsqueeze(1);  // (W, 1, 576)
    inputs = torch::reflection_pad1d(inputs, {0, kReflectPad});                        // (W, 1, 640)

    torch::Tensor spectrum = torch::conv1d(inputs, n.basis, {}, kHop);                  // (W, 258, 4)
    torch::Tensor real = spectrum.narrow(1, 0, kBins);
    torch::Tensor imaginary = spectrum.narrow(1, kBins, kBins);
    torch::Tensor x = torch::sqrt(real * real + imaginary * imaginary);                 // (W, 129, 4)
    const int strides[4] = {1, 2, 2, 1};
    for (int layer = 0; layer < 4; ++layer)
        x = torch::relu(torch::conv1d(x, n.convWeight[layer], n.convBias[layer], strides[layer], 1));
    // (W, 128, 1): one vector per window, the windows in time order as the LSTM's sequence.
    torch::Tensor sequence = x.squeeze(2).unsqueeze(1);                                  // (W, 1, 128)
    torch::Tensor zeroState = torch::zeros({1, 1, kHidden}, torch::kFloat32);
    auto [hidden, lastH, lastC] = torch::lstm(sequence, {zeroState, zeroState},
                                              {n.weightIh, n.weightHh, n.biasIh, n.biasHh},
                                              /*has_biases=*/true, /*num_layers=*/1, /*dropout=*/0.0,
                                              /*train=*/false, /*bidirectional=*/false, /*batch_first=*/false);
    torch::Tensor logits = torch::addmm(n.outBias, torch::relu(hidden.squeeze(1)), n.outWeight.t());
    torch::Tensor probabilities = torch::sigmoid(logits).reshape({windows}).contiguous();
    const float *p = probabilities.data_ptr<float>();
    return std::vector<float>(p, p + windows);
}

std::string SileroVad::defaultWeightsFile()
{
    namespace fs = std::filesystem;
    if (const char *overridden = std::getenv("SENTILENS_VAD_WEIGHTS"); overridden && *overridden)
        return overridden;
    std::error_code error;
    const fs::path program = fs::read_symlink("/proc/self/exe", error);
    if (!error) {
        const fs::path installed = program.parent_path() / ".." / "share" / "sentilens" / "audio" / "silero_vad.weights";
        if (fs::exists(installed, error))
            return installed.lexically_normal().string();
    }
#ifdef SENTILENS_VAD_WEIGHTS_FILE
    if (fs::exists(SENTILENS_VAD_WEIGHTS_FILE, error))
        return SENTILENS_VAD_WEIGHTS_FILE;
#endif
    return {};
}

std::shared_ptr<const SileroVad> SileroVad::shared()
{
    static std::once_flag once;
    static std::shared_ptr<const SileroVad> network;
    std::call_once(once, [] {
        const std::string file = defaultWeightsFile();
        if (!file.empty())
            network = std::make_shared<const SileroVad>(file);
    });
    return network;
}

}  // namespace sl::audio
