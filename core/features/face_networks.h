#pragma once
// The two pretrained face networks, run through OpenCV's dnn module (ONNX files converted at build
// time from the TF.js graphs of npm @vladmandic/human 3.3.6 by packaging/convert-face-models.py;
// licences in resources/features/ATTRIBUTION.md):
// - the expression classifier (mini-Xception trained on FER2013): a 64 x 64 grey face scaled to
//   [-1, 1] -> probabilities of 7 expressions;
// - MediaPipe FaceMesh: a 192 x 192 RGB crop scaled to [0, 1] of the face box enlarged by a
//   quarter -> 468 landmarks (x, y in crop pixels, z a depth on about the scale of x) and a face
//   score, the probability that the crop holds a face.
// A cv::dnn::Net is not safe to run from two threads at once: each thread needs its own
// FaceNetworks.
#include <opencv2/core/mat.hpp>
#include <opencv2/dnn/dnn.hpp>

#include <QString>

#include <array>
#include <optional>
#include <vector>

namespace sl::features {

inline constexpr int kExpressionCount = 7;
// In the order of the network's outputs (FER2013's classes).
inline constexpr std::array<const char *, kExpressionCount> kExpressionNames = {"angry", "disgust", "fear", "happy",
                                                                                  "sad",   "surprise", "neutral"};
inline constexpr int kExpressionInputSize = 64;
inline constexpr int kMeshInputSize = 192;
inline constexpr int kMeshPoints = 468;
// FaceMesh's score below which its landmarks are not used (its own threshold for "a face").
inline constexpr float kMinMeshScore = 0.5F;

// Where the converted networks are: $SENTILENS_FACE_MODELS when set (a folder; "none" turns the
// networks off), else <program>/../share/sentilens/face (an installed SentiLens), else the build's
// own folder. Empty when no candidate holds both files.
QString defaultFaceModelDir();

struct FaceMesh {
    std::vector<cv::Point3f> points;  // kMeshPoints, in frame pixels (z scaled like x)
    float score = 0.0F;               // FaceMesh's own face score, 0 .. 1
};

class FaceNetworks {
public:
    // dir holds emotion.onnx and facemesh.onnx. Throws sl::Error naming the file that is missing
    // or that OpenCV cannot read.
    explicit FaceNetworks(const QString &dir);

    // grayFace: 8-bit, one channel, the face box (any size; it is scaled to 64 x 64).
    std::array<float, kExpressionCount> expressions(const cv::Mat &grayFace);

    // The square region FaceMesh looks at for a face box: the box enlarged by a quarter on each
    // side and made square about its centre, turned by `roll` radians (the face's tilt, positive
    // when the eye on the image's right is lower) so that the face comes out upright.
    struct Region {
        cv::Point2f centre;
        float side = 0.0F;
        float roll = 0.0F;
    };
    static Region meshRegion(const cv::Rect2f &faceBox, float roll = 0.0F);
    // FaceMesh on `region` of `frame` (8-bit BGR, or grey; pixels beyond the frame are black).
    FaceMesh mesh(const cv::Mat &frame, const Region &region);
    // FaceMesh on a face box: FaceMesh reads upright faces best, so when the face is tilted by
    // more than kRealignRoll, the region is turned by that tilt and the network run again (at most
    // three runs in all).
    FaceMesh alignedMesh(const cv::Mat &frame, const cv::Rect2f &faceBox);
    static constexpr float kRealignRoll = 0.08F;  // radians, about 5 degrees

private:
    cv::dnn::Net m_expression;
    cv::dnn::Net m_mesh;
    std::vector<cv::String> m_meshOutputs;  // mesh, then face score
    cv::Mat m_blob;
};

}  // namespace sl::features
