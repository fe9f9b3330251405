#include "core/features/face_geometry.h"
#include "core/common/error.h"
#include "core/features/face_networks.h"

#include <cmath>

namespace sl::features {

namespace {

// FaceMesh landmark numbers (MediaPipe's canonical face model). "Right" is the person's right,
// which is on the image's left.
enum Landmark : int {
    UpperLipOuter = 0,
    ForeHead = 10,
    UpperLipInner = 13,
    LowerLipInner = 14,
    LowerLipOuter = 17,
    RightEyeOuter = 33,
    MouthRight = 61,
    RightBrowOuter = 70,
    RightBrowInner = 107,
    RightEyeInner = 133,
    RightEyeLower = 145,
    ChinTip = 152,
    RightEyeUpper = 159,
    RightCheek = 234,
    LeftEyeOuter = 263,
    MouthLeft = 291,
    LeftBrowOuter = 300,
    LeftBrowInner = 336,
    LeftEyeInner = 362,
    LeftEyeLower = 374,
    LeftEyeUpper = 386,
    LeftCheek = 454,
};

}  // namespace

FaceGeometry faceGeometry(const std::vector<cv::Point3f> &mesh)
{
    if (mesh.size() != std::size_t(kMeshPoints))
        throw Error(QStringLiteral("face geometry: %1 landmarks instead of %2").arg(mesh.size()).arg(kMeshPoints));
    const auto mid = [&](int a, int b) { return (mesh[a] + mesh[b]) * 0.5F; };
    const cv::Point3f rightEye = mid(RightEyeOuter, RightEyeInner);
    const cv::Point3f leftEye = mid(LeftEyeOuter, LeftEyeInner);
    const float dx = leftEye.x - rightEye.x, dy = leftEye.y - rightEye.y;
    const float eyeDistance = std::hypot(dx, dy);
    FaceGeometry g;
    if (!(eyeDistance > 0.0F))
        return g;  // a degenerate mesh: nothing to measure
    g.roll = std::atan2(dy, dx);

    // Every landmark in face coordinates: roll removed about the eyes' middle, in eye distances.
    const cv::Point3f origin = (rightEye + leftEye) * 0.5F;
    const float c = dx / eyeDistance, s = dy / eyeDistance;
    const auto at = [&](int i) {
        const cv::Point3f p = mesh[i] - origin;
        return cv::Point3f((c * p.x + s * p.y) / eyeDistance, (-s * p.x + c * p.y) / eyeDistance, p.z / eyeDistance);
    };
    const auto meanY = [&](int a, int b) { return (at(a).y + at(b).y) / 2; };

    const float corners = meanY(MouthRight, MouthLeft);
    g.au12 = meanY(UpperLipInner, LowerLipInner) - corners;  // y grows downwards
    g.au15 = corners - meanY(UpperLipOuter, LowerLipOuter);
    g.au1 = meanY(RightEyeInner, LeftEyeInner) - meanY(RightBrowInner, LeftBrowInner);
    g.au2 = meanY(RightEyeOuter, LeftEyeOuter) - meanY(RightBrowOuter, LeftBrowOuter);
    g.au4 = meanY(RightBrowInner, LeftBrowInner) - meanY(RightBrowOuter, LeftBrowOuter);
    g.au25 = at(LowerLipInner).y - at(UpperLipInner).y;
    g.au26 = at(ChinTip).y - at(UpperLipOuter).y;
    const auto aperture = [&](int upper, int lower, int outer, int inner) {
        const float width = cv::norm(at(outer) - at(inner));
        return width > 0.0F ? (at(lower).y - at(upper).y) / width : 0.0F;
    };
    g.eyeAperture = (aperture(RightEyeUpper, RightEyeLower, RightEyeOuter, RightEyeInner)
                     + aperture(LeftEyeUpper, LeftEyeLower, LeftEyeOuter, LeftEyeInner))
                    / 2;
    const cv::Point3f sides = at(LeftCheek) - at(RightCheek);
    g.yaw = std::atan2(sides.z, sides.x);
    const cv::Point3f length = at(ChinTip) - at(ForeHead);
    g.pitch = std::atan2(length.z, length.y);
    return g;
}

}  // namespace sl::features
