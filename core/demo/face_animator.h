#pragma once
// Turns the bundled face photo into the frames of one clip: the mouth corners are warped toward
// a smile or a frown once per clip, then every frame crops the face with the head motion of the
// clip's expression applied.
#include "core/demo/expression.h"

#include <opencv2/core.hpp>

namespace sl::demo {

class FaceAnimator {
public:
    // photo: the bundled astronaut.png (512x512); frameSize: the output frame size.
    FaceAnimator(const cv::Mat &photo, const Expression &expression, cv::Size frameSize);

    // The BGR frame shown at the given time since the start of the clip.
    cv::Mat frame(double seconds) const;

    // Where the mouth lies in a frame when the head is at rest (true at time 0).
    static cv::Rect mouthRegion(cv::Size frameSize);

private:
    cv::Mat m_face;  // the photo with the mouth already warped
    Expression m_expression;
    cv::Size m_frameSize;
};

}  // namespace sl::demo
