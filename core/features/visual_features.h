#pragma once
// Visual descriptors of each analysed video frame: the main face, its motion and parts, its
// appearance, and the motion of the whole frame.
//
// Dimensions (56), in column order:
//   face_present        1 when a face was found, else 0
//   face_x, face_y      top-left corner of the face box / frame width, height
//   face_w, face_h      box size / frame width, height
//   face_vx, face_vy    velocity of the box centre, in frame widths / heights per second
//   face_vscale         relative growth of the box per second (moving towards the camera > 0)
//   head_roll           tilt of the eye line in radians (0 unless both eyes are found)
//   eyes_detected       0, 1 or 2
//   smile_detected      0 or 1;  smile_strength  0 .. 1 (see face_parts.h)
//   mouth_mean, mouth_std, mouth_grad_energy    mouth region statistics (see face_parts.h)
//   lbp_tl_u0 .. lbp_br_nonuniform (40)         appearance of the face (see lbp_histogram.h)
//   motion_energy       mean absolute difference from the previous analysed frame, 0 .. 1
//                       (grey levels / 255, on a copy 160 pixels wide); 0 for the first frame
//
// The "absent" vector: a frame without a face has every face dimension (all but motion_energy)
// equal to 0, and the next face found has zero velocity, because a velocity across a gap would
// be a jump, not motion. motion_energy is measured with or without a face.
#include "core/features/face_detector.h"
#include "core/features/face_parts.h"
#include "core/features/feature_matrix.h"
#include "core/features/lbp_histogram.h"

#include <opencv2/core/mat.hpp>

#include <memory>
#include <string>
#include <vector>

namespace sl::features {

// Stored with every visual feature set; raise it whenever a change alters the values, so that
// feature sets extracted before are re-extracted (and models trained on them are told apart).
// 2: the face is followed within an eighth of its size instead of a quarter, and the eye band
//    leaves out the sides of the face (see face_detector.cpp, face_parts.cpp).
inline constexpr const char *kVisualExtractorVersion = "2";

struct VisualConfig {
    FaceDetectorConfig face;
    int smileMinNeighbours = kDefaultSmileHits;
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
    // the face parts (face box, its motion, motion_energy) and returns the face cut out of the
    // frame and scaled to kFaceSize x kFaceSize, or an empty Mat when the frame has none (its row
    // is then complete).
    cv::Mat locateFace(const cv::Mat &frame, double timeSeconds, FeatureMatrix &out);

    // The face-part dimensions (head_roll .. the LBP histogram) of one face: kFacePartDims values
    // for the columns from kFirstFacePartColumn on. Needs no other frame, so faces can be
    // described on several threads, each with its own analyser (see partsAnalyser()).
    static constexpr std::size_t kFirstFacePartColumn = 8;
    static constexpr std::size_t kFacePartDims = 7 + kLbpDims;
    static void describeFaceParts(FacePartsAnalyser &analyser, const cv::Mat &face, float *parts);

    // Analyser number `i` (0, 1, ...), made on first use from this extractor's configuration.
    FacePartsAnalyser &partsAnalyser(std::size_t i);

private:
    void describeFaceBox(const cv::Rect &box, double timeSeconds, float *row);

    VisualConfig m_config;
    FaceDetector m_detector;
    std::vector<std::unique_ptr<FacePartsAnalyser>> m_parts;  // [0] made at construction
    cv::Mat m_gray;
    cv::Mat m_thumbnail;
    cv::Mat m_previousThumbnail;
    cv::Size m_frameSize;
    std::optional<cv::Rect2d> m_previousBox;  // normalised, of the previous analysed frame
    double m_previousTime = 0.0;
};

}  // namespace sl::features
