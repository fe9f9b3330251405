#pragma once
// Visual descriptors of each analysed video frame: the main face, its motion and parts, its
// appearance, and the motion of the whole frame.
//
// Dimensions (75), in column order:
//   face_present        1 when a face was found, else 0
//   face_x, face_y      top-left corner of the face box / frame width, height
//   face_w, face_h      box size / frame width, height
//   face_vx, face_vy    velocity of the box centre, in frame widths / heights per second
//   face_vscale         relative growth of the box per second (moving towards the camera > 0)
//   head_roll           tilt of the eye line in radians, positive when the eye on the image's right
//                       is lower: from FaceMesh's landmarks when the networks found the face, else
//                       from the Haar eyes (0 unless both are found)
//   eyes_detected       0, 1 or 2
//   smile_detected      0 or 1;  smile_strength  0 .. 1 (see face_parts.h)
//   mouth_mean, mouth_std, mouth_grad_energy    mouth region statistics (see face_parts.h)
//   lbp_tl_u0 .. lbp_br_nonuniform (40)         appearance of the face (see lbp_histogram.h)
//   face_mesh_score     FaceMesh's probability that the face box holds a face (0 without networks)
//   expr_angry, expr_disgust, expr_fear, expr_happy, expr_sad, expr_surprise, expr_neutral
//                       the expression network's probabilities (sum 1; all 0 without networks)
//   expr_valence        p(happy) - p(angry) - p(disgust) - p(fear) - p(sad), -1 .. 1: positive
//                       minus negative expressions; surprise (either sign) and neutral count 0
//   au12_lip_corner_pull, au15_lip_corner_depressor, au1_inner_brow_raise, au2_outer_brow_raise,
//   au4_brow_lowerer, au25_lips_part, au26_jaw_drop, eye_aperture, head_yaw, head_pitch
//                       landmark geometry in eye distances and radians (see face_geometry.h); 0
//                       without networks or when FaceMesh's score is below kMinMeshScore
//   motion_energy       mean absolute difference from the previous analysed frame, 0 .. 1
//                       (grey levels / 255, on a copy 160 pixels wide); 0 for the first frame
//
// The "absent" vector: a frame without a face has every face dimension (all but motion_energy)
// equal to 0, and the next face found has zero velocity, because a velocity across a gap would
// be a jump, not motion. motion_energy is measured with or without a face.
//
// The networks (face_networks.h; absent when their files are, which leaves the Haar path alone)
// cost about 12 ms of CPU per run (FaceMesh 7, expressions 5), some 12 times the rest of a frame,
// so they run on the first frame of every face track and then every
// VisualConfig::networkInterval seconds (1 by default); the frames between hold the last values
// of the same track (the Haar detector follows the face on every frame, as before). See
// tests/bench/README.md for what that costs a clip. With the networks, a face the Haar detector
// loses while following it is kept while FaceMesh still finds it on its last box
// (mesh_face_follower.h; VisualConfig::meshFollowing).
#include "core/features/face_detector.h"
#include "core/features/face_networks.h"
#include "core/features/face_parts.h"
#include "core/features/feature_matrix.h"
#include "core/features/lbp_histogram.h"
#include "core/features/mesh_face_follower.h"

#include <opencv2/core/mat.hpp>

#include <memory>
#include <string>
#include <vector>

namespace sl::features {

// Stored with every visual feature set; raise it whenever a change alters the values, so that
// feature sets extracted before are re-extracted (and models trained on them are told apart).
// 2: the face is followed within an eighth of its size instead of a quarter, and the eye band
//    leaves out the sides of the face (see face_detector.cpp, face_parts.cpp).
// 3: expression probabilities, action units and head pose from two networks (face_networks.h).
inline constexpr const char *kVisualExtractorVersion = "3";

struct VisualConfig {
    FaceDetectorConfig face;
    int smileMinNeighbours = kDefaultSmileHits;
    // Folder of the face networks (face_networks.h); empty: the Haar features only.
    QString faceModelDir = defaultFaceModelDir();
    // Seconds between two runs of the networks on the same face track (see above).
    double networkInterval = 1.0;
    // With the networks: a face the Haar detector loses while following it is kept while FaceMesh
    // still finds it on its last box (mesh_face_follower.h); off, the Haar detector alone.
    bool meshFollowing = defaultMeshFollowing();
};

// One frame's face as locateFace() hands it on.
struct LocatedFace {
    cv::Mat face;          // the face box, grey, scaled to kFaceSize x kFaceSize; empty: no face
    cv::Mat frame;         // the whole frame when the networks run on this face, else empty
    cv::Rect2f box;        // the face box in the frame's pixels
};

class VisualExtractor {
public:
    // Throws sl::Error naming a cascade file that is missing.
    explicit VisualExtractor(const VisualConfig &config = {});

    static const std::vector<std::string> &names();

    // Forgets the previous frame and face (call between clips).
    void reset();

    // Appends the features of one frame (8-bit BGR or gray) taken at timeSeconds to `out`, whose
    // names are names() (an empty `out` gets them).
    void process(const cv::Mat &frame, double timeSeconds, FeatureMatrix &out);

    // process() in its two stages, so that the frames of a clip can be spread over threads (see
    // visual_pipeline.h); process() is locateFace() followed by describeFaceParts().
    //
    // locateFace() must see the frames in order: it appends the frame's row with everything but
    // the face parts (face box, its motion, motion_energy) and returns the face (see LocatedFace),
    // whose `face` is empty when the frame has none (its row is then complete).
    // frame: 8-bit BGR or grey; gray: the same frame in grey (may be `frame` itself).
    LocatedFace locateFace(const cv::Mat &frame, const cv::Mat &gray, double timeSeconds, FeatureMatrix &out);

    // The face-part dimensions (head_roll .. head_pitch) of one face: kFacePartDims values for
    // the columns from kFirstFacePartColumn on. Needs no other frame, so faces can be described
    // on several threads, each with its own analyser and networks (see partsAnalyser(),
    // networks()); `networks` may be null. Returns whether the networks ran.
    static constexpr std::size_t kFirstFacePartColumn = 8;
    static constexpr std::size_t kNetworkDims = 19;
    static constexpr std::size_t kFacePartDims = 7 + kLbpDims + kNetworkDims;
    static bool describeFaceParts(FacePartsAnalyser &analyser, FaceNetworks *networks, const LocatedFace &face, float *parts);

    // Fills the network columns of a row whose face skipped the networks with those of the last
    // row of the same face track that ran them. Rows must come in order; `ran`: whether the
    // networks ran for this row. Call reset() (or a row without a face) between tracks.
    void holdNetworkValues(float *row, bool ran);

    // Analyser number `i` (0, 1, ...), made on first use from this extractor's configuration.
    FacePartsAnalyser &partsAnalyser(std::size_t i);
    // Networks number `i`, made on first use; null when the extractor runs without them.
    FaceNetworks *networks(std::size_t i);
    bool hasNetworks() const { return !m_config.faceModelDir.isEmpty(); }
    // "haar", or "haar+facemesh" when FaceMesh keeps faces Haar loses (stored with feature sets).
    QString detectorName() const;
    // FaceMesh runs spent keeping lost faces so far (0 without the follower), for benchmarks.
    long followerRuns() const { return m_follower ? m_follower->runs() : 0; }

private:
    void describeFaceBox(const cv::Rect &box, double timeSeconds, float *row);

    VisualConfig m_config;
    FaceDetector m_detector;
    std::vector<std::unique_ptr<FacePartsAnalyser>> m_parts;  // [0] made at construction
    std::vector<std::unique_ptr<FaceNetworks>> m_networks;    // [0] made at construction
    std::unique_ptr<MeshFaceFollower> m_follower;             // its own networks: locateFace's thread
    std::optional<cv::Rect> m_lastFace;                       // the face box of the previous frame
    std::optional<double> m_lastNetworkTime;                  // of the current face track
    std::vector<float> m_held;                                // network columns held, empty if none
    float m_heldRoll = 0.0F;                                  // head_roll of the row held
    cv::Mat m_frameGray;                                      // process()'s grey copy of the frame
    cv::Mat m_gray;
    cv::Mat m_thumbnail;
    cv::Mat m_previousThumbnail;
    cv::Size m_frameSize;
    std::optional<cv::Rect2d> m_previousBox;  // normalised, of the previous analysed frame
    double m_previousTime = 0.0;
};

}  // namespace sl::features
