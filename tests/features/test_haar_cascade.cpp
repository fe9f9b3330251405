// Our Haar cascade evaluator against OpenCV's own cv::CascadeClassifier: the same rectangles and
// the same hit counts, for the three cascades and the parameters the feature extraction uses, on
// the astronaut photo and variants of it (shifted, scaled, rotated, noisy), on crops like those
// the face-parts analyser sees, on noise, flat and tiny images. With minNeighbours 0 OpenCV does
// not group, so those cases compare every raw window the cascade accepts.
#include "core/common/error.h"
#include "core/features/cascade.h"
#include "core/features/haar_cascade.h"
#include "tests/media/test_clips.h"

#include <QTemporaryDir>
#include <QtTest>

#include <opencv2/core/utility.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/objdetect.hpp>

using namespace sl::features;

namespace {

struct Search {
    double scaleFactor;
    int minNeighbours;
    cv::Size minSize;
    cv::Size maxSize;
};

struct Detections {
    std::vector<cv::Rect> objects;
    std::vector<int> hits;
};

QString describe(const cv::Rect &r, int hits)
{
    return QStringLiteral("(%1,%2 %3x%4: %5)").arg(r.x).arg(r.y).arg(r.width).arg(r.height).arg(hits);
}

QString describe(const Detections &d)
{
    QStringList parts;
    for (std::size_t i = 0; i < d.objects.size(); ++i)
        parts << describe(d.objects[i], d.hits[i]);
    return parts.join(QLatin1Char(' '));
}

// The order OpenCV returns groups in depends on which thread found which window first; sorted,
// the lists of two runs compare whatever the threads did.
Detections sorted(Detections d)
{
    std::vector<std::size_t> order(d.objects.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    const auto key = [&](std::size_t i) {
        const cv::Rect &r = d.objects[i];
        return std::make_tuple(r.x, r.y, r.width, r.height, d.hits[i]);
    };
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return key(a) < key(b); });
    Detections out;
    for (const std::size_t i : order) {
        out.objects.push_back(d.objects[i]);
        out.hits.push_back(d.hits[i]);
    }
    return out;
}

bool operator==(const Detections &a, const Detections &b)
{
    return a.objects == b.objects && a.hits == b.hits;
}

cv::CascadeClassifier openCvCascade(const QString &file)
{
    cv::CascadeClassifier c;
    if (!c.load(QDir(kDefaultCascadeDir).filePath(file).toStdString()))
        qFatal("OpenCV cannot load %s", qPrintable(file));
    return c;
}

cv::Mat gray(const cv::Mat &picture)
{
    cv::Mat out;
    cv::cvtColor(picture, out, cv::COLOR_BGR2GRAY);
    return out;
}

cv::Mat shifted(const cv::Mat &image, double dx, double dy)
{
    const cv::Mat m = (cv::Mat_<double>(2, 3) << 1, 0, dx, 0, 1, dy);
    cv::Mat out;
    cv::warpAffine(image, out, m, image.size(), cv::INTER_LINEAR, cv::BORDER_REFLECT);
    return out;
}

cv::Mat rotated(const cv::Mat &image, double degrees)
{
    const cv::Mat m = cv::getRotationMatrix2D(cv::Point2f(image.cols / 2.0F, image.rows / 2.0F), degrees, 1.0);
    cv::Mat out;
    cv::warpAffine(image, out, m, image.size(), cv::INTER_LINEAR, cv::BORDER_REPLICATE);
    return out;
}

cv::Mat scaled(const cv::Mat &image, double factor)
{
    cv::Mat out;
    cv::resize(image, out, cv::Size(), factor, factor, factor < 1.0 ? cv::INTER_AREA : cv::INTER_LINEAR);
    return out;
}

cv::Mat noisy(const cv::Mat &image, double sigma, int seed)
{
    cv::RNG rng(static_cast<std::uint64_t>(seed));
    cv::Mat noise(image.size(), CV_16S);
    rng.fill(noise, cv::RNG::NORMAL, 0.0, sigma);
    cv::Mat wide;
    image.convertTo(wide, CV_16S);
    cv::Mat out;
    cv::Mat(wide + noise).convertTo(out, CV_8U);
    return out;
}

cv::Mat uniformNoise(cv::Size size, int seed)
{
    cv::RNG rng(static_cast<std::uint64_t>(seed));
    cv::Mat out(size, CV_8U);
    rng.fill(out, cv::RNG::UNIFORM, 0, 256);
    return out;
}

// The astronaut and the variants the detectors might meet.
std::vector<std::pair<QString, cv::Mat>> photoVariants(const cv::Mat &photo)
{
    std::vector<std::pair<QString, cv::Mat>> v;
    v.emplace_back(QStringLiteral("photo"), photo);
    v.emplace_back(QStringLiteral("shifted 3,5"), shifted(photo, 3, 5));
    v.emplace_back(QStringLiteral("shifted -7.5,2.25"), shifted(photo, -7.5, 2.25));
    v.emplace_back(QStringLiteral("scaled 0.6"), scaled(photo, 0.6));
    v.emplace_back(QStringLiteral("scaled 0.37"), scaled(photo, 0.37));
    v.emplace_back(QStringLiteral("scaled 1.3"), scaled(photo, 1.3));
    v.emplace_back(QStringLiteral("rotated 6"), rotated(photo, 6));
    v.emplace_back(QStringLiteral("rotated -13"), rotated(photo, -13));
    v.emplace_back(QStringLiteral("noise 12"), noisy(photo, 12, 1));
    v.emplace_back(QStringLiteral("noise 40"), noisy(photo, 40, 2));
    cv::Mat equalised;
    cv::equalizeHist(photo, equalised);
    v.emplace_back(QStringLiteral("equalised"), equalised);
    // On a 640 x 360 grey canvas, as in the clips, at an odd offset.
    cv::Mat canvas(360, 640, CV_8U, cv::Scalar(128));
    const cv::Mat small = scaled(photo, 0.6);
    small.copyTo(canvas(cv::Rect(147, 31, small.cols, small.rows)));
    v.emplace_back(QStringLiteral("canvas"), canvas);
    return v;
}

}  // namespace

class TestHaarCascade : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        const QString photoPath = sl::test::astronautImagePath();
        if (photoPath.isEmpty())
            QSKIP("astronaut.png is neither in python3-skimage nor in resources/demo");
        m_photo = gray(cv::imread(photoPath.toStdString()));
        QVERIFY(!m_photo.empty());
        m_openCvThreads = cv::getNumThreads();
        // The face as OpenCV finds it, for crops like those the parts analyser sees.
        cv::CascadeClassifier face = openCvCascade(QStringLiteral("haarcascade_frontalface_default.xml"));
        std::vector<cv::Rect> faces;
        face.detectMultiScale(m_photo, faces, 1.1, 4, 0, cv::Size(60, 60));
        QVERIFY(!faces.empty());
        m_face = *std::max_element(faces.begin(), faces.end(), [](const cv::Rect &a, const cv::Rect &b) { return a.area() < b.area(); });
    }

    void cleanupTestCase()
    {
        cv::setNumThreads(m_openCvThreads);
        qInfo("%d searches compared, %zu detections in OpenCV's results", m_comparisons, m_detections);
    }

    void loadsTheThreeCascades()
    {
        for (const char *name : {"haarcascade_frontalface_default.xml", "haarcascade_eye.xml", "haarcascade_smile.xml"}) {
            const HaarCascade c = HaarCascade::load(QDir(kDefaultCascadeDir).filePath(QString::fromLatin1(name)));
            QVERIFY(c.windowSize().area() > 0);
        }
        QCOMPARE(HaarCascade::load(QDir(kDefaultCascadeDir).filePath(QStringLiteral("haarcascade_smile.xml"))).windowSize(),
                 cv::Size(36, 18));
    }

    // Full-frame searches as the face detector runs them (scale step 1.15, smallest face 30 px,
    // 4 neighbours), OpenCV's defaults, and minNeighbours 0: every raw accepted window.
    void faceCascadeOnWholeImages()
    {
        const QString file = QStringLiteral("haarcascade_frontalface_default.xml");
        const std::size_t before = m_detections;
        for (const auto &[name, image] : photoVariants(m_photo)) {
            compare(file, image, {1.15, 4, cv::Size(30, 30), cv::Size()}, name);
            compare(file, image, {1.1, 3, cv::Size(), cv::Size()}, name);
            compare(file, image, {1.2, 0, cv::Size(24, 24), cv::Size(200, 200)}, name);
        }
        // The search on a 640 x 360 frame works on a copy scaled to 356 x 200, equalised.
        cv::Mat frame;
        cv::resize(photoVariants(m_photo).back().second, frame, cv::Size(), 30.0 / 54.0, 30.0 / 54.0, cv::INTER_AREA);
        cv::equalizeHist(frame, frame);
        compare(file, frame, {1.15, 4, cv::Size(30, 30), cv::Size()}, QStringLiteral("search copy"));
        compare(file, frame, {1.15, 0, cv::Size(30, 30), cv::Size()}, QStringLiteral("search copy, raw"));
        QVERIFY(m_detections - before > 100);  // faces (and raw windows) were found, not only compared empty lists
    }

    // Following: the last face plus an eighth on each side, scaled so that the face is about
    // 48 px, searched at 40 .. 56 px in steps of 1.15.
    void faceCascadeWhileFollowing()
    {
        const QString file = QStringLiteral("haarcascade_frontalface_default.xml");
        const double followWidth = 24.0 * std::pow(1.15, 5);
        const Search follow{1.15, 4, cv::Size(40, 40), cv::Size(56, 56)};
        const Search raw{1.15, 0, cv::Size(40, 40), cv::Size(56, 56)};
        int checked = 0;
        for (const auto &[name, image] : photoVariants(m_photo)) {
            if (image.cols != m_photo.cols)
                continue;  // the face box is known on the unscaled variants only
            for (const int dx : {-9, 0, 5}) {
                for (const int grow : {-6, 0, 11}) {
                    cv::Rect previous(m_face.x + dx, m_face.y - dx / 2, m_face.width + grow, m_face.height + grow);
                    const cv::Rect around = cv::Rect(previous.x - previous.width / 8, previous.y - previous.height / 8,
                                                     previous.width + 2 * (previous.width / 8),
                                                     previous.height + 2 * (previous.height / 8))
                                            & cv::Rect(0, 0, image.cols, image.rows);
                    const double factor = followWidth / previous.width;
                    cv::Mat region;
                    cv::resize(image(around), region, cv::Size(), factor, factor, factor < 1.0 ? cv::INTER_AREA : cv::INTER_LINEAR);
                    cv::equalizeHist(region, region);
                    const QString label = QStringLiteral("%1, follow %2/%3").arg(name).arg(dx).arg(grow);
                    compare(file, region, follow, label);
                    compare(file, region, raw, label + QStringLiteral(" raw"));
                    ++checked;
                }
            }
        }
        QVERIFY(checked >= 9 * 6);
    }

    // Eyes and smile on 96 x 96 faces cut out as the visual extractor cuts them, within the bands
    // of FacePartsAnalyser (eyes: 8,17 80x35, 1.2, 3 neighbours, 19 .. 32 px; smile: 0,55 96x38,
    // 1.2, 1 neighbour, 36x18 .. 64x32).
    void partCascadesOnFaceCrops()
    {
        const Search eyes{1.2, 3, cv::Size(19, 19), cv::Size(32, 32)};
        const Search smile{1.2, 1, cv::Size(36, 18), cv::Size(64, 32)};
        const cv::Rect eyeBand(8, 17, 80, 35);
        const cv::Rect smileBand(0, 55, 96, 38);
        const std::size_t before = m_detections;
        for (const auto &[name, image] : photoVariants(m_photo)) {
            if (image.cols != m_photo.cols)
                continue;
            for (const int d : {-4, 0, 3}) {
                const cv::Rect box = cv::Rect(m_face.x + d, m_face.y + d, m_face.width - 2 * d, m_face.height - 2 * d)
                                     & cv::Rect(0, 0, image.cols, image.rows);
                cv::Mat face;
                cv::resize(image(box), face, cv::Size(96, 96), 0, 0, cv::INTER_AREA);
                cv::equalizeHist(face, face);
                const QString label = QStringLiteral("%1, face crop %2").arg(name).arg(d);
                compare(QStringLiteral("haarcascade_eye.xml"), face(eyeBand), eyes, label + QStringLiteral(" eyes"));
                compare(QStringLiteral("haarcascade_eye.xml"), face(eyeBand), {1.2, 0, eyes.minSize, eyes.maxSize}, label + QStringLiteral(" eyes raw"));
                compare(QStringLiteral("haarcascade_smile.xml"), face(smileBand), smile, label + QStringLiteral(" smile"));
                compare(QStringLiteral("haarcascade_smile.xml"), face(smileBand), {1.2, 0, smile.minSize, smile.maxSize}, label + QStringLiteral(" smile raw"));
                // The whole face at OpenCV's default step: more scales, the tilted features at more sizes.
                compare(QStringLiteral("haarcascade_smile.xml"), face, {1.1, 0, cv::Size(), cv::Size()}, label + QStringLiteral(" smile whole"));
                compare(QStringLiteral("haarcascade_eye.xml"), face, {1.1, 0, cv::Size(), cv::Size()}, label + QStringLiteral(" eyes whole"));
            }
        }
        QVERIFY(m_detections - before > 100);
    }

    void partCascadesOnWholeImages()
    {
        for (const auto &[name, image] : photoVariants(m_photo)) {
            compare(QStringLiteral("haarcascade_eye.xml"), image, {1.1, 3, cv::Size(), cv::Size()}, name);
            compare(QStringLiteral("haarcascade_smile.xml"), image, {1.1, 1, cv::Size(), cv::Size()}, name);
            compare(QStringLiteral("haarcascade_smile.xml"), image, {1.25, 0, cv::Size(), cv::Size()}, name + QStringLiteral(" raw"));
        }
    }

    // Noise, flat and tiny images: odd sizes, images no larger than a window, no spread at all.
    void syntheticImages()
    {
        std::vector<std::pair<QString, cv::Mat>> images;
        for (const cv::Size size : {cv::Size(97, 61), cv::Size(200, 150), cv::Size(36, 18), cv::Size(37, 19), cv::Size(24, 24),
                                    cv::Size(25, 26), cv::Size(23, 40), cv::Size(10, 10), cv::Size(40, 19), cv::Size(1, 1)}) {
            images.emplace_back(QStringLiteral("noise %1x%2").arg(size.width).arg(size.height), uniformNoise(size, size.area()));
            images.emplace_back(QStringLiteral("flat %1x%2").arg(size.width).arg(size.height), cv::Mat(size, CV_8U, cv::Scalar(77)));
        }
        cv::Mat ramp(120, 160, CV_8U);
        for (int y = 0; y < ramp.rows; ++y)
            for (int x = 0; x < ramp.cols; ++x)
                ramp.at<std::uint8_t>(y, x) = static_cast<std::uint8_t>((x * 3 + y * 5) % 256);
        images.emplace_back(QStringLiteral("ramp"), ramp);
        images.emplace_back(QStringLiteral("white"), cv::Mat(300, 400, CV_8U, cv::Scalar(255)));
        images.emplace_back(QStringLiteral("empty"), cv::Mat());
        for (const auto &[name, image] : images) {
            for (const char *file : {"haarcascade_frontalface_default.xml", "haarcascade_eye.xml", "haarcascade_smile.xml"}) {
                compare(QString::fromLatin1(file), image, {1.1, 0, cv::Size(), cv::Size()}, name);
                compare(QString::fromLatin1(file), image, {1.15, 3, cv::Size(), cv::Size()}, name);
            }
        }
    }

    void missingFileIsNamed()
    {
        const QString path = m_dir.filePath(QStringLiteral("nothing.xml"));
        verifyError(path, QStringLiteral("missing"));
        try {
            loadCascade(m_dir.path(), QStringLiteral("nothing.xml"));
            QFAIL("a missing cascade was accepted");
        } catch (const sl::Error &e) {
            QCOMPARE(e.message(), path + QStringLiteral(": face detector model is missing (Debian package opencv-data)"));
        }
    }

    void truncatedFileIsNamed()
    {
        const QString path = sl::test::writeTruncatedCopy(
            QDir(kDefaultCascadeDir).filePath(QStringLiteral("haarcascade_eye.xml")), m_dir.filePath(QStringLiteral("eye-cut.xml")), 0.3);
        verifyError(path, QStringLiteral("not a readable OpenCV cascade"));
    }

    void foreignXmlIsNamed()
    {
        const QString path = m_dir.filePath(QStringLiteral("foreign.xml"));
        writeFile(path, "<?xml version=\"1.0\"?>\n<opencv_storage>\n<camera><fx>500.</fx></camera>\n</opencv_storage>\n");
        verifyError(path, QStringLiteral("no stageType"));
        const QString notXml = m_dir.filePath(QStringLiteral("text.xml"));
        writeFile(notXml, "just some words, not a cascade\n");
        verifyError(notXml, QStringLiteral("not"));
    }

    void unsupportedCascadesAreRefused()
    {
        const QString lbp = QStringLiteral("/usr/share/opencv4/lbpcascades/lbpcascade_frontalface.xml");
        if (QFileInfo::exists(lbp))
            verifyError(lbp, QStringLiteral("feature type LBP is not supported"));
        // The eye cascade with its first tree made two splits deep.
        QFile eyes(QDir(kDefaultCascadeDir).filePath(QStringLiteral("haarcascade_eye.xml")));
        QVERIFY(eyes.open(QIODevice::ReadOnly));
        QByteArray text = eyes.readAll();
        const int at = text.indexOf("<internalNodes>");
        QVERIFY(at > 0);
        text.insert(at + static_cast<int>(qstrlen("<internalNodes>")), "\n 1 -1 0 0.5");
        const int leaves = text.indexOf("<leafValues>");
        text.insert(leaves + static_cast<int>(qstrlen("<leafValues>")), "\n 0.25");
        const QString deep = m_dir.filePath(QStringLiteral("deep.xml"));
        writeFile(deep, text);
        verifyError(deep, QStringLiteral("deeper than one split"));
    }

private:
    // Adds what OpenCV found to m_detections, so that callers can check they compared something.
    void compare(const QString &file, const cv::Mat &image, const Search &s, const QString &label)
    {
        const QString path = QDir(kDefaultCascadeDir).filePath(file);
        if (!m_openCv.contains(file)) {
            m_openCv.insert(file, openCvCascade(file));
            m_ours.insert(file, loadCascade(kDefaultCascadeDir, file));
        }
        cv::CascadeClassifier &reference = m_openCv[file];
        const auto openCv = [&](int threads) {
            cv::setNumThreads(threads);
            Detections d;
            reference.detectMultiScale(image, d.objects, d.hits, s.scaleFactor, s.minNeighbours, 0, s.minSize, s.maxSize);
            cv::setNumThreads(m_openCvThreads);
            return d;
        };
        // One thread: OpenCV tries the windows in the order we do, so even the order must match.
        const Detections single = openCv(1);
        const Detections parallel = openCv(m_openCvThreads);
        QVERIFY2(sorted(single) == sorted(parallel), qPrintable(label));
        const QString context = QStringLiteral("%1 on %2 %3x%4, step %5, %6 neighbours")
                                    .arg(file, label)
                                    .arg(image.cols)
                                    .arg(image.rows)
                                    .arg(s.scaleFactor)
                                    .arg(s.minNeighbours);
        for (const HaarCascade::Kernel kernel : {HaarCascade::Kernel::Scalar, HaarCascade::Kernel::Avx2}) {
            HaarCascade &ours = m_ours[file];
            ours.setKernel(kernel);
            Detections d;
            ours.detectMultiScale(image, d.objects, d.hits, s.scaleFactor, s.minNeighbours, s.minSize, s.maxSize);
            const QString kernelName = kernel == HaarCascade::Kernel::Scalar ? QStringLiteral("scalar") : QStringLiteral("AVX2");
            QVERIFY2(d == single, qPrintable(QStringLiteral("%1 (%2)\n  OpenCV: %3\n  ours:   %4")
                                                 .arg(context, kernelName, describe(single), describe(d))));
        }
        ++m_comparisons;
        m_detections += single.objects.size();
    }

    void verifyError(const QString &path, const QString &fragment)
    {
        try {
            HaarCascade::load(path);
            QFAIL(qPrintable(QStringLiteral("%1 was accepted").arg(path)));
        } catch (const sl::Error &e) {
            QVERIFY2(e.message().contains(path), qPrintable(e.message()));
            QVERIFY2(e.message().contains(fragment), qPrintable(e.message()));
        }
    }

    void writeFile(const QString &path, const QByteArray &bytes)
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
    }

    QTemporaryDir m_dir;
    cv::Mat m_photo;
    cv::Rect m_face;
    int m_openCvThreads = 1;
    QHash<QString, cv::CascadeClassifier> m_openCv;
    QHash<QString, HaarCascade> m_ours;
    int m_comparisons = 0;
    std::size_t m_detections = 0;
};

QTEST_GUILESS_MAIN(TestHaarCascade)
#include "test_haar_cascade.moc"
