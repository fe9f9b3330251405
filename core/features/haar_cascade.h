#pragma once
// Our own evaluator of OpenCV's Haar cascades, for the cascades the feature extraction uses
// (frontal face, eyes, smile). It returns exactly what OpenCV 4.6's
// cv::CascadeClassifier::detectMultiScale(image, objects, numDetections, ...) returns, the same
// rectangles and the same hit counts, but evaluates eight neighbouring windows at once with AVX2
// where OpenCV tries one window after the other (see haar_cascade_kernel.cpp). Only what those
// cascades need is supported: new-format XML, boosted stages of stumps on Haar features (upright
// or tilted); anything else is refused with an error naming the file.
#include "core/features/haar_cascade_kernel.h"

#include <QString>
#include <array>
#include <opencv2/core/mat.hpp>

namespace sl::features {

class HaarCascade {
public:
    enum class Kernel { Best, Scalar, Avx2 };  // Best: AVX2 where the CPU has it

    // Throws sl::Error naming the file when it is missing, unreadable or not a supported cascade.
    static HaarCascade load(const QString &path);

    // image: 8-bit, one channel. The meaning of every argument (and the result, clipped to the
    // image) is that of cv::CascadeClassifier::detectMultiScale with flags 0; an empty maxSize
    // means no upper limit.
    void detectMultiScale(const cv::Mat &image, std::vector<cv::Rect> &objects, std::vector<int> &numDetections,
                          double scaleFactor, int minNeighbours, cv::Size minSize = {}, cv::Size maxSize = {});
    void detectMultiScale(const cv::Mat &image, std::vector<cv::Rect> &objects, double scaleFactor, int minNeighbours,
                          cv::Size minSize = {}, cv::Size maxSize = {});

    cv::Size windowSize() const { return m_window; }
    // For tests and benchmarks: which inner loop runs. Kernel::Avx2 on a CPU without AVX2 falls back to the scalar loop.
    void setKernel(Kernel kernel) { m_kernel = kernel; }

private:
    struct Feature {
        cv::Rect rect[3];
        float weight[3] = {0.0F, 0.0F, 0.0F};
        bool tilted = false;
    };
    struct StumpSource {
        int feature;
        float threshold, left, right;
    };
    // Corner offsets of every stump for one layout of the integral buffers (see scanScale).
    struct Layout {
        int step = 0;
        int rowStride = 0;
        int planeSize = 0;
        haar::Cascade cascade;
    };

    const Layout &layoutFor(int step, int rowStride, int planeSize);
    struct ScalePlan;
    void scanScale(const cv::Mat &image, const ScalePlan &plan, std::vector<cv::Rect> &candidates);

    QString m_path;
    cv::Size m_window;
    std::vector<Feature> m_features;
    std::vector<StumpSource> m_stumps;
    std::vector<haar::Stage> m_stages;
    bool m_hasTilted = false;
    Kernel m_kernel = Kernel::Best;

    // Work space, kept between calls.
    std::array<Layout, 2> m_layouts;  // one for each window step (1 and 2)
    cv::Mat m_resized, m_sum, m_squares, m_tilted;
    std::vector<std::int32_t> m_sumPlanes;
    std::vector<std::uint32_t> m_squarePlanes;
    int m_rowStride = 0;
    int m_planeRows = 0;
    haar::RowScratch m_scratch;
    std::vector<int> m_accepted;
};

}  // namespace sl::features
