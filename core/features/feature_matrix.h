#pragma once
// A time series of feature vectors: one row per analysed frame, one named column per dimension.
// Standard library only, so the signal-processing code and its tests need no Qt.
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sl::features {

struct FeatureMatrix {
    std::vector<std::string> names;  // one per dimension, in column order
    std::vector<double> times;       // one per frame, seconds from the start of the clip
    std::vector<float> values;       // row-major: frames() x dims()

    std::size_t dims() const { return names.size(); }
    std::size_t frames() const { return times.size(); }
    float at(std::size_t frame, std::size_t dim) const { return values[frame * dims() + dim]; }
    std::span<const float> row(std::size_t frame) const { return {values.data() + frame * dims(), dims()}; }

    // Column of a named dimension, or -1.
    int column(std::string_view name) const
    {
        for (std::size_t i = 0; i < names.size(); ++i)
            if (names[i] == name)
                return static_cast<int>(i);
        return -1;
    }
};

}  // namespace sl::features
