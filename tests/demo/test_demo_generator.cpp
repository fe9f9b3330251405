// Tests of the demo dataset generator: the plan (determinism, splits, labels, conflicts) and a
// small generated dataset (media files, manifest, visible facial expression, errors).
#include "core/common/error.h"
#include "core/demo/demo_generator.h"
#include "core/demo/demo_resources.h"
#include "core/demo/face_animator.h"
#include "core/demo/label_rule.h"
#include "core/demo/manifest.h"

#include <QDir>
#include <numeric>
#include <cmath>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

using namespace sl::demo;

namespace {

constexpr int kSmallCount = 8;
constexpr quint32 kSeed = 20261125;

QJsonArray planAsJson(const QList<DemoClip> &clips)
{
    QJsonArray out;
    for (const DemoClip &c : clips)
        out.append(clipToJson(c));
    return out;
}

int sign(double x)
{
    return (x > 0) - (x < 0);
}

// Mean absolute difference of two frames inside `inside`, and outside a margin around it.
std::pair<double, double> differenceInAndOut(const cv::Mat &a, const cv::Mat &b, cv::Rect inside, int margin)
{
    cv::Mat diff;
    cv::absdiff(a, b, diff);
    cv::cvtColor(diff, diff, cv::COLOR_BGR2GRAY);
    const double in = cv::mean(diff(inside))[0];
    cv::Mat outsideMask(diff.size(), CV_8U, cv::Scalar(255));
    const cv::Rect grown(inside.x - margin, inside.y - margin, inside.width + 2 * margin, inside.height + 2 * margin);
    outsideMask(grown & cv::Rect(cv::Point(), diff.size())).setTo(0);
    return {in, cv::mean(diff, outsideMask)[0]};
}

cv::Mat firstFrame(const QString &path)
{
    cv::VideoCapture capture(path.toStdString(), cv::CAP_FFMPEG);
    cv::Mat frame;
    capture.read(frame);
    return frame;
}

QJsonObject probe(const QString &path)
{
    QProcess ffprobe;
    ffprobe.start("ffprobe", {"-v", "error", "-show_streams", "-show_format", "-of", "json", path});
    if (!ffprobe.waitForFinished(30000) || ffprobe.exitCode() != 0)
        return {};
    return QJsonDocument::fromJson(ffprobe.readAllStandardOutput()).object();
}

}  // namespace

class TestDemoGenerator : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void planIsDeterministicPerSeed();
    void splitsFollowProportionsByVideo();
    void aQuarterOfClipsConflict();
    void labelsFollowTheRule();
    void everyChannelCarriesSomeClipsAlone();
    void transcriptsAndVoiceFollowLabels();
    void mediaFilesDecodeWithAudio();
    void manifestMatchesClips();
    void smileDiffersFromFrownInTheMouth();
    void headNodsOrShakesWithV();
    void unwritableOutputFolderThrows();
    void missingProgramThrows();
    void badOptionsThrow();

private:
    QTemporaryDir m_dir;
    DemoOptions m_options;
    DemoResult m_result;
    QList<int> m_progress;
};

void TestDemoGenerator::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_options.outputDir = m_dir.filePath("demo");
    m_options.clipCount = kSmallCount;
    m_options.seed = kSeed;
    m_result = generateDemoDataset(m_options, [this](int done, int total) {
        QCOMPARE(total, kSmallCount);
        m_progress.append(done);
    });
    QCOMPARE(m_result.clips.size(), kSmallCount);
    QCOMPARE(m_progress.first(), 0);
    QCOMPARE(m_progress.last(), kSmallCount);
    qInfo("generated %d clips in %.1f s", kSmallCount, m_result.elapsedSeconds);
}

void TestDemoGenerator::planIsDeterministicPerSeed()
{
    DemoOptions options;
    options.clipCount = 30;
    const QJsonArray first = planAsJson(planDemoClips(options));
    QCOMPARE(planAsJson(planDemoClips(options)), first);
    options.seed += 1;
    QVERIFY(planAsJson(planDemoClips(options)) != first);

    // The generated clips are the plan plus what only synthesis can tell.
    const QList<DemoClip> plan = planDemoClips(m_options);
    for (int i = 0; i < plan.size(); ++i) {
        const DemoClip &made = m_result.clips[i];
        QCOMPARE(made.mediaPath, plan[i].mediaPath);
        QCOMPARE(made.labelM, plan[i].labelM);
        QCOMPARE(made.parameters["prosody"], plan[i].parameters["prosody"]);
        QCOMPARE(made.parameters["face"], plan[i].parameters["face"]);
    }
}

void TestDemoGenerator::splitsFollowProportionsByVideo()
{
    const struct {
        int clips, train, valid, test;
    } cases[] = {{90, 60, 15, 15}, {12, 8, 2, 2}, {6, 4, 1, 1}};
    for (const auto &c : cases) {
        DemoOptions options;
        options.clipCount = c.clips;
        QHash<QString, int> perSplit;
        QHash<QString, QString> splitOfVideo;
        QHash<QString, int> clipsOfVideo;
        QSet<QString> paths;
        for (const DemoClip &clip : planDemoClips(options)) {
            ++perSplit[clip.split];
            ++clipsOfVideo[clip.videoId];
            QVERIFY2(splitOfVideo.value(clip.videoId, clip.split) == clip.split, qPrintable(clip.videoId));
            splitOfVideo[clip.videoId] = clip.split;
            QVERIFY(QRegularExpression("^demo_v\\d{3}$").match(clip.videoId).hasMatch());
            QVERIFY(QRegularExpression("^\\d{4}$").match(clip.clipId).hasMatch());
            QCOMPARE(clip.mediaPath, QString("Raw/%1/%2.mp4").arg(clip.videoId, clip.clipId));
            paths.insert(clip.mediaPath);
        }
        QCOMPARE(perSplit["train"], c.train);
        QCOMPARE(perSplit["valid"], c.valid);
        QCOMPARE(perSplit["test"], c.test);
        QCOMPARE(paths.size(), c.clips);
        for (int n : clipsOfVideo)
            QVERIFY(n >= 1 && n <= kClipsPerVideo);
        if (c.clips == 90)
            QCOMPARE(clipsOfVideo.size(), 18);
    }
}

void TestDemoGenerator::aQuarterOfClipsConflict()
{
    QVERIFY(isConflicting(2, -1, -0.5));
    QVERIFY(isConflicting(-1, 3, 1));
    QVERIFY(!isConflicting(2, -1, 0));
    QVERIFY(!isConflicting(0, -1, -1));
    QVERIFY(!isConflicting(1, 1, -1));
    for (int count : {6, 7, 8, 90}) {
        for (quint32 seed : {1u, 2u, kSeed}) {
            DemoOptions options;
            options.clipCount = count;
            options.seed = seed;
            int conflicting = 0;
            for (const DemoClip &c : planDemoClips(options)) {
                const bool opposed = sign(c.labelT) != 0 && sign(c.labelA) == -sign(c.labelT)
                                     && sign(c.labelV) == -sign(c.labelT);
                QCOMPARE(c.conflicting, opposed);
                QCOMPARE(c.parameters["conflicting"].toBool(), opposed);
                conflicting += opposed ? 1 : 0;
            }
            QVERIFY2(conflicting * 5 >= count, qPrintable(QString("%1 of %2").arg(conflicting).arg(count)));
            QVERIFY(conflicting * 3 <= count);
        }
    }
}

void TestDemoGenerator::labelsFollowTheRule()
{
    DemoOptions options;
    options.clipCount = 90;
    QSet<double> mValues;
    for (const DemoClip &c : planDemoClips(options)) {
        for (double label : {c.labelT, c.labelA, c.labelV}) {
            QVERIFY(label >= -3 && label <= 3);
            QCOMPARE(std::fmod(label * 2, 1.0), 0.0);  // multiples of 0.5
        }
        const double expected = std::round(std::clamp(0.5 * c.labelT + 0.25 * c.labelA + 0.25 * c.labelV, -3.0, 3.0) * 10) / 10;
        QCOMPARE(c.labelM, expected);
        QCOMPARE(multimodalLabel(c.labelT, c.labelA, c.labelV), expected);
        const QJsonObject labels = c.parameters["labels"].toObject();
        QCOMPARE(labels["M"].toDouble(), c.labelM);
        QCOMPARE(labels["T"].toDouble(), c.labelT);
        mValues.insert(c.labelM);
    }
    QVERIFY(mValues.size() >= 10);  // the labels really vary
}

// The explanation check needs clips where one channel decides the label, and voice and face
// that do not always move together (else no model can tell them apart).
void TestDemoGenerator::everyChannelCarriesSomeClipsAlone()
{
    DemoOptions options;
    options.clipCount = 90;
    int voiceAlone = 0, faceAlone = 0, quietVoice = 0, quietFace = 0;
    QList<double> a, v;
    for (const DemoClip &c : planDemoClips(options)) {
        a << c.labelA;
        v << c.labelV;
        if (c.labelT == 0) {
            // Neutral words: exactly one of voice and face is clear (|label| >= 1), the other quiet.
            const bool voiceClear = std::fabs(c.labelA) >= 1, faceClear = std::fabs(c.labelV) >= 1;
            QVERIFY2(voiceClear != faceClear, qPrintable(QString("A %1, V %2").arg(c.labelA).arg(c.labelV)));
            QVERIFY(std::fabs(voiceClear ? c.labelV : c.labelA) <= 0.5);
            (voiceClear ? voiceAlone : faceAlone) += 1;
        } else if (!c.conflicting) {
            // Agreeing clips: voice and face never against the words; each may stay quiet.
            QVERIFY(c.labelA * c.labelT >= 0 && c.labelV * c.labelT >= 0);
            quietVoice += std::fabs(c.labelA) <= 0.5 ? 1 : 0;
            quietFace += std::fabs(c.labelV) <= 0.5 ? 1 : 0;
        }
    }
    QVERIFY(voiceAlone > 0 && faceAlone > 0);
    QVERIFY(quietVoice > 0 && quietFace > 0);
    const auto mean = [](const QList<double> &x) { return std::accumulate(x.begin(), x.end(), 0.0) / double(x.size()); };
    const double ma = mean(a), mv = mean(v);
    double cov = 0, va = 0, vv = 0;
    for (qsizetype i = 0; i < a.size(); ++i) {
        cov += (a[i] - ma) * (v[i] - mv);
        va += (a[i] - ma) * (a[i] - ma);
        vv += (v[i] - mv) * (v[i] - mv);
    }
    const double correlation = cov / std::sqrt(va * vv);
    QVERIFY2(correlation < 0.75, qPrintable(QString::number(correlation)));  // 0.82 when they moved together
}

void TestDemoGenerator::transcriptsAndVoiceFollowLabels()
{
    DemoOptions options;
    options.clipCount = 90;
    const QList<DemoClip> clips = planDemoClips(options);
    QSet<QString> texts;
    for (const DemoClip &c : clips) {
        const QJsonObject sentence = c.parameters["sentence"].toObject();
        const QString expectedClass = c.labelT > 0 ? "positive" : c.labelT < 0 ? "negative" : "neutral";
        QCOMPARE(sentence["class"].toString(), expectedClass);
        QCOMPARE(sentence["source"].toString(), c.textSource);
        if (c.labelT == 0)
            QCOMPARE(c.textSource, QString("template"));
        else
            QVERIFY(c.textSource.startsWith("uci-"));
        QVERIFY(!c.text.isEmpty());
        texts.insert(c.text);

        const QJsonObject face = c.parameters["face"].toObject();
        const QString motion = c.labelV > 0 ? "nod" : c.labelV < 0 ? "shake" : "still";
        QCOMPARE(face["motion"].toString(), motion);
        QCOMPARE(face["smile"].toDouble(), c.labelV / 3);
    }
    QVERIFY(texts.size() >= 85);  // sentences are not reused while the pool lasts

    // Every voice parameter grows with A.
    for (const DemoClip &x : clips) {
        for (const DemoClip &y : clips) {
            if (x.labelA <= y.labelA)
                continue;
            const QJsonObject px = x.parameters["prosody"].toObject(), py = y.parameters["prosody"].toObject();
            for (const char *key : {"pitch", "speedWpm", "amplitude", "rangePercent"})
                QVERIFY2(px[key].toInt() > py[key].toInt(), key);
        }
    }
}

void TestDemoGenerator::mediaFilesDecodeWithAudio()
{
    const QDir out(m_options.outputDir);
    for (const DemoClip &c : m_result.clips) {
        const QString path = out.filePath(c.mediaPath);
        QVERIFY2(QFile::exists(path), qPrintable(path));
        QVERIFY2(c.durationSeconds >= 2.0 && c.durationSeconds <= 5.0, qPrintable(path));

        cv::VideoCapture capture(path.toStdString(), cv::CAP_FFMPEG);
        QVERIFY2(capture.isOpened(), qPrintable(path));
        int frames = 0;
        cv::Mat frame;
        while (capture.read(frame)) {
            QCOMPARE(frame.cols, m_options.width);
            QCOMPARE(frame.rows, m_options.height);
            ++frames;
        }
        QVERIFY2(std::abs(frames - c.durationSeconds * m_options.fps) <= 1.0,
                 qPrintable(QString("%1: %2 frames for %3 s").arg(path).arg(frames).arg(c.durationSeconds)));

        const QJsonObject info = probe(path);
        QStringList codecs;
        for (const QJsonValue &s : info["streams"].toArray()) {
            const QJsonObject stream = s.toObject();
            codecs << stream["codec_type"].toString() + ":" + stream["codec_name"].toString();
            if (stream["codec_type"] == "video")
                QCOMPARE(stream["pix_fmt"].toString(), QString("yuv420p"));
        }
        QVERIFY2(codecs.contains("video:h264") && codecs.contains("audio:aac"), qPrintable(codecs.join(' ')));
        const double seconds = info["format"].toObject()["duration"].toString().toDouble();
        QVERIFY2(seconds >= 2.0 && seconds <= 5.0, qPrintable(QString("%1: %2 s").arg(path).arg(seconds)));
        QVERIFY(std::abs(seconds - c.durationSeconds) < 0.2);

        // The speech fits: the clip is the speech plus a short pause, unless that is under 2 s.
        const double speech = c.parameters["speechSeconds"].toDouble();
        QVERIFY(speech > 0.5 && speech <= 4.5);
        QVERIFY(c.durationSeconds >= speech + 0.3 || c.durationSeconds <= 2.1);
    }
}

void TestDemoGenerator::manifestMatchesClips()
{
    QCOMPARE(m_result.manifestPath, QDir(m_options.outputDir).filePath("manifest.json"));
    QFile file(m_result.manifestPath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QJsonParseError error;
    const QJsonObject root = QJsonDocument::fromJson(file.readAll(), &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(root["seed"].toDouble(), double(kSeed));
    QCOMPARE(root["generatorVersion"].toString(), QString(kGeneratorVersion));
    QCOMPARE(root["labelRule"].toString(), labelRuleText());
    const QJsonArray clips = root["clips"].toArray();
    QCOMPARE(clips.size(), m_result.clips.size());
    for (int i = 0; i < clips.size(); ++i) {
        const QJsonObject c = clips[i].toObject();
        const DemoClip &made = m_result.clips[i];
        QCOMPARE(c["videoId"].toString(), made.videoId);
        QCOMPARE(c["clipId"].toString(), made.clipId);
        QCOMPARE(c["text"].toString(), made.text);
        QCOMPARE(c["labelA"].toDouble(), made.labelA);
        QCOMPARE(c["labelM"].toDouble(), made.labelM);
        QCOMPARE(c["durationSeconds"].toDouble(), made.durationSeconds);
        QCOMPARE(c["parameters"].toObject(), made.parameters);
        for (const char *key : {"labels", "prosody", "face", "sentence", "speechSeconds", "frameCount"})
            QVERIFY2(made.parameters.contains(key), key);
    }
}

void TestDemoGenerator::smileDiffersFromFrownInTheMouth()
{
    const cv::Size size(m_options.width, m_options.height);
    const cv::Rect mouth = FaceAnimator::mouthRegion(size);
    QVERIFY(mouth.area() > 500);

    // Straight from the animator: only the mouth moves.
    const cv::Mat smile = FaceAnimator(demoPhoto(), expressionFor(3), size).frame(0);
    const cv::Mat frown = FaceAnimator(demoPhoto(), expressionFor(-3), size).frame(0);
    auto [in, out] = differenceInAndOut(smile, frown, mouth, 12);
    qInfo("animator: mean difference %.2f in the mouth, %.3f elsewhere", in, out);
    QVERIFY(in > 8 && out < 0.5);

    // And in the encoded clips: the first frames of the happiest and the saddest face.
    auto byV = [](const DemoClip &a, const DemoClip &b) { return a.labelV < b.labelV; };
    const DemoClip saddest = *std::min_element(m_result.clips.begin(), m_result.clips.end(), byV);
    const DemoClip happiest = *std::max_element(m_result.clips.begin(), m_result.clips.end(), byV);
    QVERIFY(happiest.labelV - saddest.labelV >= 3);
    const QDir dir(m_options.outputDir);
    std::tie(in, out) = differenceInAndOut(firstFrame(dir.filePath(happiest.mediaPath)),
                                           firstFrame(dir.filePath(saddest.mediaPath)), mouth, 12);
    qInfo("encoded: mean difference %.2f in the mouth, %.3f elsewhere", in, out);
    QVERIFY(in > 8 && in > 5 * out);
}

void TestDemoGenerator::headNodsOrShakesWithV()
{
    const cv::Size size(m_options.width, m_options.height);
    auto shiftAtQuarterPeriod = [&](double v) {
        const Expression e = expressionFor(v);
        const FaceAnimator face(demoPhoto(), e, size);
        cv::Mat a, b;
        cv::cvtColor(face.frame(0), a, cv::COLOR_BGR2GRAY);
        cv::cvtColor(face.frame(0.25 / e.frequencyHz), b, cv::COLOR_BGR2GRAY);
        a.convertTo(a, CV_64F);
        b.convertTo(b, CV_64F);
        return cv::phaseCorrelate(a, b);
    };
    const cv::Point2d nod = shiftAtQuarterPeriod(3);
    QVERIFY2(std::abs(nod.y) > 5 && std::abs(nod.x) < 1, qPrintable(QString("nod %1,%2").arg(nod.x).arg(nod.y)));
    const cv::Point2d shake = shiftAtQuarterPeriod(-3);
    QVERIFY2(std::abs(shake.x) > 5 && std::abs(shake.y) < 2, qPrintable(QString("shake %1,%2").arg(shake.x).arg(shake.y)));
    const cv::Point2d still = shiftAtQuarterPeriod(0);
    QVERIFY2(std::hypot(still.x, still.y) < 1, qPrintable(QString("still %1,%2").arg(still.x).arg(still.y)));
}

void TestDemoGenerator::unwritableOutputFolderThrows()
{
    // Tests run as root, so permissions stop nothing; a regular file in the way does.
    const QString blocker = m_dir.filePath("not-a-folder");
    QFile file(blocker);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    DemoOptions options;
    options.outputDir = blocker + "/demo";
    options.clipCount = 2;
    try {
        generateDemoDataset(options);
        QFAIL("no error for an output folder below a regular file");
    } catch (const sl::Error &e) {
        QVERIFY2(e.message().contains(blocker), qPrintable(e.message()));
    }
}

void TestDemoGenerator::missingProgramThrows()
{
    const QByteArray path = qgetenv("PATH");
    qputenv("PATH", m_dir.filePath("empty-bin").toLocal8Bit());
    DemoOptions options;
    options.outputDir = m_dir.filePath("no-tools");
    options.clipCount = 2;
    QString message;
    try {
        generateDemoDataset(options);
    } catch (const sl::Error &e) {
        message = e.message();
    }
    qputenv("PATH", path);
    QVERIFY2(message.contains("espeak-ng") && message.contains(options.outputDir), qPrintable(message));
}

void TestDemoGenerator::badOptionsThrow()
{
    DemoOptions options;
    options.outputDir = m_dir.filePath("bad");
    options.clipCount = 0;
    QVERIFY_THROWS_EXCEPTION(sl::Error, planDemoClips(options));
    options.clipCount = 6;
    options.width = 321;
    QVERIFY_THROWS_EXCEPTION(sl::Error, generateDemoDataset(options));
    QVERIFY(!QFile::exists(options.outputDir));  // refused before anything was written
}

QTEST_GUILESS_MAIN(TestDemoGenerator)
#include "test_demo_generator.moc"
