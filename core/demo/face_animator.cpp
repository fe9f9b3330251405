#include "core/demo/face_animator.h"

#include <cmath>
#include <numbers>
#include <opencv2/imgproc.hpp>

namespace sl::demo {

namespace {

// Landmarks of astronaut.png, measured once by hand (OpenCV's Haar cascade puts the face at
// (177,67) 93x93). Coordinates are photo pixels.
const cv::Point2d kLeftMouthCorner(203.5, 140.5);
const cv::Point2d kRightMouthCorner(244.0, 140.5);
const cv::Rect2d kMouthBox(190.0, 124.0, 68.0, 34.0);
const cv::Point2d kCropCentre(224.0, 120.0);  // the face, slightly below its centre to show the chin
const double kCropHeight = 180.0;             // about twice the face height
const cv::Point2d kNeckPivot(224.0, 175.0);   // a head shake rolls around this point

// Spread of the displacement around each mouth corner. Wide enough (sigma_y > lift / 1.65) that
// the backward map never folds over itself, narrow enough that the eyes do not move.
const double kSigmaX = 9.0;
const double kSigmaY = 11.0;
const double kOutwardPerLift = 0.3;  // a smile also widens the mouth, a frown narrows it
const cv::Point2d kMouthCentre(224.0, 143.0);
const double kSqueezeSigmaX = 16.0;  // the lips close over the width of the mouth only
const double kSqueezeSigmaY = 9.0;
const double kUpperLipShare = 0.3;

// Photo -> frame: roll by angleDeg around the neck, crop around the face, scale to the frame,
// then shift by (dx, dy) frame pixels.
cv::Mat photoToFrame(cv::Size frameSize, double dx, double dy, double angleDeg)
{
    const double scale = frameSize.height / kCropHeight;
    const double cropWidth = kCropHeight * frameSize.width / frameSize.height;
    const cv::Point2d cropOrigin = kCropCentre - cv::Point2d(cropWidth / 2, kCropHeight / 2);
    cv::Mat roll = cv::getRotationMatrix2D(kNeckPivot, angleDeg, 1.0);  // 2x3, CV_64F
    cv::Mat m = roll * scale;
    m.at<double>(0, 2) += -cropOrigin.x * scale + dx;
    m.at<double>(1, 2) += -cropOrigin.y * scale + dy;
    return m;
}

// Gaussian bump of height 1 around a centre.
double bump(double x, double y, cv::Point2d centre, double sigmaX, double sigmaY)
{
    const double ex = (x - centre.x) / sigmaX;
    const double ey = (y - centre.y) / sigmaY;
    return std::exp(-0.5 * (ex * ex + ey * ey));
}

// Moves the content around both mouth corners up (lift > 0) or down, and pulls the lips toward
// each other by the fraction `squeeze` (the photo smiles with open lips, which no frown does).
// Smooth Gaussian falloffs make lips and cheeks bend instead of tearing.
cv::Mat warpMouth(const cv::Mat &photo, double lift, double squeeze)
{
    cv::Mat mapX(photo.size(), CV_32F), mapY(photo.size(), CV_32F);
    const struct {
        cv::Point2d centre;
        double outward;  // -1 for the left corner, +1 for the right
    } corners[] = {{kLeftMouthCorner, -1.0}, {kRightMouthCorner, 1.0}};
    for (int y = 0; y < photo.rows; ++y) {
        auto *rowX = mapX.ptr<float>(y);
        auto *rowY = mapY.ptr<float>(y);
        for (int x = 0; x < photo.cols; ++x) {
            double ux = 0, uy = 0;  // how far the content now at (x, y) has moved
            for (const auto &c : corners) {
                const double weight = bump(x, y, c.centre, kSigmaX, kSigmaY);
                ux += weight * c.outward * kOutwardPerLift * lift;
                uy -= weight * lift;  // image y grows downwards
            }
            // Closing the lips moves content toward the mouth's centre line, mostly the lower lip
            // rising: pulling the upper lip down would drag the shadow under the nose with it.
            const double share = y < kMouthCentre.y ? kUpperLipShare : 1.0;
            uy -= share * squeeze * (y - kMouthCentre.y) * bump(x, y, kMouthCentre, kSqueezeSigmaX, kSqueezeSigmaY);
            // Backward mapping: the output pixel takes the source pixel the content came from.
            rowX[x] = float(x - ux);
            rowY[x] = float(y - uy);
        }
    }
    cv::Mat warped;
    cv::remap(photo, warped, mapX, mapY, cv::INTER_LINEAR, cv::BORDER_REPLICATE);
    return warped;
}

}  // namespace

FaceAnimator::FaceAnimator(const cv::Mat &photo, const Expression &expression, cv::Size frameSize)
    : m_face(warpMouth(photo, expression.cornerLiftPx, expression.lipSqueeze)), m_expression(expression), m_frameSize(frameSize)
{
}

cv::Mat FaceAnimator::frame(double seconds) const
{
    // Every motion starts at rest (sin 0 = 0), so the first frames of two clips differ only in
    // the mouth.
    const double phase = std::sin(2.0 * std::numbers::pi * m_expression.frequencyHz * seconds);
    double dx = 0, dy = 0, angle = 0;
    if (m_expression.motion == HeadMotion::Shake) {
        dx = m_expression.amplitudePx * phase;
        angle = m_expression.rotationDeg * phase;
    } else {
        dy = m_expression.amplitudePx * phase;  // nods, and the neutral face's slow drift
    }
    cv::Mat out;
    cv::warpAffine(m_face, out, photoToFrame(m_frameSize, dx, dy, angle), m_frameSize, cv::INTER_LINEAR,
                   cv::BORDER_REPLICATE);
    return out;
}

cv::Rect FaceAnimator::mouthRegion(cv::Size frameSize)
{
    const cv::Mat m = photoToFrame(frameSize, 0, 0, 0);
    const double scale = m.at<double>(0, 0);  // no roll at rest, so the matrix is scale + shift
    const cv::Rect2d box(kMouthBox.x * scale + m.at<double>(0, 2), kMouthBox.y * scale + m.at<double>(1, 2),
                         kMouthBox.width * scale, kMouthBox.height * scale);
    return cv::Rect(box) & cv::Rect(cv::Point(0, 0), frameSize);
}

}  // namespace sl::demo
