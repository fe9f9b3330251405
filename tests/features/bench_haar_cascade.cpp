// Benchmark (not a test): CPU per search of the three Haar cascades as the feature extraction runs
// them, OpenCV's cv::CascadeClassifier (one thread, as the extraction's stages see it) against
// our HaarCascade (scalar loop and AVX2 kernel), on the astronaut's face. Numbers go to
// core/features/README.md ("Speed"); test_haar_cascade proves that the results are the same.
#include "core/features/cascade.h"
#include "tests/media/test_clips.h"

#include <QDir>

#include <cmath>
#include <cstdio>
#include <ctime>
#include <functional>
#include <opencv2/core/utility.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/objdetect.hpp>

using namespace sl::features;

namespace {

double threadCpuSeconds()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

// Milliseconds of CPU per call, the best of three rounds (other people's load only adds).
double msPerCall(const std::function<void()> &call, int calls)
{
    double best = 1e9;
    for (int round = 0; round < 3; ++round) {
        const double start = threadCpuSeconds();
        for (int i = 0; i < calls; ++i)
            call();
        best = std::min(best, (threadCpuSeconds() - start) / calls * 1e3);
    }
    return best;
}

struct Search {
    const char *name;
    const char *file;
    cv::Mat image;
    double scaleFactor;
    int minNeighbours;
    cv::Size minSize, maxSize;
};

}  // namespace

int main()
{
    const QString photoPath = sl::test::astronautImagePath();
    if (photoPath.isEmpty()) {
        std::fprintf(stderr, "astronaut.png not found\n");
        return 1;
    }
    cv::Mat photo = cv::imread(photoPath.toStdString(), cv::IMREAD_GRAYSCALE);
    cv::setNumThreads(1);

    // The face as the frontal cascade finds it, then the inputs FaceDetector and FacePartsAnalyser
    // give the cascades: the region around the last face scaled to a 48-px face, and the 96 x 96
    // face's eye and smile bands.
    cv::CascadeClassifier openCvFace(QDir(kDefaultCascadeDir).filePath("haarcascade_frontalface_default.xml").toStdString());
    std::vector<cv::Rect> faces;
    openCvFace.detectMultiScale(photo, faces, 1.1, 4, 0, cv::Size(60, 60));
    if (faces.empty()) {
        std::fprintf(stderr, "no face found in the photo\n");
        return 1;
    }
    const cv::Rect face = faces.front();
    const cv::Rect around(face.x - face.width / 8, face.y - face.height / 8, face.width + 2 * (face.width / 8),
                          face.height + 2 * (face.height / 8));
    const double followScale = 24.0 * std::pow(1.15, 5) / face.width;
    cv::Mat region;
    cv::resize(photo(around), region, cv::Size(), followScale, followScale, cv::INTER_AREA);
    cv::equalizeHist(region, region);
    cv::Mat normalised;
    cv::resize(photo(face), normalised, cv::Size(96, 96), 0, 0, cv::INTER_AREA);
    cv::equalizeHist(normalised, normalised);
    cv::Mat search;
    cv::resize(photo, search, cv::Size(), 0.5, 0.5, cv::INTER_AREA);
    cv::equalizeHist(search, search);

    const Search searches[] = {
        {"following the face", "haarcascade_frontalface_default.xml", region, 1.15, 4, {40, 40}, {56, 56}},
        {"eyes", "haarcascade_eye.xml", normalised(cv::Rect(8, 17, 80, 35)), 1.2, 3, {19, 19}, {32, 32}},
        {"smile", "haarcascade_smile.xml", normalised(cv::Rect(0, 55, 96, 38)), 1.2, 1, {36, 18}, {64, 32}},
        {"full search (256 x 256)", "haarcascade_frontalface_default.xml", search, 1.15, 4, {30, 30}, {}},
    };
    std::printf("CPU per search, one thread (best of 3 rounds)     OpenCV     ours, scalar   ours, AVX2%s\n",
                haar::cpuHasAvx2() ? "" : " (no AVX2 here: scalar)");
    for (const Search &s : searches) {
        cv::CascadeClassifier reference(QDir(kDefaultCascadeDir).filePath(s.file).toStdString());
        HaarCascade ours = loadCascade(kDefaultCascadeDir, s.file);
        std::vector<cv::Rect> objects;
        std::vector<int> hits;
        const int calls = s.image.cols > 200 ? 20 : 300;
        const double openCv = msPerCall(
            [&] { reference.detectMultiScale(s.image, objects, hits, s.scaleFactor, s.minNeighbours, 0, s.minSize, s.maxSize); }, calls);
        ours.setKernel(HaarCascade::Kernel::Scalar);
        const double scalar = msPerCall(
            [&] { ours.detectMultiScale(s.image, objects, hits, s.scaleFactor, s.minNeighbours, s.minSize, s.maxSize); }, calls);
        ours.setKernel(HaarCascade::Kernel::Avx2);
        const double avx2 = msPerCall(
            [&] { ours.detectMultiScale(s.image, objects, hits, s.scaleFactor, s.minNeighbours, s.minSize, s.maxSize); }, calls);
        std::printf("  %-24s %3d x %-3d                  %6.3f ms   %6.3f ms      %6.3f ms  (%.1fx)\n", s.name, s.image.cols,
                    s.image.rows, openCv, scalar, avx2, openCv / avx2);
    }
    return 0;
}
