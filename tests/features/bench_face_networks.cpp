// Benchmark, not a test: how the face networks read the demo's generated face, and how often the
// Haar detector finds it against FaceMesh's own face score on a tracked box, on turned, tilted,
// small and dim faces (numbers in tests/bench/README.md).
//
//   bench_face_networks
//
// Haar: the extractor's detector (core/features/face_detector.h), first shown the frontal face so
// that it follows it, then the changed one; found = a box whose centre lies within half a face
// width of the true centre. FaceMesh: its score >= kMinMeshScore on the region of the box a
// tracker would hold (the frontal face's box, turned, scaled or as is), i.e. what the network
// says when the tracker keeps the box.
#include "core/features/face_detector.h"
#include "core/features/face_geometry.h"
#include "core/features/face_networks.h"
#include "core/features/visual_features.h"
#include "tests/features/face_scenes.h"
#include "tests/media/test_clips.h"

#include <QCoreApplication>

#include <chrono>
#include <cstdio>

using namespace sl::features;
using namespace sl::test;

namespace {

struct Reading {
    bool haar = false;
    float meshScore = 0;
    FaceGeometry g;
    std::array<float, kExpressionCount> p{};
};

Reading read(FaceNetworks &nets, const cv::Mat &frontal, const cv::Mat &changed, const cv::Rect2f &trueBox)
{
    Reading r;
    cv::Mat gray;
    FaceDetector detector;
    cv::cvtColor(frontal, gray, cv::COLOR_BGR2GRAY);
    detector.find(gray);
    cv::cvtColor(changed, gray, cv::COLOR_BGR2GRAY);
    if (const auto box = detector.find(gray)) {
        const cv::Point2f c(box->x + box->width / 2.0F, box->y + box->height / 2.0F);
        const cv::Point2f t(trueBox.x + trueBox.width / 2, trueBox.y + trueBox.height / 2);
        r.haar = cv::norm(c - t) < trueBox.width / 2;
    }
    const FaceMesh mesh = nets.alignedMesh(changed, trueBox);
    r.meshScore = mesh.score;
    r.g = faceGeometry(mesh.points);
    const cv::Rect box = cv::Rect(trueBox) & cv::Rect(cv::Point(), gray.size());
    r.p = nets.expressions(gray(box));
    return r;
}

constexpr double kDegrees = 180.0 / 3.14159265358979;

}  // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QString dir = defaultFaceModelDir();
    if (dir.isEmpty()) {
        std::fprintf(stderr, "bench_face_networks: no face networks (run packaging/install-deps.sh and the build)\n");
        return 1;
    }
    FaceNetworks nets(dir);
    const cv::Mat photo = cv::imread(astronautImagePath().toStdString());
    const cv::Mat frontal = demoFace(photo, 0.0);
    cv::Mat gray;
    cv::cvtColor(frontal, gray, cv::COLOR_BGR2GRAY);
    FaceDetector detector;
    const auto found = detector.find(gray);
    if (!found) {
        std::fprintf(stderr, "bench_face_networks: Haar misses the frontal demo face\n");
        return 1;
    }
    const cv::Rect2f box(*found);
    const cv::Point2f centre(box.x + box.width / 2, box.y + box.height / 2);
    std::printf("frontal face box %.0f,%.0f %.0fx%.0f\n\n", box.x, box.y, box.width, box.height);

    std::printf("demo expression by visual label V (the extractor's columns): p(happy) valence AU12 AU15 p(angry+disgust+fear+sad) "
                "AU25 eye_aperture\n");
    for (double v : {-3.0, -2.5, -2.0, -1.5, -1.0, -0.5, 0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0}) {
        VisualExtractor extractor;
        FeatureMatrix m;
        extractor.process(sl::demo::FaceAnimator(photo, sl::demo::expressionFor(v), kSceneSize).frame(0.0), 0.0, m);
        const auto at = [&](const char *name) { return m.at(0, static_cast<std::size_t>(m.column(name))); };
        std::printf("  %+4.1f: %.6f %+.6f %+.4f %+.4f %.6f %.4f %.4f\n", v, at("expr_happy"), at("expr_valence"),
                    at("au12_lip_corner_pull"), at("au15_lip_corner_depressor"),
                    at("expr_angry") + at("expr_disgust") + at("expr_fear") + at("expr_sad"), at("au25_lips_part"),
                    at("eye_aperture"));
    }
    std::printf("\nroll (applied deg, ccw): measured roll deg, haar, score\n");
    for (double deg : {-40.0, -30.0, -20.0, -10.0, 0.0, 10.0, 20.0, 30.0, 40.0}) {
        const cv::Mat frame = rolled(frontal, centre, deg);
        const Reading r = read(nets, frontal, frame, box);
        std::printf("  %+5.0f: %+6.1f %d %.2f\n", deg, r.g.roll * kDegrees, r.haar, r.meshScore);
    }
    std::printf("\nyaw (applied deg): measured yaw deg, pitch deg, haar, score\n");
    for (double deg : {-50.0, -40.0, -30.0, -20.0, -10.0, 0.0, 10.0, 20.0, 30.0, 40.0, 50.0}) {
        const cv::Mat frame = turned(frontal, centre.x, box.width * 0.62, deg);
        const Reading r = read(nets, frontal, frame, box);
        std::printf("  %+5.0f: %+6.1f %+6.1f %d %.2f\n", deg, r.g.yaw * kDegrees, r.g.pitch * kDegrees, r.haar, r.meshScore);
    }
    std::printf("\nyaw in depth (applied deg, face_scenes.h turnedInDepth): measured yaw deg, relative to frontal, haar, score\n");
    const FaceMesh rest = nets.alignedMesh(frontal, box);
    const double restYaw = faceGeometry(rest.points).yaw * kDegrees;
    for (double deg : {-40.0, -30.0, -20.0, -10.0, 0.0, 10.0, 20.0, 30.0, 40.0}) {
        const cv::Mat frame = turnedInDepth(frontal, rest.points, deg);
        const Reading r = read(nets, frontal, frame, box);
        std::printf("  %+5.0f: %+6.1f %+6.1f %d %.2f\n", deg, r.g.yaw * kDegrees, r.g.yaw * kDegrees - restYaw, r.haar, r.meshScore);
        if (deg == 30.0)
            cv::imwrite("/tmp/turned30.png", frame);
    }
    std::printf("\nsmall (face width px): haar, score\n");
    for (double scale : {0.2, 0.25, 0.3, 0.4, 0.5, 0.7}) {
        const cv::Mat frame = shrunk(frontal, centre, scale);
        const cv::Rect2f small(centre.x - box.width * scale / 2, centre.y - box.height * scale / 2, box.width * scale,
                               box.height * scale);
        const Reading r = read(nets, frame, frame, small);
        std::printf("  %5.0f: %d %.2f\n", box.width * scale, r.haar, r.meshScore);
    }
    std::printf("\ndim (gain, noise 4 levels): haar, score\n");
    for (double gain : {0.03, 0.05, 0.08, 0.12, 0.2, 0.4}) {
        const Reading r = read(nets, frontal, dimmed(frontal, gain, 4.0), box);
        std::printf("  %.2f: %d %.2f\n", gain, r.haar, r.meshScore);
    }

    // Cost of one run of each network.
    const FaceNetworks::Region region = FaceNetworks::meshRegion(box);
    const cv::Mat face = gray(cv::Rect(box));
    for (int i = 0; i < 3; ++i) {
        nets.mesh(frontal, region);
        nets.expressions(face);
    }
    const int runs = 100;
    auto t0 = std::chrono::steady_clock::now();
    for (int i = 0; i < runs; ++i)
        nets.mesh(frontal, region);
    auto t1 = std::chrono::steady_clock::now();
    for (int i = 0; i < runs; ++i)
        nets.expressions(face);
    auto t2 = std::chrono::steady_clock::now();
    std::printf("\nper run: FaceMesh %.2f ms, expressions %.2f ms (cv::getNumThreads %d)\n",
                std::chrono::duration<double, std::milli>(t1 - t0).count() / runs,
                std::chrono::duration<double, std::milli>(t2 - t1).count() / runs, cv::getNumThreads());
    return 0;
}
