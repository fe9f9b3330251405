#include "core/features/visual_features.h"
#include "core/features/face_geometry.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>

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
    MeshScore = Lbp + kLbpDims,
    Expression,
    Valence = Expression + kExpressionCount,
    Au12,
    Au15,
    Au1,
    Au2,
    Au4,
    Au25,
    Au26,
    EyeAperture,
    HeadYaw,
    HeadPitch,
    MotionEnergy,
    ColumnCount
};

// What the networks give, held over the frames between their runs: head_roll and the network
// columns (head_roll is measured from the landmarks on the frames where they ran).
constexpr std::size_t kHeldLength = MotionEnergy - MeshScore;
static_assert(kHeldLength == VisualExtractor::kNetworkDims);

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
        n.push_back("face_mesh_score");
        for (const char *expression : kExpressionNames)
            n.push_back(std::string("expr_") + expression);
        for (const char *name : {"expr_valence", "au12_lip_corner_pull", "au15_lip_corner_depressor", "au1_inner_brow_raise",
                                 "au2_outer_brow_raise", "au4_brow_lowerer", "au25_lips_part", "au26_jaw_drop", "eye_aperture",
                                 "head_yaw", "head_pitch"})
            n.push_back(name);
        n.push_back("motion_energy");
        return n;
    }();
    return names;
}

VisualExtractor::VisualExtractor(const VisualConfig &config) : m_config(config), m_detector(config.face)
{
    partsAnalyser(0);  // so that a missing cascade is reported here
    networks(0);       // and a missing or unreadable network
    if (hasNetworks() && m_config.meshFollowing)
        m_follower = std::make_unique<MeshFaceFollower>(m_config.faceModelDir);
}

QString VisualExtractor::detectorName() const
{
    return m_follower ? QStringLiteral("haar+facemesh") : QStringLiteral("haar");
}

FaceNetworks *VisualExtractor::networks(std::size_t i)
{
    if (!hasNetworks())
        return nullptr;
    while (m_networks.size() <= i)
        m_networks.push_back(std::make_unique<FaceNetworks>(m_config.faceModelDir));
    return m_networks[i].get();
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
    if (m_follower)
        m_follower->reset();
    m_lastFace.reset();
    m_previousThumbnail.release();
    m_previousBox.reset();
    m_lastNetworkTime.reset();
    m_held.clear();
}

void VisualExtractor::process(const cv::Mat &frame, double timeSeconds, FeatureMatrix &out)
{
    if (frame.channels() == 1)
        m_frameGray = frame;
    else
        cv::cvtColor(frame, m_frameGray, cv::COLOR_BGR2GRAY);
    const LocatedFace face = locateFace(frame, m_frameGray, timeSeconds, out);
    float *row = out.values.data() + out.values.size() - ColumnCount;
    const bool ran = !face.face.empty() && describeFaceParts(*m_parts[0], networks(0), face, row + kFirstFacePartColumn);
    holdNetworkValues(row, ran);
}

void VisualExtractor::holdNetworkValues(float *row, bool ran)
{
    if (row[FacePresent] == 0.0F) {
        m_held.clear();
    } else if (ran) {
        m_held.assign(row + MeshScore, row + MeshScore + kHeldLength);
        m_heldRoll = row[HeadRoll];
    } else if (!m_held.empty()) {
        std::copy(m_held.begin(), m_held.end(), row + MeshScore);
        if (row[MeshScore] >= kMinMeshScore)
            row[HeadRoll] = m_heldRoll;
    }
}

LocatedFace VisualExtractor::locateFace(const cv::Mat &frame, const cv::Mat &gray, double timeSeconds, FeatureMatrix &out)
{
    if (out.names.empty())
        out.names = names();
    out.times.push_back(timeSeconds);
    out.values.resize(out.values.size() + ColumnCount, 0.0F);
    float *row = out.values.data() + out.values.size() - ColumnCount;

    m_gray = gray;
    m_frameSize = m_gray.size();

    // Motion is measured on a small copy: what matters is how much of the picture changes, and
    // the copy also damps the flicker of compression noise.
    const double thumbScale = static_cast<double>(kMotionWidth) / m_gray.cols;
    cv::resize(m_gray, m_thumbnail, cv::Size(kMotionWidth, std::max(1, cvRound(m_gray.rows * thumbScale))), 0, 0, cv::INTER_AREA);
    if (!m_previousThumbnail.empty() && m_previousThumbnail.size() == m_thumbnail.size())
        row[MotionEnergy] = static_cast<float>(cv::norm(m_thumbnail, m_previousThumbnail, cv::NORM_L1)
                                               / (255.0 * static_cast<double>(m_thumbnail.total())));
    std::swap(m_previousThumbnail, m_thumbnail);

    std::optional<cv::Rect> found = m_detector.find(m_gray);
    if (m_follower) {
        if (found)
            m_follower->reset();  // Haar has the face: a later loss starts from its box
        else if (m_lastFace && (found = m_follower->follow(frame, *m_lastFace)))
            m_detector.followFrom(*found);
    }
    const cv::Rect box = found ? *found & cv::Rect(0, 0, m_gray.cols, m_gray.rows) : cv::Rect();
    m_lastFace = box.area() > 0 ? std::optional<cv::Rect>(box) : std::nullopt;
    if (box.area() == 0) {
        m_previousBox.reset();
        m_lastNetworkTime.reset();
        return {};
    }
    describeFaceBox(box, timeSeconds, row);
    LocatedFace located;
    cv::resize(m_gray(box), located.face, cv::Size(kFaceSize, kFaceSize), 0, 0, cv::INTER_AREA);
    // The networks run on a track's first face, then every networkInterval seconds.
    if (hasNetworks() && (!m_lastNetworkTime || timeSeconds - *m_lastNetworkTime >= m_config.networkInterval - 1e-6)) {
        m_lastNetworkTime = timeSeconds;
        located.frame = frame;
        located.box = cv::Rect2f(box);
    }
    return located;
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

bool VisualExtractor::describeFaceParts(FacePartsAnalyser &analyser, FaceNetworks *networks, const LocatedFace &located,
                                        float *parts)
{
    // `parts` holds the columns from head_roll on, of a row or of a buffer of its own.
    const auto column = [parts](Column c) -> float & { return parts[c - HeadRoll]; };
    const cv::Mat &face = located.face;
    const FaceParts found = analyser.analyse(face);
    column(HeadRoll) = static_cast<float>(found.rollRadians);
    column(EyesDetected) = static_cast<float>(found.eyes);
    column(SmileDetected) = found.smiling ? 1.0F : 0.0F;
    column(SmileStrength) = static_cast<float>(found.smileStrength);
    column(MouthMean) = static_cast<float>(found.mouthMean);
    column(MouthStd) = static_cast<float>(found.mouthStd);
    column(MouthGradEnergy) = static_cast<float>(found.mouthGradient);
    lbpHistogram(face, &column(Lbp));
    if (!networks || located.frame.empty())
        return false;

    const std::array<float, kExpressionCount> p = networks->expressions(face);
    std::copy(p.begin(), p.end(), &column(Expression));
    enum { Angry, Disgust, Fear, Happy, Sad };
    column(Valence) = p[Happy] - p[Angry] - p[Disgust] - p[Fear] - p[Sad];
    const FaceMesh mesh = networks->alignedMesh(located.frame, located.box);
    column(MeshScore) = mesh.score;
    if (mesh.score < kMinMeshScore)
        return true;  // the landmarks of a crop without a face mean nothing: they stay 0
    const FaceGeometry g = faceGeometry(mesh.points);
    column(HeadRoll) = g.roll;
    column(Au12) = g.au12;
    column(Au15) = g.au15;
    column(Au1) = g.au1;
    column(Au2) = g.au2;
    column(Au4) = g.au4;
    column(Au25) = g.au25;
    column(Au26) = g.au26;
    column(EyeAperture) = g.eyeAperture;
    column(HeadYaw) = g.yaw;
    column(HeadPitch) = g.pitch;
    return true;
}

}  // namespace sl::features
