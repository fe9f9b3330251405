#include "core/features/face_networks.h"
#include "core/common/error.h"
#include "core/features/face_geometry.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStringList>

#include <opencv2/imgproc.hpp>

#include <cmath>

namespace sl::features {

namespace {

const QString kExpressionFile = QStringLiteral("emotion.onnx");
const QString kMeshFile = QStringLiteral("facemesh.onnx");
// The converted graph's output names (the TF.js graph's Identity nodes): the landmarks and the
// face score; the third, "Identity", holds FaceMesh's contour subset and is not used.
const cv::String kMeshLandmarks = "Identity_2";
const cv::String kMeshScore = "Identity_1";

bool holdsBoth(const QString &dir)
{
    return QFileInfo(dir + QLatin1Char('/') + kExpressionFile).isFile() && QFileInfo(dir + QLatin1Char('/') + kMeshFile).isFile();
}

cv::dnn::Net load(const QString &dir, const QString &file)
{
    const QString path = QDir(dir).filePath(file);
    if (!QFileInfo(path).isFile())
        throw Error(QStringLiteral("%1: face network missing (run the build, which converts it from the npm package "
                                   "@vladmandic/human, or unset SENTILENS_FACE_MODELS)")
                        .arg(path));
    try {
        cv::dnn::Net net = cv::dnn::readNetFromONNX(QFile::encodeName(path).toStdString());
        if (net.empty())
            throw Error(QStringLiteral("%1: OpenCV read no network from the file").arg(path));
        return net;
    } catch (const cv::Exception &e) {
        throw Error(QStringLiteral("%1: not an ONNX network OpenCV can read (%2)").arg(path, QString::fromStdString(e.msg)));
    }
}

}  // namespace

QString defaultFaceModelDir()
{
    QStringList candidates;
    if (qEnvironmentVariableIsSet("SENTILENS_FACE_MODELS")) {
        const QString chosen = qEnvironmentVariable("SENTILENS_FACE_MODELS");
        return chosen == QLatin1String("none") ? QString() : chosen;
    }
    if (QCoreApplication::instance())
        candidates << QCoreApplication::applicationDirPath() + QStringLiteral("/../share/sentilens/face");
#ifdef SENTILENS_FACE_MODEL_DIR
    candidates << QStringLiteral(SENTILENS_FACE_MODEL_DIR);
#endif
    for (const QString &candidate : candidates)
        if (holdsBoth(candidate))
            return candidate;
    return {};
}

FaceNetworks::FaceNetworks(const QString &dir)
    : m_expression(load(dir, kExpressionFile)), m_mesh(load(dir, kMeshFile)), m_meshOutputs{kMeshLandmarks, kMeshScore}
{
    m_expression.setPreferableBackend(cv::dnn::DNN_BACKEND_OPENCV);
    m_mesh.setPreferableBackend(cv::dnn::DNN_BACKEND_OPENCV);
}

std::array<float, kExpressionCount> FaceNetworks::expressions(const cv::Mat &grayFace)
{
    cv::Mat small;
    cv::resize(grayFace, small, cv::Size(kExpressionInputSize, kExpressionInputSize), 0, 0, cv::INTER_AREA);
    // [0, 255] -> [-1, 1], as the network was trained.
    m_blob = cv::dnn::blobFromImage(small, 2.0 / 255.0, cv::Size(), cv::Scalar(127.5), false, false, CV_32F);
    m_expression.setInput(m_blob);
    const cv::Mat out = m_expression.forward();
    std::array<float, kExpressionCount> p{};
    if (out.total() != p.size())
        throw Error(QStringLiteral("expression network: %1 outputs instead of %2").arg(out.total()).arg(p.size()));
    std::copy_n(out.ptr<float>(), p.size(), p.begin());
    return p;
}

FaceNetworks::Region FaceNetworks::meshRegion(const cv::Rect2f &faceBox, float roll)
{
    const float side = 1.5F * std::max(faceBox.width, faceBox.height);  // a quarter more on each side
    return {cv::Point2f(faceBox.x + faceBox.width / 2, faceBox.y + faceBox.height / 2), side, roll};
}

FaceMesh FaceNetworks::mesh(const cv::Mat &frame, const Region &region)
{
    // Frame -> crop: turn by -roll about the region's centre, scale the side to the input size.
    // In image axes (y down) a turn by a maps (x, y) to (x cos a - y sin a, x sin a + y cos a).
    const float scale = kMeshInputSize / region.side;
    const float c = std::cos(-region.roll) * scale, s = std::sin(-region.roll) * scale;
    const float half = kMeshInputSize / 2.0F;
    const cv::Point2f o = region.centre;
    const cv::Matx23f toCrop(c, -s, half - (c * o.x - s * o.y), s, c, half - (s * o.x + c * o.y));
    cv::Mat crop;
    cv::warpAffine(frame, crop, toCrop, cv::Size(kMeshInputSize, kMeshInputSize), cv::INTER_LINEAR, cv::BORDER_CONSTANT);
    if (crop.channels() == 1)
        cv::cvtColor(crop, crop, cv::COLOR_GRAY2RGB);
    else
        cv::cvtColor(crop, crop, cv::COLOR_BGR2RGB);
    m_blob = cv::dnn::blobFromImage(crop, 1.0 / 255.0, cv::Size(), cv::Scalar(), false, false, CV_32F);
    m_mesh.setInput(m_blob);
    std::vector<cv::Mat> outs;
    m_mesh.forward(outs, m_meshOutputs);
    if (outs.size() != 2 || outs[0].total() != std::size_t(kMeshPoints) * 3 || outs[1].total() != 1)
        throw Error(QStringLiteral("face mesh network: unexpected outputs"));
    FaceMesh result;
    result.score = outs[1].at<float>(0);
    // Crop -> frame: the inverse turn and scale.
    const float ic = std::cos(region.roll) / scale, is = std::sin(region.roll) / scale;
    const float *p = outs[0].ptr<float>();
    result.points.reserve(kMeshPoints);
    for (int i = 0; i < kMeshPoints; ++i, p += 3) {
        const float x = p[0] - half, y = p[1] - half;
        result.points.emplace_back(o.x + ic * x - is * y, o.y + is * x + ic * y, p[2] / scale);
    }
    return result;
}

FaceMesh FaceNetworks::alignedMesh(const cv::Mat &frame, const cv::Rect2f &faceBox)
{
    // A tilted face reads as less tilted than it is, so the region follows the tilt found, at
    // most twice more (each pass costs a run of the network; upright faces need only one).
    float roll = 0.0F;
    FaceMesh found = mesh(frame, meshRegion(faceBox, roll));
    for (int pass = 0; pass < 2 && found.score >= kMinMeshScore; ++pass) {
        const float seen = faceGeometry(found.points).roll;
        if (std::abs(seen - roll) <= kRealignRoll)
            break;
        roll = seen;
        found = mesh(frame, meshRegion(faceBox, roll));
    }
    return found;
}

}  // namespace sl::features
