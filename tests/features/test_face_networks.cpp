// The face networks (core/features/face_networks.h) and what the visual features make of them:
// - the ONNX files the build converted give what TensorFlow's own semantics give, computed in
//   numpy straight from the TF.js files (tests/features/tfjs_forward.py, Debian's python3);
// - the action-unit geometry on a hand-made mesh;
// - the demo's generated face (core/demo/face_animator.h): a growing smile raises AU12,
//   p(happy) and valence, a growing frown AU15 and the negative expressions; a tilted face's
//   head_roll follows the tilt, a face turned in depth its head_yaw;
// - the Haar path alone when the networks are absent, and clear errors for broken files.
#include "core/common/error.h"
#include "core/features/face_geometry.h"
#include "core/features/face_networks.h"
#include "core/features/visual_features.h"
#include "tests/features/face_scenes.h"
#include "tests/media/test_clips.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <opencv2/dnn.hpp>

#include <fstream>

using namespace sl::features;

namespace {

constexpr double kDegrees = 180.0 / 3.14159265358979323846;

std::vector<float> readFloats(const QString &path)
{
    std::ifstream in(path.toStdString(), std::ios::binary | std::ios::ate);
    std::vector<float> v(static_cast<std::size_t>(in.tellg()) / sizeof(float));
    in.seekg(0);
    in.read(reinterpret_cast<char *>(v.data()), static_cast<std::streamsize>(v.size() * sizeof(float)));
    return v;
}

void writeFloats(const QString &path, const std::vector<float> &v)
{
    std::ofstream out(path.toStdString(), std::ios::binary);
    out.write(reinterpret_cast<const char *>(v.data()), static_cast<std::streamsize>(v.size() * sizeof(float)));
}

float maxDifference(const float *a, const std::vector<float> &b)
{
    float worst = 0.0F;
    for (std::size_t i = 0; i < b.size(); ++i)
        worst = std::max(worst, std::abs(a[i] - b[i]));
    return worst;
}

// One row of the visual features of `frame`, the face searched in the whole frame.
FeatureMatrix featuresOf(const cv::Mat &frame, const VisualConfig &config = {})
{
    VisualConfig everyFrame = config;
    everyFrame.face.searchInterval = 1;
    VisualExtractor extractor(everyFrame);
    FeatureMatrix m;
    extractor.process(frame, 0.0, m);
    return m;
}

double at(const FeatureMatrix &m, const char *name, std::size_t row = 0)
{
    return m.at(row, static_cast<std::size_t>(m.column(name)));
}

// The face box of a row in the frame's pixels.
cv::Rect2f faceBox(const FeatureMatrix &m, const cv::Mat &frame, std::size_t row = 0)
{
    return {float(at(m, "face_x", row) * frame.cols), float(at(m, "face_y", row) * frame.rows),
            float(at(m, "face_w", row) * frame.cols), float(at(m, "face_h", row) * frame.rows)};
}

const char *const kNetworkColumns[] = {"face_mesh_score", "expr_angry", "expr_disgust", "expr_fear", "expr_happy",
                                       "expr_sad", "expr_surprise", "expr_neutral", "expr_valence", "au12_lip_corner_pull",
                                       "au15_lip_corner_depressor", "au1_inner_brow_raise", "au2_outer_brow_raise",
                                       "au4_brow_lowerer", "au25_lips_part", "au26_jaw_drop", "eye_aperture", "head_yaw",
                                       "head_pitch"};

}  // namespace

class TestFaceNetworks : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        m_modelDir = defaultFaceModelDir();
        if (m_modelDir.isEmpty())
            QSKIP("no face networks (packaging/install-deps.sh installs npm @vladmandic/human; the build converts it)");
        const QString photo = sl::test::astronautImagePath();
        if (photo.isEmpty())
            QSKIP("astronaut.png is neither in python3-skimage nor in resources/demo");
        m_photo = cv::imread(photo.toStdString());
    }

    void convertedNetworksMatchTheTfjsOracle_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<int>("size");
        QTest::addColumn<int>("channels");
        QTest::addColumn<QStringList>("outputs");
        QTest::addColumn<float>("low");
        QTest::addColumn<float>("high");
        // Inputs in the ranges the networks were trained on.
        QTest::newRow("expressions") << "emotion" << 64 << 1 << QStringList{"Identity"} << -1.0F << 1.0F;
        QTest::newRow("face mesh") << "facemesh" << 192 << 3 << QStringList{"Identity_2", "Identity_1", "Identity"} << 0.0F
                                   << 1.0F;
    }

    void convertedNetworksMatchTheTfjsOracle()
    {
        QFETCH(QString, model);
        QFETCH(int, size);
        QFETCH(int, channels);
        QFETCH(QStringList, outputs);
        QFETCH(float, low);
        QFETCH(float, high);
        const QString tfjs = QStringLiteral(SENTILENS_HUMAN_MODELS "/") + model + ".json";
        if (!QFileInfo::exists(tfjs))
            QSKIP("the TF.js model is not in the npm cache");
        // Smooth random pictures: white noise would drive the networks far from any face.
        cv::Mat small(size / 8, size / 8, CV_32FC(channels)), input;
        cv::RNG(11).fill(small, cv::RNG::UNIFORM, low, high);
        cv::resize(small, input, cv::Size(size, size), 0, 0, cv::INTER_CUBIC);
        cv::min(cv::max(input, low), high, input);
        const std::vector<float> nhwc(input.ptr<float>(), input.ptr<float>() + input.total() * channels);
        writeFloats(m_tmp.filePath(model + "_in.f32"), nhwc);

        QProcess python;
        python.start(QStringLiteral(SENTILENS_TEST_PYTHON), {QStringLiteral(SENTILENS_SOURCE_DIR "/tests/features/tfjs_forward.py"), tfjs,
                                                             m_tmp.filePath(model + "_in.f32"), m_tmp.filePath(model + "_out_")});
        QVERIFY(python.waitForFinished(120000));
        QVERIFY2(python.exitCode() == 0, python.readAllStandardError().constData());

        cv::dnn::Net net = cv::dnn::readNetFromONNX((m_modelDir + "/" + model + ".onnx").toStdString());
        std::vector<cv::Mat> planes;
        cv::split(input, planes);
        const int shape[] = {1, channels, size, size};
        cv::Mat blob(4, shape, CV_32F);
        for (int c = 0; c < channels; ++c)
            std::memcpy(blob.ptr<float>(0, c), planes[static_cast<std::size_t>(c)].ptr<float>(), sizeof(float) * size * size);
        net.setInput(blob);
        std::vector<cv::String> names;
        for (const QString &o : outputs)
            names.push_back(o.toStdString());
        std::vector<cv::Mat> got;
        net.forward(got, names);
        for (std::size_t i = 0; i < names.size(); ++i) {
            const std::vector<float> expected = readFloats(m_tmp.filePath(model + "_out_" + outputs[int(i)] + ".f32"));
            QCOMPARE(got[i].total(), expected.size());
            // Probabilities to 1e-5, landmarks (pixels of the 192 crop) to 1e-3 px.
            const float tolerance = model == "emotion" || expected.size() == 1 ? 1e-5F : 1e-3F;
            const float worst = maxDifference(got[i].ptr<float>(), expected);
            QVERIFY2(worst <= tolerance, qPrintable(QStringLiteral("%1: differs by %2").arg(outputs[int(i)]).arg(worst)));
            if (expected.size() == 7)  // a distribution, and not a degenerate one
                QVERIFY(*std::max_element(expected.begin(), expected.end()) < 0.999F);
        }
    }

    void expressionInputIsScaledAsTrained()
    {
        // FaceNetworks::expressions() scales grey [0, 255] to [-1, 1]: against the oracle on the
        // face of the demo photo scaled by hand.
        const QString tfjs = QStringLiteral(SENTILENS_HUMAN_MODELS "/emotion.json");
        if (!QFileInfo::exists(tfjs))
            QSKIP("the TF.js model is not in the npm cache");
        cv::Mat grey, face;
        cv::cvtColor(m_photo(cv::Rect(177, 67, 93, 93)), grey, cv::COLOR_BGR2GRAY);  // Haar's face box
        cv::resize(grey, face, cv::Size(64, 64), 0, 0, cv::INTER_AREA);
        std::vector<float> input;
        for (int y = 0; y < 64; ++y)
            for (int x = 0; x < 64; ++x)
                input.push_back(face.at<std::uint8_t>(y, x) / 127.5F - 1.0F);
        writeFloats(m_tmp.filePath("face.f32"), input);
        QProcess python;
        python.start(QStringLiteral(SENTILENS_TEST_PYTHON), {QStringLiteral(SENTILENS_SOURCE_DIR "/tests/features/tfjs_forward.py"), tfjs,
                                                             m_tmp.filePath("face.f32"), m_tmp.filePath("face_")});
        QVERIFY(python.waitForFinished(120000));
        QVERIFY2(python.exitCode() == 0, python.readAllStandardError().constData());
        const std::vector<float> expected = readFloats(m_tmp.filePath("face_Identity.f32"));
        FaceNetworks networks(m_modelDir);
        const std::array<float, kExpressionCount> p = networks.expressions(grey);
        QVERIFY2(maxDifference(p.data(), expected) < 1e-5F, qPrintable(QString::number(maxDifference(p.data(), expected))));
    }

    void geometryOfAHandMadeMesh()
    {
        // A face 100 px between the eye centres, every landmark placed by hand, then tilted by
        // 30 degrees: the measures are the hand-computed distances / 100, and the roll 30 degrees.
        std::vector<cv::Point3f> upright(kMeshPoints, cv::Point3f(0, 0, 0));
        const auto put = [&](int i, float x, float y, float z = 0.0F) { upright[std::size_t(i)] = {x, y, z}; };
        put(33, -70, 0), put(133, -30, 0), put(263, 70, 0), put(362, 30, 0);  // eye centres at -50, +50
        put(159, -50, -12), put(145, -50, 8), put(386, 50, -10), put(374, 50, 10);  // lid gaps 20 and 20
        put(107, -20, -40), put(336, 20, -40), put(70, -80, -30), put(300, 80, -30);
        put(61, -40, 110), put(291, 40, 110), put(13, 0, 112), put(14, 0, 118), put(0, 0, 105), put(17, 0, 125);
        put(152, 0, 190), put(10, 0, -120, 10), put(234, -100, 40, 0), put(454, 100, 40, 20);
        std::vector<cv::Point3f> mesh;
        const float a = 30.0F / float(kDegrees);
        for (const cv::Point3f &p : upright)  // turned about (300, 200), y down: +30 deg lowers the right eye
            mesh.emplace_back(300 + std::cos(a) * p.x - std::sin(a) * p.y, 200 + std::sin(a) * p.x + std::cos(a) * p.y, p.z);
        const FaceGeometry g = faceGeometry(mesh);
        QVERIFY(std::abs(g.roll * kDegrees - 30.0) < 1e-3);
        QVERIFY(std::abs(g.au12 - (115.0 - 110.0) / 100) < 1e-5);   // lip middle 115, corners 110
        QVERIFY(std::abs(g.au15 - (110.0 - 115.0) / 100) < 1e-5);   // outer lips' middle 115
        QVERIFY(std::abs(g.au1 - 0.40) < 1e-5);                     // inner brows 40 above
        QVERIFY(std::abs(g.au2 - 0.30) < 1e-5);                     // outer brows 30 above
        QVERIFY(std::abs(g.au4 - (-40.0 + 30.0) / 100) < 1e-5);     // inner brows higher than outer
        QVERIFY(std::abs(g.au25 - 0.06) < 1e-5);
        QVERIFY(std::abs(g.au26 - 0.85) < 1e-5);
        QVERIFY(std::abs(g.eyeAperture - 0.5) < 1e-5);              // 20 / 40 for both eyes
        QVERIFY(std::abs(g.yaw * kDegrees - std::atan2(20.0, 200.0) * kDegrees) < 1e-3);
        QVERIFY(std::abs(g.pitch * kDegrees - std::atan2(-10.0, 310.0) * kDegrees) < 1e-3);
        try {
            faceGeometry(std::vector<cv::Point3f>(10));
            QFAIL("no error");
        } catch (const sl::Error &e) {
            QCOMPARE(e.message(), QStringLiteral("face geometry: 10 landmarks instead of 468"));
        }
    }

    void smileRaisesHappinessAndLipCornerPull()
    {
        // The demo's face for visual labels V = -3 .. 3 (expressionFor: V > 0 lifts the mouth
        // corners, V < 0 pulls them down and closes the lips). The photo smiles by itself, so
        // from V = 0 on p(happy) is saturated (>= 0.998; it moves by less than 1e-3, not always
        // upwards); below 0 it falls with the frown.
        std::vector<double> happy, valence, au12, au15, negative;
        for (int v = -3; v <= 3; ++v) {
            const FeatureMatrix m = featuresOf(sl::demo::FaceAnimator(m_photo, sl::demo::expressionFor(v), sl::test::kSceneSize).frame(0.0));
            QCOMPARE(at(m, "face_present"), 1.0);
            QVERIFY(at(m, "face_mesh_score") > 0.9);
            happy.push_back(at(m, "expr_happy"));
            valence.push_back(at(m, "expr_valence"));
            au12.push_back(at(m, "au12_lip_corner_pull"));
            au15.push_back(at(m, "au15_lip_corner_depressor"));
            negative.push_back(at(m, "expr_angry") + at(m, "expr_disgust") + at(m, "expr_fear") + at(m, "expr_sad"));
            double sum = 0.0;
            for (const char *e : kExpressionNames)
                sum += at(m, (std::string("expr_") + e).c_str());
            QVERIFY(std::abs(sum - 1.0) < 1e-4);
        }
        const auto show = [](const std::vector<double> &x) {
            QStringList s;
            for (double v : x)
                s << QString::number(v, 'f', 5);
            return s.join(' ');
        };
        for (std::size_t i = 1; i < happy.size(); ++i) {
            QVERIFY2(au12[i] > au12[i - 1], qPrintable("AU12 " + show(au12)));
            QVERIFY2(happy[i] > happy[i - 1] - 1e-3, qPrintable("p(happy) " + show(happy)));
            QVERIFY2(valence[i] > valence[i - 1] - 1e-3, qPrintable("valence " + show(valence)));
        }
        for (std::size_t i = 1; i <= 3; ++i) {  // V = -3 .. 0: the frown fades
            QVERIFY2(happy[i] > happy[i - 1] + 1e-3, qPrintable("p(happy) " + show(happy)));
            QVERIFY2(valence[i] > valence[i - 1] + 1e-3, qPrintable("valence " + show(valence)));
            // ... so the frown, read the other way, raises AU15 and the negative expressions.
            QVERIFY2(au15[i] < au15[i - 1], qPrintable("AU15 " + show(au15)));
            QVERIFY2(negative[i] < negative[i - 1], qPrintable("p(negative) " + show(negative)));
        }
        QVERIFY2(happy[3] > 0.99 && happy[0] < 0.9, qPrintable("p(happy) " + show(happy)));
        QVERIFY2(negative[0] > 0.1, qPrintable("p(negative) " + show(negative)));
    }

    void headRollFollowsTheTilt()
    {
        // The photo's head is tilted a little by itself, so the roll is compared with that of the
        // untilted frame. Tilts of up to 40 degrees (the face box stays where it was: a tracker's).
        const cv::Mat frontal = sl::test::demoFace(m_photo, 0.0);
        const FeatureMatrix rest = featuresOf(frontal);
        const cv::Rect2f box = faceBox(rest, frontal);
        const cv::Point2f centre(box.x + box.width / 2, box.y + box.height / 2);
        FaceNetworks networks(m_modelDir);
        const double restRoll = faceGeometry(networks.alignedMesh(frontal, box).points).roll * kDegrees;
        QVERIFY2(std::abs(restRoll - at(rest, "head_roll") * kDegrees) < 0.1, "the extractor's roll is the mesh's");
        for (double tilt : {-40.0, -30.0, -20.0, -10.0, 10.0, 20.0, 30.0, 40.0}) {
            const FaceMesh mesh = networks.alignedMesh(sl::test::rolled(frontal, centre, tilt), box);
            QVERIFY(mesh.score > 0.9);
            // cv::getRotationMatrix2D turns counter-clockwise on screen; head_roll is positive
            // clockwise (the eye on the image's right lower).
            const double roll = faceGeometry(mesh.points).roll * kDegrees - restRoll;
            QVERIFY2(std::abs(roll + tilt) < 5.0, qPrintable(QStringLiteral("tilt %1: roll %2").arg(tilt).arg(roll)));
        }
    }

    void headYawFollowsATurnInDepth()
    {
        // The demo face's surface (FaceMesh's own landmarks of the frontal frame) turned in depth
        // and painted back (face_scenes.h, turnedInDepth). FaceMesh reads such a turn short, more
        // so the larger it is (bench_face_networks: -40 -29.8, -30 -23.2, -20 -14.6, -10 -7.5,
        // +10 +7.8, +20 +16.6, +30 +24.0, +40 +30.7 degrees): within 5 degrees up to 10 degrees,
        // 73 - 83% of the turn beyond; not the 5 degrees the issue asks for beyond 10.
        const cv::Mat frontal = sl::test::demoFace(m_photo, 0.0);
        const FeatureMatrix rest = featuresOf(frontal);
        const cv::Rect2f box = faceBox(rest, frontal);
        FaceNetworks networks(m_modelDir);
        const FaceMesh surface = networks.alignedMesh(frontal, box);
        const double restYaw = faceGeometry(surface.points).yaw * kDegrees;
        QVERIFY2(std::abs(restYaw) < 3.0, qPrintable(QString::number(restYaw)));
        double previous = -1e9;
        for (double turn : {-40.0, -30.0, -20.0, -10.0, 10.0, 20.0, 30.0, 40.0}) {
            const FaceMesh mesh = networks.alignedMesh(sl::test::turnedInDepth(frontal, surface.points, turn), box);
            QVERIFY(mesh.score > 0.9);
            const double yaw = faceGeometry(mesh.points).yaw * kDegrees - restYaw;
            const QByteArray what = QStringLiteral("turn %1: yaw %2").arg(turn).arg(yaw).toUtf8();
            QVERIFY2(yaw > previous, what.constData());
            if (std::abs(turn) <= 10.0)
                QVERIFY2(std::abs(yaw - turn) < 5.0, what.constData());
            else
                QVERIFY2(yaw / turn > 0.7 && yaw / turn < 1.1, what.constData());
            previous = yaw;
        }
    }

    void networksRunEveryIntervalAndTheirValuesAreHeld()
    {
        // 15 frames a second, the networks every 0.5 s: frames 0 and 8 (0.53 s) run them, the
        // others repeat the values of the last run.
        const cv::Mat still = sl::test::demoFace(m_photo, 0.0);
        const cv::Mat smiling = sl::test::demoFace(m_photo, 4.0);
        VisualConfig config;
        config.face.searchInterval = 1;
        config.networkInterval = 0.5;
        VisualExtractor extractor(config);
        FeatureMatrix m;
        for (int f = 0; f < 16; ++f)
            extractor.process(f < 4 ? still : smiling, f / 15.0, m);
        const auto same = [&](std::size_t a, std::size_t b) {
            for (const char *c : kNetworkColumns)
                if (at(m, c, a) != at(m, c, b))
                    return false;
            return at(m, "head_roll", a) == at(m, "head_roll", b);
        };
        for (std::size_t f = 1; f < 8; ++f)
            QVERIFY2(same(f, 0), qPrintable(QStringLiteral("frame %1").arg(f)));
        QVERIFY(!same(8, 0));  // the smile, seen at frame 8
        QVERIFY(at(m, "au12_lip_corner_pull", 8) > at(m, "au12_lip_corner_pull", 0));
        for (std::size_t f = 9; f < 16; ++f)
            QVERIFY(same(f, 8));
        // The Haar columns are measured on every frame.
        QVERIFY(at(m, "mouth_mean", 4) != at(m, "mouth_mean", 3));
    }

    void withoutNetworksTheHaarPathRemains()
    {
        const cv::Mat frame = sl::test::demoFace(m_photo, 0.0);
        VisualConfig haarOnly;
        haarOnly.faceModelDir.clear();
        const FeatureMatrix without = featuresOf(frame, haarOnly);
        const FeatureMatrix with = featuresOf(frame);
        QCOMPARE(without.names, with.names);
        QCOMPARE(at(without, "face_present"), 1.0);
        for (const char *c : kNetworkColumns)
            QVERIFY2(at(without, c) == 0.0, c);
        QVERIFY(at(with, "face_mesh_score") > 0.9 && at(with, "expr_happy") > 0.5);
        // Every other column but head_roll (the mesh's when it ran) is the same either way.
        for (std::size_t d = 0; d < with.dims(); ++d) {
            const std::string &name = with.names[d];
            if (name == "head_roll" || std::find(std::begin(kNetworkColumns), std::end(kNetworkColumns), name) != std::end(kNetworkColumns))
                continue;
            QVERIFY2(with.at(0, d) == without.at(0, d), name.c_str());
        }
    }

    void meshKeepsFacesHaarLoses()
    {
        // Issue 15's detector choice, as the extractor runs it (15 frames a second, a full search
        // on every frame without a face): the frontal demo face, then turned step by step to 40
        // degrees either way, or shrunk step by step to a fifth. FaceMesh on the followed box
        // (the default with the networks) keeps the face on every frame, in the right place;
        // the Haar detector alone loses some. A frame without a face has none either way.
        const cv::Mat frontal = sl::test::demoFace(m_photo, 0.0);
        const FeatureMatrix rest = featuresOf(frontal);
        const cv::Rect2f box = faceBox(rest, frontal);
        const cv::Point2f centre(box.x + box.width / 2, box.y + box.height / 2);
        struct Scene {
            cv::Mat frame;
            float scale = 1.0F;  // of the true face about `centre`
        };
        std::vector<std::vector<Scene>> sequences(3);
        for (int step = 0; step <= 8; ++step) {
            sequences[0].push_back({sl::test::rolled(frontal, centre, 5.0 * step)});
            sequences[1].push_back({sl::test::rolled(frontal, centre, -5.0 * step)});
        }
        // 5% smaller a frame (a face moving off to five times its distance in two seconds).
        for (float scale = 1.0F; scale > 0.199F; scale *= 0.95F)
            sequences[2].push_back({sl::test::shrunk(frontal, centre, scale), scale});
        const cv::Mat empty(frontal.size(), frontal.type(), frontal.at<cv::Vec3b>(0, 0));  // the backdrop only

        const auto run = [&](bool mesh, std::vector<int> &kept, QString &lost) {
            VisualConfig config;
            config.face.searchInterval = 1;
            config.meshFollowing = mesh;
            VisualExtractor extractor(config);
            QCOMPARE(extractor.detectorName(), mesh ? QStringLiteral("haar+facemesh") : QStringLiteral("haar"));
            for (std::size_t s = 0; s < sequences.size(); ++s) {
                extractor.reset();
                FeatureMatrix m;
                for (std::size_t f = 0; f < sequences[s].size(); ++f) {
                    extractor.process(sequences[s][f].frame, double(f) / 15.0, m);
                    const float scale = sequences[s][f].scale;
                    const cv::Rect2f seen = faceBox(m, frontal, f);
                    const cv::Point2f c(seen.x + seen.width / 2, seen.y + seen.height / 2);
                    const bool right = at(m, "face_present", f) == 1.0 && cv::norm(c - centre) < box.width * scale / 2
                                       && seen.width > 0.6F * box.width * scale && seen.width < 1.5F * box.width * scale;
                    if (right)
                        ++kept[s];
                    else
                        lost += QStringLiteral(" %1/%2").arg(s).arg(f);
                }
                extractor.process(empty, double(sequences[s].size()) / 15.0, m);
                QCOMPARE(at(m, "face_present", sequences[s].size()), 0.0);
            }
        };
        std::vector<int> withMesh(3, 0), haarOnly(3, 0);
        QString meshLost, haarLost;
        run(true, withMesh, meshLost);
        run(false, haarOnly, haarLost);
        const int shrinking = int(sequences[2].size());
        qInfo("faces kept (tilt +, tilt -, shrink): FaceMesh following %d/9 %d/9 %d/%d, Haar alone %d/9 %d/9 %d/%d (lost:%s)",
              withMesh[0], withMesh[1], withMesh[2], shrinking, haarOnly[0], haarOnly[1], haarOnly[2], shrinking,
              qPrintable(haarLost));
        QVERIFY2(meshLost.isEmpty(), qPrintable(QStringLiteral("FaceMesh following lost (sequence/frame):") + meshLost));
        QVERIFY2(haarOnly[0] + haarOnly[1] + haarOnly[2] < 18 + shrinking, "the Haar detector alone keeps every face: nothing to choose");

        qputenv("SENTILENS_FACE_DETECTOR", "haar");
        QVERIFY(!VisualConfig().meshFollowing);
        qunsetenv("SENTILENS_FACE_DETECTOR");
        QVERIFY(VisualConfig().meshFollowing);
    }

    void environmentChoosesOrTurnsOffTheNetworks()
    {
        qputenv("SENTILENS_FACE_MODELS", "none");
        QVERIFY(defaultFaceModelDir().isEmpty());
        QVERIFY(!VisualExtractor().hasNetworks());
        qputenv("SENTILENS_FACE_MODELS", m_modelDir.toUtf8());
        QCOMPARE(defaultFaceModelDir(), m_modelDir);
        qunsetenv("SENTILENS_FACE_MODELS");
    }

    void brokenNetworkFilesAreNamed()
    {
        VisualConfig config;
        config.faceModelDir = m_tmp.filePath("empty");
        QDir().mkpath(config.faceModelDir);
        try {
            VisualExtractor extractor(config);
            QFAIL("no error");
        } catch (const sl::Error &e) {
            QVERIFY2(e.message().startsWith(config.faceModelDir + "/emotion.onnx: face network missing"), qPrintable(e.message()));
        }
        QFile::copy(m_modelDir + "/emotion.onnx", config.faceModelDir + "/emotion.onnx");
        QFile garbage(config.faceModelDir + "/facemesh.onnx");
        QVERIFY(garbage.open(QIODevice::WriteOnly));
        garbage.write("not a network");
        garbage.close();
        try {
            VisualExtractor extractor(config);
            QFAIL("no error");
        } catch (const sl::Error &e) {
            QVERIFY2(e.message().startsWith(config.faceModelDir + "/facemesh.onnx: not an ONNX network OpenCV can read"),
                     qPrintable(e.message()));
        }
    }

private:
    QTemporaryDir m_tmp;
    QString m_modelDir;
    cv::Mat m_photo;
};

QTEST_GUILESS_MAIN(TestFaceNetworks)
#include "test_face_networks.moc"
