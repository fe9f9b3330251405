#pragma once
// The three modalities every SentiLens model reads, in the fixed order used by arrays indexed by
// modality (text, audio, visual: the T/A/V of the labels). Free of LibTorch.
#include <array>
#include <cstddef>
#include <string>

namespace sl::ml {

enum class Modality { Text = 0, Audio = 1, Visual = 2 };

inline constexpr std::size_t kModalityCount = 3;
inline constexpr std::array<Modality, kModalityCount> kModalities = {Modality::Text, Modality::Audio,
                                                                     Modality::Visual};

inline std::size_t index(Modality m) { return static_cast<std::size_t>(m); }

// "text", "audio", "visual": the names used in tensor names, loss names and model files.
inline std::string modalityName(Modality m)
{
    static const std::array<const char *, kModalityCount> names = {"text", "audio", "visual"};
    return names[index(m)];
}

}  // namespace sl::ml
