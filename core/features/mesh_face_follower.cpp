#include "core/features/mesh_face_follower.h"

#include "core/features/face_geometry.h"

#include <cmath>

namespace sl::features {

namespace {

// FaceMesh's outer eye corners (the same points face_geometry.cpp measures roll and scale by).
constexpr std::size_t kRightEyeOuter = 33;
constexpr std::size_t kLeftEyeOuter = 263;

}  // namespace

bool defaultMeshFollowing()
{
    return qEnvironmentVariable("SENTILENS_FACE_DETECTOR").trimmed().toLower() != QLatin1String("haar");
}

MeshFaceFollower::MeshFaceFollower(const QString &modelDir) : m_networks(modelDir) {}

void MeshFaceFollower::reset()
{
    m_reference.reset();
    m_roll = 0.0F;
}

std::optional<cv::Rect> MeshFaceFollower::follow(const cv::Mat &frame, const cv::Rect &lastBox)
{
    const cv::Rect2f box(lastBox);
    FaceMesh mesh = m_networks.mesh(frame, FaceNetworks::meshRegion(box, m_roll));
    ++m_runs;
    // A face tilted further than the region is turned reads as less tilted: turn the region by
    // the tilt seen and look once more (as FaceNetworks::alignedMesh does, but starting from the
    // track's last tilt, so that a face that stays tilted costs one run per frame).
    if (mesh.score >= kMinMeshScore) {
        const float seen = faceGeometry(mesh.points).roll;
        if (std::abs(seen - m_roll) > FaceNetworks::kRealignRoll) {
            m_roll = seen;
            mesh = m_networks.mesh(frame, FaceNetworks::meshRegion(box, m_roll));
            ++m_runs;
        }
    }
    if (mesh.score < kMinMeshScore) {
        reset();
        return std::nullopt;
    }
    cv::Point2f centroid(0.0F, 0.0F);
    for (const cv::Point3f &p : mesh.points)
        centroid += cv::Point2f(p.x, p.y);
    centroid *= 1.0F / static_cast<float>(mesh.points.size());
    const cv::Point3f eyes = mesh.points[kLeftEyeOuter] - mesh.points[kRightEyeOuter];
    const float eyeDistance = std::sqrt(eyes.dot(eyes));  // with depth: a turned head keeps its size
    if (!(eyeDistance > 0.0F)) {
        reset();
        return std::nullopt;
    }
    if (!m_reference) {
        m_reference = Reference{centroid, eyeDistance, box};
        return lastBox;
    }
    const Reference &ref = *m_reference;
    const float scale = eyeDistance / ref.eyeDistance;
    const cv::Point2f centre = cv::Point2f(ref.box.x + ref.box.width / 2, ref.box.y + ref.box.height / 2) + (centroid - ref.centroid);
    const float width = ref.box.width * scale, height = ref.box.height * scale;
    const cv::Rect held(cvRound(centre.x - width / 2), cvRound(centre.y - height / 2), cvRound(width), cvRound(height));
    if (held.width < 4 || held.height < 4)
        return std::nullopt;
    return held;
}

}  // namespace sl::features
