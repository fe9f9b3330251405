#include "core/features/face_detector.h"

#include <algorithm>
#include <opencv2/imgproc.hpp>

namespace sl::features {

namespace {

// While following, the region is scaled so that the last face matches one of the cascade's own
// window sizes (24 px x 1.15^5, about 48 px) and only that size and its two neighbours are tried.
// Measured on compressed video: at 42 px as the middle size the box drifts larger from frame to
// frame until the face, now mapped below 40 px where the cascade often misses it, is lost; at
// 48 px it stays put.
constexpr double kFollowStep = 1.15;
constexpr double kFollowWidth = 24.0 * kFollowStep * kFollowStep * kFollowStep * kFollowStep * kFollowStep;
constexpr double kSearchStep = 1.15;
constexpr double kSearchMinWidth = 30.0;  // smallest face width, in pixels, while searching

cv::Rect scaleRect(const cv::Rect &r, double factor)
{
    return {cvRound(r.x * factor), cvRound(r.y * factor), cvRound(r.width * factor), cvRound(r.height * factor)};
}

}  // namespace

FaceDetector::FaceDetector(const FaceDetectorConfig &config)
    : m_config(config), m_cascade(loadCascade(config.cascadeDir, QStringLiteral("haarcascade_frontalface_default.xml")))
{
}

void FaceDetector::reset()
{
    m_previous.reset();
    m_framesSinceSearch = 0;
}

// Scales the region, equalises it (the cascade is less sensitive to exposure then) and returns
// the best face in the region's own pixels.
std::optional<cv::Rect> FaceDetector::detectScaled(const cv::Mat &region, double scale, double step, cv::Size minSize,
                                                   cv::Size maxSize)
{
    cv::resize(region, m_scaled, cv::Size(), scale, scale, scale < 1.0 ? cv::INTER_AREA : cv::INTER_LINEAR);
    cv::equalizeHist(m_scaled, m_scaled);
    std::vector<cv::Rect> faces;
    std::vector<int> hits;
    m_cascade.detectMultiScale(m_scaled, faces, hits, step, m_config.minNeighbours, minSize, maxSize);
    if (faces.empty())
        return std::nullopt;
    // The face with the most supporting hits: false detections (a helmet, a patterned shirt) are
    // often larger than the real face but rest on a few hits only.
    std::size_t best = 0;
    for (std::size_t i = 1; i < faces.size(); ++i)
        if (hits[i] > hits[best] || (hits[i] == hits[best] && faces[i].area() > faces[best].area()))
            best = i;
    return scaleRect(faces[best], 1.0 / scale);
}

std::optional<cv::Rect> FaceDetector::follow(const cv::Mat &gray, const cv::Rect &previous)
{
    // A margin of an eighth of the face on each side: between two frames analysed at 15 per second
    // a head rarely moves further (a 100 px face does only when it crosses a 640 px frame in less
    // than 3.4 s), and most of the cascade's work goes into windows that overlap the face, so
    // every pixel less counts: a quarter cost 45% more. A face that moved further is lost here and
    // found again by a full search of the same frame (see find()).
    const int marginX = previous.width / 8;
    const int marginY = previous.height / 8;
    const cv::Rect around = cv::Rect(previous.x - marginX, previous.y - marginY, previous.width + 2 * marginX,
                                     previous.height + 2 * marginY)
                            & cv::Rect(0, 0, gray.cols, gray.rows);
    const double scale = kFollowWidth / previous.width;
    const int low = static_cast<int>(kFollowWidth / kFollowStep) - 1;
    const int high = static_cast<int>(kFollowWidth * kFollowStep) + 1;
    const auto face = detectScaled(gray(around), scale, kFollowStep, cv::Size(low, low), cv::Size(high, high));
    if (!face)
        return std::nullopt;
    return *face + around.tl();
}

std::optional<cv::Rect> FaceDetector::search(const cv::Mat &gray)
{
    const double smallest = m_config.minFaceFraction * std::min(gray.cols, gray.rows);
    const double scale = std::min(1.0, kSearchMinWidth / smallest);
    const int minSide = std::max(24, cvRound(smallest * scale));
    return detectScaled(gray, scale, kSearchStep, cv::Size(minSide, minSide), cv::Size());
}

std::optional<cv::Rect> FaceDetector::find(const cv::Mat &gray)
{
    if (m_previous) {
        m_previous = follow(gray, *m_previous);
        // A face lost while following is searched for at once: it has most likely only moved fast.
        if (!m_previous)
            m_framesSinceSearch = 0;
    }
    if (!m_previous) {
        if (m_framesSinceSearch > 0 && m_framesSinceSearch < m_config.searchInterval) {
            ++m_framesSinceSearch;
            return std::nullopt;
        }
        m_framesSinceSearch = 1;
        m_previous = search(gray);
    }
    return m_previous;
}

}  // namespace sl::features
