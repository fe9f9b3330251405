#pragma once
// The inner loop of HaarCascade: one row of detection windows at one scale, evaluated with the
// same arithmetic as OpenCV 4.6's CascadeClassifier (float feature values, double stage sums,
// variance normalisation in double) so that both accept exactly the same windows.
// Two versions: a scalar one that walks the windows one by one as OpenCV does, and an AVX2 one
// that evaluates eight neighbouring windows at once (see haar_cascade_kernel.cpp).
#include <cstdint>
#include <vector>

namespace sl::features::haar {

// One weak classifier of a stage: a Haar feature (two or three weighted rectangles) and a threshold.
struct Stump {
    // Corners (top-left, top-right, bottom-left, bottom-right in OpenCV's order p0..p3) of each
    // rectangle, as offsets from the window's origin in the scale's integral buffer (HaarLayout).
    std::int32_t corner[3][4];
    float weight[3];
    float threshold;
    float left;      // added to the stage sum when the feature value is below the threshold
    float right;     // added otherwise
    bool hasThird;   // OpenCV adds the third rectangle only when its weight is not zero
};

struct Stage {
    int first;        // index of its first stump
    int count;        // stumps in the stage
    float threshold;  // the stage passes when the sum of its stumps is not below this
};

// The windows of one row at one scale: window i has its origin i entries to the right of the
// first one in every plane of the integral buffer.
struct Row {
    const std::int32_t *sums;       // sum (and tilted sum) buffer at the first window's origin
    const std::uint32_t *squares;   // squared-sum buffer at the first window's origin
    int windows;                    // windows in the row
    std::int32_t norm[4];           // corners of the normalisation rectangle, in both buffers
    double normArea;                // its area in pixels
};

struct Cascade {
    std::vector<Stump> stumps;  // corner offsets for one buffer layout
    std::vector<Stage> stages;
};

// Work space of the AVX2 version, kept between rows to save allocations.
struct RowScratch {
    std::vector<float> normFactor;
    std::vector<std::int8_t> state;
};

// Appends to `accepted` the indices of the windows of the row that pass every stage, in
// increasing order. Both follow OpenCV's rule that the window after one rejected by the first
// stage is not tried at all.
void scanRowScalar(const Cascade &cascade, const Row &row, std::vector<int> &accepted);
void scanRowAvx2(const Cascade &cascade, const Row &row, RowScratch &scratch, std::vector<int> &accepted);

// Whether this CPU runs scanRowAvx2.
bool cpuHasAvx2();

}  // namespace sl::features::haar
