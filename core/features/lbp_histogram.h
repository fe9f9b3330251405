#pragma once
// A compact appearance descriptor: histograms of rotation-invariant uniform local binary patterns
// (LBP riu2, Ojala et al. 2002) over a 2 x 2 grid of the face, 10 bins per cell = 40 values.
//
// Each interior pixel gets an 8-bit code from its eight neighbours (1 where the neighbour is at
// least as bright). Codes with at most two 0/1 transitions around the circle ("uniform": edges,
// corners, spots, flat areas) are binned by their number of ones, 0 .. 8; all others share bin 9.
// Each cell's histogram sums to 1, so the descriptor does not depend on the face's size.
#include <opencv2/core/mat.hpp>

#include <string>
#include <vector>

namespace sl::features {

inline constexpr int kLbpBins = 10;
inline constexpr int kLbpGrid = 2;
inline constexpr int kLbpDims = kLbpBins * kLbpGrid * kLbpGrid;

// gray: 8-bit, one channel, at least 3 x 3 per cell. Writes kLbpDims values, cell by cell in row
// order (top-left, top-right, bottom-left, bottom-right).
void lbpHistogram(const cv::Mat &gray, float *out);

// "lbp_tl_u0" .. "lbp_br_u8", "lbp_tl_nonuniform" ...: cell then bin.
std::vector<std::string> lbpNames();

}  // namespace sl::features
