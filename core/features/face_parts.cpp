#include "core/features/face_parts.h"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

namespace sl::features {

namespace {

// Regions of the normalised face, as fractions of its side, where eyes, smiles and the mouth lie
// on an upright frontal face as the Haar face cascade frames it. Tight bands keep the part
// cascades fast: their cost grows with the positions they try.
// The eye band leaves out 8 pixels at each side: the largest eye box (a third of the face) around
// an eye centre at 30% or 70% of the width starts 13 pixels in, and the cheeks and ears at the
// sides cost the eye cascade 15% of its time. (An even offset keeps the cascade's 2-pixel grid.)
const cv::Rect kEyeBand(8, kFaceSize * 18 / 100, kFaceSize - 16, kFaceSize * 37 / 100);
const cv::Rect kSmileBand(0, kFaceSize * 58 / 100, kFaceSize, kFaceSize * 40 / 100);
const cv::Rect kMouth(kFaceSize * 25 / 100, kFaceSize * 68 / 100, kFaceSize * 50 / 100, kFaceSize * 27 / 100);

// Step between the window sizes the part cascades try: the sizes of eyes and mouths relative to
// the face vary little, so three or four sizes suffice.
constexpr double kPartStep = 1.2;

cv::Point2d centre(const cv::Rect &r)
{
    return {r.x + r.width / 2.0, r.y + r.height / 2.0};
}

void measureMouth(const cv::Mat &face, FaceParts &parts)
{
    const cv::Mat mouth = face(kMouth);
    cv::Scalar mean;
    cv::Scalar stddev;
    cv::meanStdDev(mouth, mean, stddev);
    parts.mouthMean = mean[0] / 255.0;
    parts.mouthStd = stddev[0] / 255.0;
    double sum = 0.0;
    for (int y = 0; y < mouth.rows; ++y) {
        const auto *row = mouth.ptr<std::uint8_t>(y);
        for (int x = 1; x < mouth.cols; ++x) {
            const double step = (row[x] - row[x - 1]) / 255.0;
            sum += step * step;
        }
    }
    parts.mouthGradient = sum / (mouth.rows * (mouth.cols - 1));
}

}  // namespace

FacePartsAnalyser::FacePartsAnalyser(const QString &cascadeDir, int smileMinNeighbours)
    : m_eyes(loadCascade(cascadeDir, QStringLiteral("haarcascade_eye.xml"))),
      m_smile(loadCascade(cascadeDir, QStringLiteral("haarcascade_smile.xml"))),
      m_smileMinNeighbours(smileMinNeighbours)
{
}

void FacePartsAnalyser::findEyes(const cv::Mat &face, FaceParts &parts)
{
    std::vector<cv::Rect> found;
    // Eyes of a frontal face are 1/5 to 1/3 of its width: only those sizes are tried.
    m_eyes.detectMultiScale(face(kEyeBand), found, kPartStep, 3, cv::Size(kFaceSize / 5, kFaceSize / 5),
                            cv::Size(kFaceSize / 3, kFaceSize / 3));
    std::sort(found.begin(), found.end(), [](const cv::Rect &a, const cv::Rect &b) { return a.area() > b.area(); });
    // The two largest detections that do not overlap: one eye often fires twice at two scales.
    std::vector<cv::Rect> eyes;
    for (const cv::Rect &r : found) {
        if (eyes.size() == 2)
            break;
        if (eyes.empty() || (eyes.front() & r).area() == 0)
            eyes.push_back(r);
    }
    parts.eyes = static_cast<int>(eyes.size());
    if (eyes.size() == 2) {
        cv::Point2d left = centre(eyes[0]);
        cv::Point2d right = centre(eyes[1]);
        if (left.x > right.x)
            std::swap(left, right);
        parts.rollRadians = std::atan2(right.y - left.y, right.x - left.x);
    }
}

void FacePartsAnalyser::findSmile(const cv::Mat &face, FaceParts &parts)
{
    // With one required neighbour OpenCV groups the raw hits and reports each group's size; the
    // size of the largest group says how strongly the smile pattern fires across scales and shifts.
    std::vector<cv::Rect> smiles;
    std::vector<int> hits;
    // A mouth is 1/3 to 2/3 of the face's width (the cascade's window is 36 x 18).
    m_smile.detectMultiScale(face(kSmileBand), smiles, hits, kPartStep, 1, cv::Size(36, 18),
                             cv::Size(kFaceSize * 2 / 3, kFaceSize / 3));
    const int strongest = hits.empty() ? 0 : *std::max_element(hits.begin(), hits.end());
    parts.smiling = strongest >= m_smileMinNeighbours;
    parts.smileStrength = strongest > 0 ? static_cast<double>(strongest) / (strongest + m_smileMinNeighbours) : 0.0;
}

FaceParts FacePartsAnalyser::analyse(const cv::Mat &face)
{
    FaceParts parts;
    // The cascades see an equalised face; the mouth statistics keep the real intensities.
    cv::equalizeHist(face, m_equalised);
    findEyes(m_equalised, parts);
    findSmile(m_equalised, parts);
    measureMouth(face, parts);
    return parts;
}

}  // namespace sl::features
