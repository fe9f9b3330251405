// Visual features on clips made from the public-domain astronaut photo: the face is found in
// nearly every frame and its motion is measured; a frame without a face gives the absent vector.
#include "core/common/error.h"
#include "core/features/clip_features.h"
#include "core/features/visual_features.h"
#include "core/features/visual_pipeline.h"
#include "core/media/video_frame_reader.h"
#include "tests/media/test_clips.h"

#include <QtTest>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>
#include <set>

using namespace sl::features;

namespace {

double at(const FeatureMatrix &m, std::size_t frame, const char *name)
{
    return m.at(frame, static_cast<std::size_t>(m.column(name)));
}

double shareWithFace(const FeatureMatrix &m)
{
    double found = 0.0;
    for (std::size_t f = 0; f < m.frames(); ++f)
        found += at(m, f, "face_present");
    return found / static_cast<double>(m.frames());
}

// A still-picture clip written by OpenCV itself (MPEG-4 part 2), the way a camera tool might.
QString writeStillClip(const QString &path, const cv::Mat &picture, int frames, double fps)
{
    cv::VideoWriter writer(path.toStdString(), cv::CAP_FFMPEG, cv::VideoWriter::fourcc('m', 'p', '4', 'v'), fps, picture.size());
    if (!writer.isOpened())
        qFatal("cannot write %s", qPrintable(path));
    for (int i = 0; i < frames; ++i)
        writer.write(picture);
    return path;
}

void verifyAbsent(const FeatureMatrix &m, std::size_t frame)
{
    for (std::size_t d = 0; d < m.dims(); ++d)
        if (m.names[d] != "motion_energy")
            QVERIFY2(m.at(frame, d) == 0.0F, m.names[d].c_str());
}

}  // namespace

class TestVisual : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_photo = sl::test::astronautImagePath();
        if (m_photo.isEmpty())
            QSKIP("astronaut.png is neither in python3-skimage nor in resources/demo");
    }

    void namesAreUniqueAndComplete()
    {
        const std::vector<std::string> &names = VisualExtractor::names();
        QCOMPARE(names.size(), std::size_t{75});
        QCOMPARE(std::set<std::string>(names.begin(), names.end()).size(), names.size());
        QCOMPARE(names.front(), std::string("face_present"));
        QCOMPARE(names.back(), std::string("motion_energy"));
    }

    void faceInStillClip()
    {
        // The photo centred on a 640 x 360 grey canvas, face and shoulders visible.
        const cv::Mat photo = cv::imread(m_photo.toStdString());
        cv::Mat canvas(360, 640, CV_8UC3, cv::Scalar(128, 128, 128));
        cv::Mat scaled;
        cv::resize(photo, scaled, cv::Size(360, 360));
        scaled.copyTo(canvas(cv::Rect(140, 0, 360, 360)));
        const QString path = writeStillClip(m_dir.filePath("still.mp4"), canvas, 50, 25.0);

        VisualExtractor extractor;
        const FeatureMatrix m = extractVisualFile(path, extractor);
        QCOMPARE(m.frames(), std::size_t{30});
        QVERIFY2(shareWithFace(m) >= 0.95, qPrintable(QString::number(shareWithFace(m))));
        // The face lies at about x 0.33 - 0.45, y 0.1 - 0.5 of this canvas.
        const std::size_t f = 10;
        QVERIFY2(at(m, f, "face_x") > 0.25 && at(m, f, "face_x") < 0.42, qPrintable(QString::number(at(m, f, "face_x"))));
        QVERIFY2(at(m, f, "face_y") > 0.0 && at(m, f, "face_y") < 0.3, qPrintable(QString::number(at(m, f, "face_y"))));
        QVERIFY(at(m, f, "face_w") > 0.1 && at(m, f, "face_w") < 0.3);
        QVERIFY(std::abs(at(m, f, "face_vx")) < 0.05);
        QVERIFY(at(m, f, "motion_energy") < 0.01);
        QVERIFY(at(m, f, "mouth_mean") > 0.1 && at(m, f, "mouth_std") > 0.0 && at(m, f, "mouth_grad_energy") > 0.0);
        double lbpSum = 0.0;
        for (std::size_t d = 0; d < m.dims(); ++d)
            if (m.names[d].rfind("lbp_", 0) == 0)
                lbpSum += m.at(f, d);
        QVERIFY(std::abs(lbpSum - 4.0) < 1e-4);  // four cells, each a distribution
        for (float v : m.values)
            QVERIFY(std::isfinite(v));
    }

    void faceFollowedInPanningClip()
    {
        // 60 px/s pan to the right: the face moves left by 60 / 640 frame widths per second.
        const QString path = sl::test::makeAstronautClip(m_dir.filePath("pan.mp4"), 3.0, 640, 360, 25, 60.0);
        VisualExtractor extractor;
        const FeatureMatrix m = extractVisualFile(path, extractor);
        QCOMPARE(m.frames(), std::size_t{45});
        QVERIFY2(shareWithFace(m) >= 0.95, qPrintable(QString::number(shareWithFace(m))));
        QVERIFY(at(m, 40, "face_x") < at(m, 2, "face_x") - 0.15);
        double vx = 0.0;
        int moving = 0;
        for (std::size_t f = 1; f < m.frames(); ++f) {
            if (at(m, f, "face_present") > 0.0 && at(m, f - 1, "face_present") > 0.0) {
                vx += at(m, f, "face_vx");
                ++moving;
            }
        }
        vx /= moving;
        QVERIFY2(std::abs(vx + 60.0 / 640.0) < 0.03, qPrintable(QString::number(vx)));
        QVERIFY(at(m, 20, "motion_energy") > 0.005);
    }

    void blankFramesGiveTheAbsentVector()
    {
        VisualConfig everyFrame;
        everyFrame.face.searchInterval = 1;  // so that the face is searched for in every frame
        VisualExtractor extractor(everyFrame);
        FeatureMatrix m;
        const cv::Mat grey(360, 640, CV_8UC3, cv::Scalar(90, 90, 90));
        const cv::Mat lighter(360, 640, CV_8UC3, cv::Scalar(120, 120, 120));
        const cv::Mat face = photoFrame();

        extractor.process(grey, 0.0, m);
        extractor.process(lighter, 0.1, m);
        extractor.process(face, 0.2, m);
        extractor.process(grey, 0.3, m);
        extractor.process(face, 0.4, m);
        QCOMPARE(m.names, VisualExtractor::names());
        QCOMPARE(m.frames(), std::size_t{5});
        verifyAbsent(m, 0);
        QCOMPARE(at(m, 0, "motion_energy"), 0.0);
        verifyAbsent(m, 1);
        QVERIFY(std::abs(at(m, 1, "motion_energy") - 30.0 / 255.0) < 1e-3);
        QCOMPARE(at(m, 2, "face_present"), 1.0);
        verifyAbsent(m, 3);
        // A face seen again after a gap has no velocity yet.
        QCOMPARE(at(m, 4, "face_present"), 1.0);
        QCOMPARE(at(m, 4, "face_vx"), 0.0);
        QCOMPARE(at(m, 4, "face_vy"), 0.0);
    }

    void faceAppearingIsFoundWithinASearchInterval()
    {
        VisualExtractor extractor;  // full searches every 5th frame while no face is in view
        FeatureMatrix m;
        const cv::Mat grey(360, 640, CV_8UC3, cv::Scalar(90, 90, 90));
        const cv::Mat face = photoFrame();
        for (int i = 0; i < 3; ++i)
            extractor.process(grey, i / 15.0, m);
        for (int i = 3; i < 12; ++i)
            extractor.process(face, i / 15.0, m);
        QCOMPARE(at(m, 4, "face_present"), 0.0);  // frames 1 - 4 wait for the next search
        for (std::size_t f = 5; f < m.frames(); ++f)
            QCOMPARE(at(m, f, "face_present"), 1.0);
    }

    void pipelinedClipEqualsFrameByFrame()
    {
        // extractVisualFile() spreads a clip over threads; its rows must be those of process().
        const QString path = sl::test::makeAstronautClip(m_dir.filePath("pipeline.mp4"), 2.0, 640, 360, 25, 90.0);
        for (int workers : {1, 3}) {
            VisualExtractor pipelined;
            sl::media::VideoFrameReader pipelineReader(path);
            const FeatureMatrix m = extractVisualPipelined(pipelineReader, pipelined, workers);

            VisualExtractor sequential;
            FeatureMatrix expected;
            sl::media::VideoFrameReader reader(path);
            sl::media::VideoFrame frame;
            while (reader.next(frame))
                sequential.process(frame.image, frame.timeSeconds, expected);
            QCOMPARE(m.frames(), std::size_t{30});
            QVERIFY2(shareWithFace(m) >= 0.95, qPrintable(QString::number(shareWithFace(m))));
            QCOMPARE(m.names, expected.names);
            QCOMPARE(m.times, expected.times);
            QVERIFY(m.values == expected.values);
        }
    }

    void decodingErrorInThePipelineNamesTheFile()
    {
        // Indexed at the start, the truncated copy opens and fails only while its frames are read,
        // on the pipeline's decoding thread.
        sl::test::ClipSpec spec;
        spec.seconds = 6.0;
        spec.width = 320;
        spec.height = 180;
        spec.faststart = true;
        const QString whole = sl::test::makeClip(m_dir.filePath("whole.mp4"), spec);
        const QString cut = sl::test::writeTruncatedCopy(whole, m_dir.filePath("cut.mp4"), 0.4);
        VisualExtractor extractor;
        try {
            extractVisualFile(cut, extractor);
            QFAIL("no error");
        } catch (const sl::Error &e) {
            QVERIFY2(e.message().startsWith(cut + ": ") && e.message().contains("truncated or corrupt: its video stops at"),
                     qPrintable(e.message()));
        }
    }

    void faceJumpingAcrossTheFrameIsFoundAgain()
    {
        // Following searches only next to the last face; a face that jumps (a cut, a fast turn)
        // must be found by the full search of the same frame, not lost for a search interval.
        cv::Mat photo;
        cv::resize(cv::imread(m_photo.toStdString()), photo, cv::Size(360, 360));
        cv::Mat left(360, 640, CV_8UC3, cv::Scalar(90, 90, 90));
        cv::Mat right = left.clone();
        photo.copyTo(left(cv::Rect(0, 0, 360, 360)));
        photo.copyTo(right(cv::Rect(280, 0, 360, 360)));
        VisualExtractor extractor;
        FeatureMatrix m;
        for (int i = 0; i < 3; ++i)
            extractor.process(left, i / 15.0, m);
        for (int i = 3; i < 6; ++i)
            extractor.process(right, i / 15.0, m);
        for (std::size_t f = 0; f < m.frames(); ++f)
            QVERIFY2(at(m, f, "face_present") == 1.0, qPrintable(QStringLiteral("frame %1").arg(f)));
        // The face moved by 280 px, 0.44 of the frame's width.
        QVERIFY2(std::abs(at(m, 3, "face_x") - at(m, 2, "face_x") - 280.0 / 640.0) < 0.02,
                 qPrintable(QStringLiteral("%1 -> %2").arg(at(m, 2, "face_x")).arg(at(m, 3, "face_x"))));
        // ... and is followed from there.
        for (std::size_t f = 4; f < m.frames(); ++f)
            QVERIFY(std::abs(at(m, f, "face_x") - at(m, 3, "face_x")) < 0.02);
    }

    void faceLeavingTheFrameGivesTheAbsentVector()
    {
        const cv::Mat face = photoFrame();
        const cv::Mat grey(360, 640, CV_8UC3, cv::Scalar(90, 90, 90));
        VisualExtractor extractor;
        FeatureMatrix m;
        extractor.process(face, 0.0, m);
        extractor.process(face, 1 / 15.0, m);
        extractor.process(grey, 2 / 15.0, m);
        extractor.process(grey, 3 / 15.0, m);
        QCOMPARE(at(m, 1, "face_present"), 1.0);
        verifyAbsent(m, 2);
        verifyAbsent(m, 3);
        QVERIFY(at(m, 2, "motion_energy") > 0.01);
    }

    void missingCascadeIsNamed()
    {
        VisualConfig config;
        config.face.cascadeDir = m_dir.filePath("no-cascades");
        try {
            VisualExtractor extractor(config);
            QFAIL("no error");
        } catch (const sl::Error &e) {
            QCOMPARE(e.message(), config.face.cascadeDir + "/haarcascade_frontalface_default.xml: face detector model is missing (Debian package opencv-data)");
        }
    }

private:
    // The photo enlarged to 640 x 640 and cut to its upper 640 x 360: a large face near the top.
    cv::Mat photoFrame() const
    {
        cv::Mat photo = cv::imread(m_photo.toStdString());
        cv::resize(photo, photo, cv::Size(640, 640));
        return photo(cv::Rect(0, 0, 640, 360)).clone();
    }

    QTemporaryDir m_dir;
    QString m_photo;
};

QTEST_GUILESS_MAIN(TestVisual)
#include "test_visual.moc"
