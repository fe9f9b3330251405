#include "core/features/haar_cascade.h"
#include "core/common/error.h"

#include <QFile>
#include <QFileInfo>
#include <algorithm>
#include <opencv2/core/persistence.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/objdetect.hpp>

// The rules below are OpenCV 4.6's (modules/objdetect/src/cascadedetect.cpp), restated; every
// rounding and every type matters, since the goal is the same windows, not similar ones:
// - scales: factor 1, scaleFactor, scaleFactor^2 ... (double); a scale is used when its window,
//   cvRound(window * factor), is within minSize .. maxSize and the image; the factor is then
//   kept as a float, and the image is resized to cvRound(size / factor) with INTER_LINEAR_EXACT
//   (OpenCV 4.6 uses the bit-exact variant here; plain INTER_LINEAR shifts some windows);
// - windows: every second position in x and y below factor 2, every position from 2 on; the
//   rows split in stripes as OpenCV splits them, which can leave out the last row;
// - each window is normalised by its standard deviation over the window less a 1-pixel border;
// - an accepted window maps back to (cvRound(x * factor), cvRound(y * factor)) with the size
//   cvRound(window * factor); then cv::groupRectangles with eps 0.2 and clipping to the image.

namespace sl::features {

namespace {

constexpr float kStageThresholdMargin = 1e-5F;  // OpenCV lowers every stage threshold by this
constexpr double kGroupEps = 0.2;
constexpr int kLanes = 8;  // windows the AVX2 kernel reads past the last one of a row

sl::Error cascadeError(const QString &path, const QString &what)
{
    return sl::Error(sl::Problem{path, 0, what}.toString());
}

// Corners p0..p3 of a feature rectangle in integral-image coordinates, in OpenCV's order.
std::array<cv::Point, 4> corners(const cv::Rect &r, bool tilted)
{
    if (tilted)
        return {cv::Point(r.x, r.y), cv::Point(r.x - r.height, r.y + r.height), cv::Point(r.x + r.width, r.y + r.width),
                cv::Point(r.x + r.width - r.height, r.y + r.width + r.height)};
    return {cv::Point(r.x, r.y), cv::Point(r.x + r.width, r.y), cv::Point(r.x, r.y + r.height),
            cv::Point(r.x + r.width, r.y + r.height)};
}

}  // namespace

struct HaarCascade::ScalePlan {
    float factor;
    cv::Size scaled;  // the resized image
    int step;         // between window positions, in x and y
    int rows;         // window rows to scan (y < rows)
    int columns;      // window positions per row
};

HaarCascade HaarCascade::load(const QString &path)
{
    if (!QFileInfo::exists(path))
        throw cascadeError(path, QStringLiteral("cascade file is missing"));
    HaarCascade cascade;
    cascade.m_path = path;
    try {
        cv::FileStorage storage(QFile::encodeName(path).toStdString(), cv::FileStorage::READ);
        if (!storage.isOpened())
            throw cascadeError(path, QStringLiteral("is not a readable OpenCV cascade"));
        const cv::FileNode root = storage.getFirstTopLevelNode();
        if (!root.isMap() || root["stageType"].empty())
            throw cascadeError(path, QStringLiteral("is not an OpenCV cascade in the new format (no stageType)"));
        const std::string stageType = static_cast<std::string>(root["stageType"]);
        if (stageType != "BOOST")
            throw cascadeError(path, QStringLiteral("stage type %1 is not supported (only BOOST)").arg(QString::fromStdString(stageType)));
        const std::string featureType = static_cast<std::string>(root["featureType"]);
        if (featureType != "HAAR")
            throw cascadeError(path, QStringLiteral("feature type %1 is not supported (only HAAR)").arg(QString::fromStdString(featureType)));
        cascade.m_window = cv::Size(static_cast<int>(root["width"]), static_cast<int>(root["height"]));
        if (cascade.m_window.width < 3 || cascade.m_window.height < 3)
            throw cascadeError(path, QStringLiteral("has no valid window size"));
        if (static_cast<int>(root["featureParams"]["maxCatCount"]) != 0)
            throw cascadeError(path, QStringLiteral("categorical features are not supported"));

        const cv::FileNode features = root["features"];
        if (!features.isSeq() || features.size() == 0)
            throw cascadeError(path, QStringLiteral("has no features"));
        const cv::Rect window(0, 0, cascade.m_window.width, cascade.m_window.height);
        for (const cv::FileNode &node : features) {
            Feature f;
            f.tilted = static_cast<int>(node["tilted"]) != 0;
            const cv::FileNode rects = node["rects"];
            if (!rects.isSeq() || rects.size() < 2 || rects.size() > 3)
                throw cascadeError(path, QStringLiteral("feature %1 has %2 rectangles (2 or 3 are supported)")
                                             .arg(cascade.m_features.size())
                                             .arg(rects.size()));
            for (std::size_t r = 0; r < rects.size(); ++r) {
                const cv::FileNode v = rects[static_cast<int>(r)];
                if (v.size() != 5)
                    throw cascadeError(path, QStringLiteral("feature %1 has a malformed rectangle").arg(cascade.m_features.size()));
                f.rect[r] = cv::Rect(static_cast<int>(v[0]), static_cast<int>(v[1]), static_cast<int>(v[2]), static_cast<int>(v[3]));
                f.weight[r] = static_cast<float>(v[4]);
                for (const cv::Point &p : corners(f.rect[r], f.tilted))
                    if (p.x < 0 || p.y < 0 || p.x > window.width || p.y > window.height)
                        throw cascadeError(path, QStringLiteral("feature %1 reaches outside the window").arg(cascade.m_features.size()));
            }
            cascade.m_hasTilted = cascade.m_hasTilted || f.tilted;
            cascade.m_features.push_back(f);
        }

        const cv::FileNode stages = root["stages"];
        if (!stages.isSeq() || stages.size() == 0)
            throw cascadeError(path, QStringLiteral("has no stages"));
        for (const cv::FileNode &stageNode : stages) {
            const cv::FileNode weak = stageNode["weakClassifiers"];
            if (!weak.isSeq() || weak.size() == 0)
                throw cascadeError(path, QStringLiteral("stage %1 has no weak classifiers").arg(cascade.m_stages.size()));
            haar::Stage stage{static_cast<int>(cascade.m_stumps.size()), static_cast<int>(weak.size()),
                              static_cast<float>(stageNode["stageThreshold"]) - kStageThresholdMargin};
            for (const cv::FileNode &tree : weak) {
                const cv::FileNode nodes = tree["internalNodes"];
                const cv::FileNode leaves = tree["leafValues"];
                if (nodes.size() != 4 || leaves.size() != 2)
                    throw cascadeError(path, QStringLiteral("stage %1: trees deeper than one split are not supported")
                                                 .arg(cascade.m_stages.size()));
                const int feature = static_cast<int>(nodes[2]);
                if (feature < 0 || feature >= static_cast<int>(cascade.m_features.size()))
                    throw cascadeError(path, QStringLiteral("stage %1 refers to feature %2, which does not exist")
                                                 .arg(cascade.m_stages.size())
                                                 .arg(feature));
                cascade.m_stumps.push_back(
                    {feature, static_cast<float>(nodes[3]), static_cast<float>(leaves[0]), static_cast<float>(leaves[1])});
            }
            cascade.m_stages.push_back(stage);
        }
    } catch (const cv::Exception &e) {
        throw cascadeError(path, QStringLiteral("is not a readable OpenCV cascade (%1)").arg(QString::fromStdString(e.msg)));
    }
    return cascade;
}

// The integral images of one scale are kept as `step` planes, plane p holding the columns
// x = p, p + step, p + 2 step ...: the windows of a row are `step` columns apart, so the same
// corner of eight neighbouring windows lies in eight consecutive entries of one plane and the
// AVX2 kernel loads it with one instruction. Buffer: the sum planes, then the tilted-sum planes;
// the squared sums have their own buffer with the same layout.
const HaarCascade::Layout &HaarCascade::layoutFor(int step, int rowStride, int planeSize)
{
    Layout &layout = m_layouts[static_cast<std::size_t>(step - 1)];
    if (layout.step == step && layout.rowStride == rowStride && layout.planeSize == planeSize)
        return layout;
    layout.step = step;
    layout.rowStride = rowStride;
    layout.planeSize = planeSize;
    layout.cascade.stages = m_stages;
    layout.cascade.stumps.resize(m_stumps.size());
    const auto offset = [&](cv::Point p, bool tilted) {
        return (tilted ? step * planeSize : 0) + (p.x % step) * planeSize + p.y * rowStride + p.x / step;
    };
    for (std::size_t k = 0; k < m_stumps.size(); ++k) {
        const StumpSource &source = m_stumps[k];
        const Feature &f = m_features[static_cast<std::size_t>(source.feature)];
        haar::Stump &s = layout.cascade.stumps[k];
        for (int r = 0; r < 3; ++r) {
            const auto c = corners(f.rect[r], f.tilted);
            for (int i = 0; i < 4; ++i)
                s.corner[r][i] = offset(c[static_cast<std::size_t>(i)], f.tilted);
            s.weight[r] = f.weight[r];
        }
        s.hasThird = f.weight[2] != 0.0F;
        s.threshold = source.threshold;
        s.left = source.left;
        s.right = source.right;
    }
    return layout;
}

void HaarCascade::detectMultiScale(const cv::Mat &image, std::vector<cv::Rect> &objects, double scaleFactor,
                                   int minNeighbours, cv::Size minSize, cv::Size maxSize)
{
    std::vector<int> hits;
    detectMultiScale(image, objects, hits, scaleFactor, minNeighbours, minSize, maxSize);
}

void HaarCascade::detectMultiScale(const cv::Mat &image, std::vector<cv::Rect> &objects, std::vector<int> &numDetections,
                                   double scaleFactor, int minNeighbours, cv::Size minSize, cv::Size maxSize)
{
    if (image.type() != CV_8UC1)
        throw cascadeError(m_path, QStringLiteral("detection needs an 8-bit one-channel image"));
    if (!(scaleFactor > 1.0))
        throw cascadeError(m_path, QStringLiteral("the scale factor must be above 1"));
    objects.clear();
    numDetections.clear();
    const cv::Size imageSize = image.size();
    if (maxSize.width == 0 || maxSize.height == 0)
        maxSize = imageSize;

    std::vector<ScalePlan> plans;
    for (double factor = 1.0;; factor *= scaleFactor) {
        const cv::Size window(cvRound(m_window.width * factor), cvRound(m_window.height * factor));
        if (window.width > maxSize.width || window.height > maxSize.height || window.width > imageSize.width
            || window.height > imageSize.height)
            break;
        if (window.width < minSize.width || window.height < minSize.height)
            continue;
        ScalePlan plan{};
        plan.factor = static_cast<float>(factor);
        plan.scaled = cv::Size(cvRound(static_cast<float>(imageSize.width) / plan.factor),
                               cvRound(static_cast<float>(imageSize.height) / plan.factor));
        plan.step = plan.factor >= 2.0F ? 1 : 2;
        plans.push_back(plan);
    }

    if (!plans.empty()) {
        // OpenCV splits the rows of every scale into as many stripes as the first scale has
        // 32-column blocks; stripes of whole steps that together may stop short of the last row.
        const auto working = [&](const ScalePlan &p) {
            return cv::Size(std::max(p.scaled.width + 1 - m_window.width, 0), std::max(p.scaled.height + 1 - m_window.height, 0));
        };
        const int stripes = cvCeil(working(plans.front()).width / 32.0);
        int rowStride = 0;
        int planeRows = 0;
        for (ScalePlan &p : plans) {
            const cv::Size w = working(p);
            const int stripeRows = stripes > 0 ? std::max((w.height / p.step + stripes - 1) / stripes, 1) * p.step : 0;
            p.rows = std::min(stripes * stripeRows, w.height);
            p.columns = (w.width + p.step - 1) / p.step;
            rowStride = std::max(rowStride, (p.scaled.width + 1 + p.step - 1) / p.step + kLanes);
            planeRows = std::max(planeRows, p.scaled.height + 1);
        }
        // The buffers only grow, so that the corner offsets (layoutFor) stay valid from call to call.
        m_rowStride = std::max(m_rowStride, (rowStride + 15) / 16 * 16);
        m_planeRows = std::max(m_planeRows, planeRows);
        const std::size_t planeSize = static_cast<std::size_t>(m_rowStride) * static_cast<std::size_t>(m_planeRows);
        // Room for reading a few entries past the last plane.
        m_sumPlanes.resize((m_hasTilted ? 4 : 2) * planeSize + kLanes);
        m_squarePlanes.resize(2 * planeSize + kLanes);
        for (const ScalePlan &p : plans)
            scanScale(image, p, objects);
    }

    cv::groupRectangles(objects, numDetections, minNeighbours, kGroupEps);
    // Clipped to the image, as cv::CascadeClassifier does (a grouped box can stick out).
    const cv::Rect bounds(0, 0, imageSize.width, imageSize.height);
    std::size_t kept = 0;
    for (std::size_t i = 0; i < objects.size(); ++i) {
        const cv::Rect r = objects[i] & bounds;
        if (r.area() > 0) {
            objects[kept] = r;
            numDetections[kept] = numDetections[i];
            ++kept;
        }
    }
    objects.resize(kept);
    numDetections.resize(kept);
}

namespace {

// Copies an integral image into `step` planes of `rowStride` entries per row (see layoutFor).
template <typename T>
void splitColumns(const cv::Mat &integral, int step, int rowStride, std::size_t planeSize, T *planes)
{
    for (int y = 0; y < integral.rows; ++y) {
        const T *row = integral.ptr<T>(y);
        for (int p = 0; p < step; ++p) {
            T *out = planes + static_cast<std::size_t>(p) * planeSize + static_cast<std::size_t>(y) * static_cast<std::size_t>(rowStride);
            for (int x = p; x < integral.cols; x += step)
                *out++ = row[x];
        }
    }
}

}  // namespace

void HaarCascade::scanScale(const cv::Mat &image, const ScalePlan &plan, std::vector<cv::Rect> &candidates)
{
    if (plan.rows <= 0 || plan.columns <= 0)
        return;
    m_resized.create(plan.scaled, CV_8UC1);
    cv::resize(image, m_resized, plan.scaled, 1.0 / plan.factor, 1.0 / plan.factor, cv::INTER_LINEAR_EXACT);
    if (m_hasTilted)
        cv::integral(m_resized, m_sum, m_squares, m_tilted, CV_32S, CV_32S);
    else
        cv::integral(m_resized, m_sum, m_squares, cv::noArray(), CV_32S, CV_32S);

    const int step = plan.step;
    const std::size_t planeSize = static_cast<std::size_t>(m_rowStride) * static_cast<std::size_t>(m_planeRows);
    splitColumns<std::int32_t>(m_sum, step, m_rowStride, planeSize, m_sumPlanes.data());
    if (m_hasTilted)
        splitColumns<std::int32_t>(m_tilted, step, m_rowStride, planeSize, m_sumPlanes.data() + step * planeSize);
    splitColumns<std::uint32_t>(m_squares, step, m_rowStride, planeSize, m_squarePlanes.data());

    const Layout &layout = layoutFor(step, m_rowStride, static_cast<int>(planeSize));
    const auto planeOffset = [&](cv::Point p) { return (p.x % step) * static_cast<int>(planeSize) + p.y * m_rowStride + p.x / step; };
    // OpenCV's normalisation rectangle: the window less a border of one pixel.
    const cv::Rect norm(1, 1, m_window.width - 2, m_window.height - 2);
    haar::Row row{};
    const auto normCorners = corners(norm, false);
    for (int i = 0; i < 4; ++i)
        row.norm[i] = planeOffset(normCorners[static_cast<std::size_t>(i)]);
    row.normArea = static_cast<double>(norm.area());
    row.windows = plan.columns;

    const cv::Size window(cvRound(static_cast<float>(m_window.width) * plan.factor),
                          cvRound(static_cast<float>(m_window.height) * plan.factor));
    const bool avx2 = m_kernel != Kernel::Scalar && haar::cpuHasAvx2();
    for (int y = 0; y < plan.rows; y += step) {
        const std::size_t rowStart = static_cast<std::size_t>(y) * static_cast<std::size_t>(m_rowStride);
        row.sums = m_sumPlanes.data() + rowStart;
        row.squares = m_squarePlanes.data() + rowStart;
        m_accepted.clear();
        if (avx2)
            haar::scanRowAvx2(layout.cascade, row, m_scratch, m_accepted);
        else
            haar::scanRowScalar(layout.cascade, row, m_accepted);
        for (const int i : m_accepted)
            candidates.emplace_back(cvRound(static_cast<float>(i * step) * plan.factor),
                                    cvRound(static_cast<float>(y) * plan.factor), window.width, window.height);
    }
}

}  // namespace sl::features
