#pragma once
// Keeps a face that the Haar detector lost while following it, on FaceMesh's word: FaceMesh is run
// on the region of the face's last box (turned by the tilt it last saw), and while its face score
// stays at or above kMinMeshScore the face is there, its box moved and scaled with the landmarks.
// Measured on the demo face (tests/bench/README.md, "Face detection"), this keeps tilted and
// shrinking faces that the frontal Haar cascade loses; it cannot find a face nobody followed, so
// the Haar search still finds faces first.
//
// The box is moved relative to the last Haar box of the track: on the first frame Haar loses, the
// landmarks' centre and eye distance there are the reference, and later boxes keep the same
// offset and scale to them, so that a held box matches the Haar boxes before it in place and size.
#include "core/features/face_networks.h"

#include <QString>
#include <optional>
#include <opencv2/core/types.hpp>

namespace sl::features {

// Whether extractors keep lost faces with FaceMesh by default (where the networks are there):
// yes, unless $SENTILENS_FACE_DETECTOR is "haar" (the Haar detector alone, as visual extractor
// version 3 first shipped; its feature sets say "detector": "haar").
bool defaultMeshFollowing();

class MeshFaceFollower {
public:
    // Throws sl::Error as FaceNetworks does.
    explicit MeshFaceFollower(const QString &modelDir);

    // frame: 8-bit BGR or grey; lastBox: the face's box on the previous analysed frame. The face's
    // box on this frame, or nothing when FaceMesh finds no face there (the follower then forgets
    // the track).
    std::optional<cv::Rect> follow(const cv::Mat &frame, const cv::Rect &lastBox);

    // Forgets the track (Haar has the face again, or a new clip).
    void reset();

    // FaceMesh runs so far (one or two per held frame), for benchmarks.
    long runs() const { return m_runs; }

private:
    struct Reference {
        cv::Point2f centroid;
        float eyeDistance = 0.0F;
        cv::Rect2f box;
    };

    FaceNetworks m_networks;
    std::optional<Reference> m_reference;
    float m_roll = 0.0F;
    long m_runs = 0;
};

}  // namespace sl::features
