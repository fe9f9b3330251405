#include "core/features/visual_features.h"

#include <opencv2/imgproc.hpp>

namespace sl::features {

namespace {

constexpr int kMotionWidth = 160;

enum Column : int {
    FacePresent,
    FaceX,
    FaceY,
    FaceW,
    FaceH,
    FaceVx,
    FaceVy,
    FaceVscale,
    HeadRoll,
    EyesDetected,
    SmileDetected,
    SmileStrength,
    MouthMean,
    MouthStd,
    MouthGradEnergy,
    Lbp,
    MotionEnergy = Lbp + kLbpDims,
    ColumnCount
};

static_assert(VisualExtractor::kFirstFacePartColumn == HeadRoll);
static_assert(VisualExtractor::kFirstFacePartColumn + VisualExtractor::kFacePartDims == MotionEnergy);

}  // namespace

const std::vector<std::string> &VisualExtractor::names()
{
    static const std::vector<std::string> names = [] {
        std::vector<std::string> n = {"face_present", "face_x",        "face_y",         "face_w",
                                      "face_h",       "face_vx",       "face_vy",        "face_vscale",
                                      "head_roll",    "eyes_detected", "smile_detected", "smile_strength",
                                      "mouth_mean",   "mouth_std",     "mouth_grad_energy"};
        const std::vector<std::string> lbp = lbpNames();
        n.insert(n.end(), lbp.begin(), lbp.end());
        n.push_back("motion_energy");
        return n;
    }();
    return names;
}

VisualExtractor::VisualExtractor(const VisualConfig &config) : m_config(config), m_detector(config.face)
{
    partsAnalyser(0);  // so that a missing cascade is reported here
}

FacePartsAnalyser &VisualExtractor::partsAnalyser(std::size_t i)
{
    while (m_parts.size() <= i)
        m_parts.push_back(std::make_unique<FacePartsAnalyser>(m_config.face.cascadeDir, m_config.smileMinNeighbours));
    return *m_parts[i];
}

void VisualExtractor::reset()
{
    m_detector.reset();
    m_previousThumbnail.release();
    m_previousBox.reset();
}

void VisualExtractor::process(const cv::Mat &frame, double timeSeconds, FeatureMatrix &out)
{
    const cv::Mat face = locateFace(frame, timeSeconds, out);
    if (!face.empty())
        describeFaceParts(*m_parts[0], face, out.values.data() + out.values.size() - ColumnCount + kFirstFacePartColumn);
}

cv::Mat VisualExtractor::locateFace(const cv::Mat &frame, double timeSeconds, FeatureMatrix &out)
{
    if (out.names.empty())
        out.names = names();
    out.times.push_back(timeSeconds);
    out.values.resize(out.values.size() + ColumnCount, 0.0F);
    float *row = out.values.data() + out.values.size() - ColumnCount;

    if (frame.channels() == 1)
        m_gray = frame;
    else
        cv::cvtColor(frame, m_gray, cv::COLOR_BGR2GRAY);
    m_frameSize = m_gray.size();

    // Motion is measured on a small copy: what matters is how much of the picture changes, and
    // the copy also damps the flicker of compression noise.
    const double thumbScale = static_cast<double>(kMotionWidth) / m_gray.cols;
    cv::resize(m_gray, m_thumbnail, cv::Size(kMotionWidth, std::max(1, cvRound(m_gray.rows * thumbScale))), 0, 0, cv::INTER_AREA);
    if (!m_previousThumbnail.empty() && m_previousThumbnail.size() == m_thumbnail.size())
        row[MotionEnergy] = static_cast<float>(cv::norm(m_thumbnail, m_previousThumbnail, cv::NORM_L1)
                                               / (255.0 * static_cast<double>(m_thumbnail.total())));
    std::swap(m_previousThumbnail, m_thumbnail);

    const std::optional<cv::Rect> found = m_detector.find(m_gray);
    const cv::Rect box = found ? *found & cv::Rect(0, 0, m_gray.cols, m_gray.rows) : cv::Rect();
    if (box.area() == 0) {
        m_previousBox.reset();
        return {};
    }
    describeFaceBox(box, timeSeconds, row);
    cv::Mat face;
    cv::resize(m_gray(box), face, cv::Size(kFaceSize, kFaceSize), 0, 0, cv::INTER_AREA);
    return face;
}

void VisualExtractor::describeFaceBox(const cv::Rect &box, double timeSeconds, float *row)
{
    const cv::Rect2d normalised(static_cast<double>(box.x) / m_frameSize.width, static_cast<double>(box.y) / m_frameSize.height,
                                static_cast<double>(box.width) / m_frameSize.width,
                                static_cast<double>(box.height) / m_frameSize.height);
    row[FacePresent] = 1.0F;
    row[FaceX] = static_cast<float>(normalised.x);
    row[FaceY] = static_cast<float>(normalised.y);
    row[FaceW] = static_cast<float>(normalised.width);
    row[FaceH] = static_cast<float>(normalised.height);
    const double dt = timeSeconds - m_previousTime;
    if (m_previousBox && dt > 0.0) {
        const cv::Rect2d &prev = *m_previousBox;
        row[FaceVx] = static_cast<float>(((normalised.x + normalised.width / 2) - (prev.x + prev.width / 2)) / dt);
        row[FaceVy] = static_cast<float>(((normalised.y + normalised.height / 2) - (prev.y + prev.height / 2)) / dt);
        row[FaceVscale] = static_cast<float>((normalised.width / prev.width - 1.0) / dt);
    }
    m_previousBox = normalised;
    m_previousTime = timeSeconds;
}

void VisualExtractor::describeFaceParts(FacePartsAnalyser &analyser, const cv::Mat &face, float *parts)
{
    // `parts` holds the columns from head_roll on, of a row or of a buffer of its own.
    const auto column = [parts](Column c) -> float & { return parts[c - HeadRoll]; };
    const FaceParts found = analyser.analyse(face);
    column(HeadRoll) = static_cast<float>(found.rollRadians);
    column(EyesDetected) = static_cast<float>(found.eyes);
    column(SmileDetected) = found.smiling ? 1.0F : 0.0F;
    column(SmileStrength) = static_cast<float>(found.smileStrength);
    column(MouthMean) = static_cast<float>(found.mouthMean);
    column(MouthStd) = static_cast<float>(found.mouthStd);
    column(MouthGradEnergy) = static_cast<float>(found.mouthGradient);
    lbpHistogram(face, &column(Lbp));
}

}  // namespace sl::features
