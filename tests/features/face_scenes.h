#pragma once
// Generated faces for the face-network tests and the detection bench: the demo's animated face
// (core/demo/face_animator.h, a real photo with a smile or frown warp at the mouth corners) at
// rest, then turned, tilted, shrunk or dimmed by known amounts.
#include "core/demo/expression.h"
#include "core/demo/face_animator.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <QString>

#include <cmath>
#include <numbers>

namespace sl::test {

inline const cv::Size kSceneSize(640, 360);

// The demo face with its mouth corners lifted by liftPx photo pixels (negative: pulled down) and
// the lips closed by `squeeze` (0..1), as the demo draws it at the start of a clip.
inline cv::Mat demoFace(const cv::Mat &photo, double liftPx, double squeeze = 0.0)
{
    demo::Expression e;
    e.cornerLiftPx = liftPx;
    e.lipSqueeze = squeeze;
    return demo::FaceAnimator(photo, e, kSceneSize).frame(0.0);
}

// In-plane rotation by `degrees` (counter-clockwise on screen, as cv::getRotationMatrix2D turns)
// about `centre`.
inline cv::Mat rolled(const cv::Mat &frame, cv::Point2f centre, double degrees)
{
    cv::Mat out;
    cv::warpAffine(frame, out, cv::getRotationMatrix2D(centre, degrees, 1.0), frame.size(), cv::INTER_LINEAR,
                   cv::BORDER_REPLICATE);
    return out;
}

// A turn about the vertical axis through centreX: the picture within `radius` of that axis is
// taken as painted on the front of a vertical cylinder, which is turned by `degrees` (positive:
// the face turns towards the image's right) and seen from far away. The picture outside the
// cylinder stays. A photo has no depth, so this is the nearest a flat picture comes to a turned
// head: the far side is compressed, the near side widened.
inline cv::Mat turned(const cv::Mat &frame, double centreX, double radius, double degrees)
{
    const double yaw = degrees * std::numbers::pi / 180.0;
    cv::Mat mapX(frame.size(), CV_32F), mapY(frame.size(), CV_32F);
    for (int y = 0; y < frame.rows; ++y)
        for (int x = 0; x < frame.cols; ++x) {
            double sourceX = x;
            const double u = (x - centreX) / radius;
            if (std::abs(u) < 1.0) {
                const double angle = std::asin(u) - yaw;  // where this surface point was before the turn
                sourceX = std::abs(angle) < std::numbers::pi / 2 ? centreX + radius * std::sin(angle)
                                                                  : centreX + radius * (angle > 0 ? 1.0 : -1.0);
            }
            mapX.at<float>(y, x) = static_cast<float>(sourceX);
            mapY.at<float>(y, x) = static_cast<float>(y);
        }
    cv::Mat out;
    cv::remap(frame, out, mapX, mapY, cv::INTER_LINEAR, cv::BORDER_REPLICATE);
    return out;
}

// The frame shrunk by `scale` about `centre` onto its own border colour (a face farther away).
inline cv::Mat shrunk(const cv::Mat &frame, cv::Point2f centre, double scale)
{
    cv::Mat out;
    cv::warpAffine(frame, out, cv::getRotationMatrix2D(centre, 0.0, scale), frame.size(), cv::INTER_AREA,
                   cv::BORDER_REPLICATE);
    return out;
}

// The frame at `gain` of its brightness, with sensor noise of `noise` grey levels (fixed seed).
inline cv::Mat dimmed(const cv::Mat &frame, double gain, double noise)
{
    cv::Mat out;
    frame.convertTo(out, CV_32F, gain);
    cv::Mat grain(frame.size(), CV_32FC3);
    cv::RNG rng(7);
    rng.fill(grain, cv::RNG::NORMAL, 0.0, noise);
    out += grain;
    out.convertTo(out, CV_8U);
    return out;
}

}  // namespace sl::test
