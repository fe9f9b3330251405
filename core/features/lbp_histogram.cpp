#include "core/features/lbp_histogram.h"

#include <array>
#include <bit>
#include <cstdint>

namespace sl::features {

namespace {

// riu2 bin of every 8-bit code, computed once.
std::array<std::uint8_t, 256> makeBinTable()
{
    std::array<std::uint8_t, 256> table{};
    for (unsigned code = 0; code < 256; ++code) {
        const auto rotated = static_cast<std::uint8_t>((code >> 1) | ((code & 1U) << 7));
        const int transitions = std::popcount(static_cast<std::uint8_t>(code ^ rotated));
        table[code] = static_cast<std::uint8_t>(transitions <= 2 ? std::popcount(code) : kLbpBins - 1);
    }
    return table;
}

const std::array<const char *, 4> kCellNames = {"tl", "tr", "bl", "br"};

}  // namespace

void lbpHistogram(const cv::Mat &gray, float *out)
{
    static const std::array<std::uint8_t, 256> bins = makeBinTable();
    std::array<double, kLbpDims> counts{};
    std::array<double, kLbpGrid * kLbpGrid> totals{};
    const int rows = gray.rows;
    const int cols = gray.cols;
    for (int y = 1; y + 1 < rows; ++y) {
        const std::uint8_t *above = gray.ptr<std::uint8_t>(y - 1);
        const std::uint8_t *here = gray.ptr<std::uint8_t>(y);
        const std::uint8_t *below = gray.ptr<std::uint8_t>(y + 1);
        const int cellRow = y * kLbpGrid / rows;
        for (int x = 1; x + 1 < cols; ++x) {
            const std::uint8_t c = here[x];
            // Neighbours clockwise from the top-left, so a rotation of the pattern rotates the bits.
            const unsigned code = (above[x - 1] >= c ? 1U : 0U) | (above[x] >= c ? 2U : 0U) | (above[x + 1] >= c ? 4U : 0U)
                                  | (here[x + 1] >= c ? 8U : 0U) | (below[x + 1] >= c ? 16U : 0U)
                                  | (below[x] >= c ? 32U : 0U) | (below[x - 1] >= c ? 64U : 0U)
                                  | (here[x - 1] >= c ? 128U : 0U);
            const int cell = cellRow * kLbpGrid + x * kLbpGrid / cols;
            counts[static_cast<std::size_t>(cell * kLbpBins + bins[code])] += 1.0;
            totals[static_cast<std::size_t>(cell)] += 1.0;
        }
    }
    for (int i = 0; i < kLbpDims; ++i) {
        const double total = totals[static_cast<std::size_t>(i / kLbpBins)];
        out[i] = total > 0.0 ? static_cast<float>(counts[static_cast<std::size_t>(i)] / total) : 0.0F;
    }
}

std::vector<std::string> lbpNames()
{
    std::vector<std::string> names;
    for (const char *cell : kCellNames) {
        for (int bin = 0; bin < kLbpBins - 1; ++bin)
            names.push_back(std::string("lbp_") + cell + "_u" + std::to_string(bin));
        names.push_back(std::string("lbp_") + cell + "_nonuniform");
    }
    return names;
}

}  // namespace sl::features
