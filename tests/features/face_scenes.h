#pragma once
// Generated faces for the face-network tests and the detection bench: the demo's animated face
// (core/demo/face_animator.h, a real photo with a smile or frown warp at the mouth corners) at
// rest, then turned, tilted, shrunk or dimmed by known amounts.
#include "core/demo/expression.h"
#include "core/demo/face_animator.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <QString>

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>
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

// A turn of the face in depth: the face's surface is taken to be the mesh `points` (FaceMesh's
// landmarks of this frontal frame, z on the scale of x), cut into triangles, turned by `degrees`
// about the vertical axis through the middle of the face's sides (landmarks 234, 454; positive:
// towards the image's right) and painted back far-to-near with each triangle's own texture. What
// the turn uncovers takes the face's mean colour. The depth is FaceMesh's own estimate, so this
// checks that the network and face_geometry.h read back a turn of the surface they describe.
inline cv::Mat turnedInDepth(const cv::Mat &frame, const std::vector<cv::Point3f> &points, double degrees)
{
    const double yaw = degrees * std::numbers::pi / 180.0;
    const cv::Point3f pivot = (points[234] + points[454]) * 0.5F;
    std::vector<cv::Point3f> moved;
    for (const cv::Point3f &p : points) {
        const double x = p.x - pivot.x, z = p.z - pivot.z;
        moved.emplace_back(float(pivot.x + x * std::cos(yaw) - z * std::sin(yaw)), p.y,
                           float(pivot.z + x * std::sin(yaw) + z * std::cos(yaw)));
    }
    // Triangles of the frontal landmarks (Delaunay), as landmark numbers.
    cv::Subdiv2D subdiv(cv::Rect(0, 0, frame.cols, frame.rows));
    std::vector<cv::Point2f> flat;
    for (const cv::Point3f &p : points)
        flat.emplace_back(p.x, p.y);
    for (const cv::Point2f &p : flat)
        subdiv.insert(p);
    std::vector<cv::Vec6f> list;
    subdiv.getTriangleList(list);
    const auto nearest = [&](float x, float y) {
        int best = -1;
        float bestDistance = 0.5F;
        for (std::size_t i = 0; i < flat.size(); ++i)
            if (const float d = std::hypot(flat[i].x - x, flat[i].y - y); d < bestDistance)
                best = int(i), bestDistance = d;
        return best;
    };
    std::vector<std::array<int, 3>> triangles;
    for (const cv::Vec6f &t : list) {
        const std::array<int, 3> tri = {nearest(t[0], t[1]), nearest(t[2], t[3]), nearest(t[4], t[5])};
        if (tri[0] >= 0 && tri[1] >= 0 && tri[2] >= 0)
            triangles.push_back(tri);
    }
    std::sort(triangles.begin(), triangles.end(), [&](const auto &a, const auto &b) {
        return moved[a[0]].z + moved[a[1]].z + moved[a[2]].z > moved[b[0]].z + moved[b[1]].z + moved[b[2]].z;
    });
    cv::Mat out = frame.clone();
    std::vector<cv::Point> hull;
    std::vector<cv::Point> rounded;
    for (const cv::Point2f &p : flat)
        rounded.emplace_back(cvRound(p.x), cvRound(p.y));
    cv::convexHull(rounded, hull);
    cv::Mat faceMask(frame.size(), CV_8U, cv::Scalar(0));
    cv::fillConvexPoly(faceMask, hull, cv::Scalar(255));
    cv::fillConvexPoly(out, hull, cv::mean(frame, faceMask));
    for (const auto &tri : triangles) {
        std::array<cv::Point2f, 3> from, to;
        for (int k = 0; k < 3; ++k) {
            from[std::size_t(k)] = flat[std::size_t(tri[std::size_t(k)])];
            to[std::size_t(k)] = cv::Point2f(moved[std::size_t(tri[std::size_t(k)])].x, moved[std::size_t(tri[std::size_t(k)])].y);
        }
        const cv::Rect box = cv::boundingRect(std::vector<cv::Point2f>(to.begin(), to.end())) & cv::Rect(0, 0, frame.cols, frame.rows);
        if (box.area() == 0)
            continue;
        // Only the triangle's bounding box is warped: its texture lands at (0, 0) of the patch.
        cv::Mat m = cv::getAffineTransform(from.data(), to.data());
        m.at<double>(0, 2) -= box.x;
        m.at<double>(1, 2) -= box.y;
        cv::Mat patch;
        cv::warpAffine(frame, patch, m, box.size(), cv::INTER_LINEAR, cv::BORDER_REPLICATE);
        cv::Mat mask(box.size(), CV_8U, cv::Scalar(0));
        std::vector<cv::Point> corners;
        for (const cv::Point2f &p : to)
            corners.emplace_back(cvRound(p.x) - box.x, cvRound(p.y) - box.y);
        cv::fillConvexPoly(mask, corners, cv::Scalar(255));
        patch.copyTo(out(box), mask);
    }
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
