#pragma once
// Finds the main face of each frame with OpenCV's frontal-face Haar cascade and follows it from
// frame to frame. A Haar cascade costs in proportion to the windows it tries, so the detector
// keeps that number small:
// - following: around the last face only (its box plus an eighth on each side), on a copy
//   scaled so that the face is about 48 pixels wide, at three sizes (see face_detector.cpp);
// - searching (no face being followed): the whole frame, on a copy scaled so that the smallest face
//   wanted is 30 pixels, in size steps of 15%; while no face is in view this full search runs on
//   every `searchInterval`-th frame only, and the frames in between report no face.
// Among several candidates the one with the most supporting hits wins.
#include "core/features/cascade.h"

#include <optional>
#include <opencv2/core/types.hpp>

namespace sl::features {

struct FaceDetectorConfig {
    QString cascadeDir = kDefaultCascadeDir;
    double minFaceFraction = 0.15;  // smallest face searched, as a share of the frame's shorter side
    int minNeighbours = 4;          // overlapping hits needed to accept a face
    int searchInterval = 5;         // frames between full searches while no face is in view
};

class FaceDetector {
public:
    // Throws sl::Error naming the cascade file when it is missing.
    explicit FaceDetector(const FaceDetectorConfig &config = {});

    // gray: the whole frame, 8-bit, one channel. The most certain face in its pixels, or nothing.
    std::optional<cv::Rect> find(const cv::Mat &gray);

    // Forgets the face being followed (call between clips).
    void reset();

    // Follows the face from `box` on the next frame (a box another detector held, see
    // mesh_face_follower.h).
    void followFrom(const cv::Rect &box) { m_previous = box; }

private:
    std::optional<cv::Rect> follow(const cv::Mat &gray, const cv::Rect &previous);
    std::optional<cv::Rect> search(const cv::Mat &gray);
    std::optional<cv::Rect> detectScaled(const cv::Mat &region, double scale, double step, cv::Size minSize, cv::Size maxSize);

    FaceDetectorConfig m_config;
    HaarCascade m_cascade;
    std::optional<cv::Rect> m_previous;
    int m_framesSinceSearch = 0;
    cv::Mat m_scaled;
};

}  // namespace sl::features
