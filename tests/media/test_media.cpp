// Probing and decoding of clips the test makes with ffmpeg, and every bad-input case the issue
// lists: each must end in an sl::Error that names the file and says what is wrong.
#include "core/common/error.h"
#include "core/media/audio_decoder.h"
#include "core/media/media_info.h"
#include "core/media/video_frame_reader.h"
#include "tests/media/test_clips.h"
#include "tests/support/temp_project.h"

#include <QtTest>

#include <cmath>
#include <functional>
#include <numbers>

using namespace sl::media;

namespace {

// The message of the sl::Error that `action` throws, or "" when it throws none.
QString errorOf(const std::function<void()> &action)
{
    try {
        action();
    } catch (const sl::Error &e) {
        return e.message();
    }
    return QString();
}

QString readAllFrames(const QString &path)
{
    return errorOf([&] {
        VideoFrameReader reader(path);
        VideoFrame frame;
        while (reader.next(frame)) {
        }
    });
}

double rms(const std::vector<float> &x, std::size_t from, std::size_t to)
{
    double sum = 0.0;
    for (std::size_t i = from; i < to; ++i)
        sum += static_cast<double>(x[i]) * x[i];
    return std::sqrt(sum / static_cast<double>(to - from));
}

// Frequency from the rising zero crossings between two indices (ignores the fade-in of AAC).
double frequencyOf(const std::vector<float> &x, std::size_t from, std::size_t to, double rate)
{
    std::size_t first = 0;
    std::size_t last = 0;
    int rises = 0;
    for (std::size_t i = from + 1; i < to; ++i) {
        if (x[i - 1] < 0.0F && x[i] >= 0.0F) {
            if (rises == 0)
                first = i;
            last = i;
            ++rises;
        }
    }
    return rises > 1 ? (rises - 1) * rate / static_cast<double>(last - first) : 0.0;
}

// A 16-bit PCM WAV of `channels` identical channels holding a sine; a made-up format tag gives a
// WAV whose codec no decoder knows.
QByteArray wavBytes(int rate, int channels, double seconds, double hz, double amplitude, quint16 formatTag = 1)
{
    const int frames = static_cast<int>(seconds * rate);
    QByteArray data;
    QDataStream samples(&data, QIODevice::WriteOnly);
    samples.setByteOrder(QDataStream::LittleEndian);
    for (int n = 0; n < frames; ++n) {
        const auto value = static_cast<qint16>(std::lround(32767.0 * amplitude * std::sin(2.0 * std::numbers::pi * hz * n / rate)));
        for (int c = 0; c < channels; ++c)
            samples << value;
    }
    QByteArray out;
    QDataStream header(&out, QIODevice::WriteOnly);
    header.setByteOrder(QDataStream::LittleEndian);
    header.writeRawData("RIFF", 4);
    header << quint32(36 + data.size());
    header.writeRawData("WAVEfmt ", 8);
    header << quint32(16) << formatTag << quint16(channels) << quint32(rate) << quint32(rate * channels * 2)
           << quint16(channels * 2) << quint16(16);
    header.writeRawData("data", 4);
    header << quint32(data.size());
    return out + data;
}

}  // namespace

class TestMedia : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_clip = sl::test::makeClip(m_dir.filePath("av.mp4"), {});
    }

    void probeReportsStreams()
    {
        const MediaInfo info = probeMedia(m_clip);
        QVERIFY(info.hasVideo);
        QVERIFY(info.hasAudio);
        QVERIFY2(std::abs(info.durationSeconds - 2.0) < 0.1, qPrintable(QString::number(info.durationSeconds)));
        QCOMPARE(info.frameRate, 25.0);
        QCOMPARE(info.frameCount, 50LL);
        QCOMPARE(info.width, 160);
        QCOMPARE(info.height, 120);
        QCOMPARE(info.videoCodec, QStringLiteral("h264"));
        QCOMPARE(info.audioCodec, QStringLiteral("aac"));
        QVERIFY(info.videoDecodable && info.audioDecodable);
        QCOMPARE(info.sampleRate, 44100);
        QCOMPARE(info.channels, 1);
    }

    void clipAudioIsResampledTo16kMono()
    {
        const std::vector<float> audio = decodeAudioMono16k(m_clip);
        // AAC adds up to a frame of priming at each end.
        QVERIFY2(std::abs(static_cast<double>(audio.size()) / kAnalysisSampleRate - 2.0) < 0.1, qPrintable(QString::number(audio.size())));
        // ffmpeg's sine source has amplitude 1/8; a sine's RMS is amplitude / sqrt 2.
        const double level = rms(audio, 4000, 28000);
        QVERIFY2(std::abs(level - 0.125 / std::numbers::sqrt2) < 0.005, qPrintable(QString::number(level)));
        const double hz = frequencyOf(audio, 4000, 28000, kAnalysisSampleRate);
        QVERIFY2(std::abs(hz - 440.0) < 440.0 * 0.002, qPrintable(QString::number(hz)));
    }

    void stereoWavKeepsAmplitudeAndPitch()
    {
        const QString path = sl::test::writeFile(m_dir, "stereo.wav", wavBytes(44100, 2, 1.0, 300.0, 0.5));
        const MediaInfo info = probeMedia(path);
        QVERIFY(!info.hasVideo);
        QCOMPARE(info.channels, 2);
        QCOMPARE(info.audioCodec, QStringLiteral("pcm_s16le"));
        const std::vector<float> audio = decodeAudioMono16k(path);
        QVERIFY2(std::abs(static_cast<long>(audio.size()) - 16000) <= 16, qPrintable(QString::number(audio.size())));
        const double level = rms(audio, 1000, 15000);
        QVERIFY2(std::abs(level - 0.5 / std::numbers::sqrt2) < 0.002, qPrintable(QString::number(level)));
        const double hz = frequencyOf(audio, 1000, 15000, kAnalysisSampleRate);
        QVERIFY2(std::abs(hz - 300.0) < 0.05, qPrintable(QString::number(hz)));
    }

    void separateAudioFiles_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QStringList>("codec");
        QTest::newRow("wav") << "tone.wav" << QStringList{"-c:a", "pcm_s16le"};
        QTest::newRow("flac") << "tone.flac" << QStringList{"-c:a", "flac"};
        QTest::newRow("mp3") << "tone.mp3" << QStringList{"-c:a", "libmp3lame"};
    }

    void separateAudioFiles()
    {
        QFETCH(QString, name);
        QFETCH(QStringList, codec);
        const QString path = m_dir.filePath(name);
        sl::test::runFfmpeg(QStringList{"-f", "lavfi", "-i", "sine=frequency=250:sample_rate=22050:duration=1.5"} + codec << path);
        const std::vector<float> audio = decodeAudioMono16k(path);
        QVERIFY2(std::abs(static_cast<double>(audio.size()) / kAnalysisSampleRate - 1.5) < 0.06, qPrintable(QString::number(audio.size())));
        QVERIFY(std::abs(frequencyOf(audio, 3000, 20000, kAnalysisSampleRate) - 250.0) < 0.5);
    }

    void framesAtAnalysisRateWithTimestamps_data()
    {
        QTest::addColumn<double>("rate");
        QTest::addColumn<double>("expectedRate");
        QTest::addColumn<int>("expectedFrames");
        QTest::newRow("default 15 of 25") << kDefaultAnalysisRate << 15.0 << 30;
        QTest::newRow("10 of 25") << 10.0 << 10.0 << 20;
        QTest::newRow("capped at 25") << 60.0 << 25.0 << 50;
    }

    void framesAtAnalysisRateWithTimestamps()
    {
        QFETCH(double, rate);
        QFETCH(double, expectedRate);
        QFETCH(int, expectedFrames);
        VideoFrameReader reader(m_clip, rate);
        QCOMPARE(reader.analysisRate(), expectedRate);
        VideoFrame frame;
        std::vector<double> times;
        while (reader.next(frame)) {
            QCOMPARE(frame.image.cols, 160);
            QCOMPARE(frame.image.rows, 120);
            QCOMPARE(frame.image.type(), CV_8UC3);
            QCOMPARE(frame.timeSeconds, static_cast<double>(frame.sourceIndex) / 25.0);
            times.push_back(frame.timeSeconds);
        }
        QCOMPARE(static_cast<int>(times.size()), expectedFrames);
        QCOMPARE(times.front(), 0.0);
        for (std::size_t i = 1; i < times.size(); ++i) {
            QVERIFY(times[i] > times[i - 1]);
            // No gap longer than one analysis interval plus one source frame.
            QVERIFY(times[i] - times[i - 1] <= 1.0 / expectedRate + 1.0 / 25.0 + 1e-9);
        }
        const double duration = probeMedia(m_clip).durationSeconds;
        QVERIFY(times.back() < duration);
        QVERIFY(times.back() > duration - 2.0 / expectedRate);
    }

    void videoOnlyClipHasNoAudio()
    {
        sl::test::ClipSpec spec;
        spec.toneHz = 0.0;
        const QString path = sl::test::makeClip(m_dir.filePath("silent film.mp4"), spec);
        QVERIFY(!probeMedia(path).hasAudio);
        QCOMPARE(errorOf([&] { decodeAudioMono16k(path); }), path + ": has no audio stream");
        QCOMPARE(readAllFrames(path), QString());
    }

    void audioOnlyFileHasNoVideo()
    {
        sl::test::ClipSpec spec;
        spec.withVideo = false;
        const QString path = sl::test::makeClip(m_dir.filePath("voice.m4a"), spec);
        QVERIFY(!probeMedia(path).hasVideo);
        QCOMPARE(readAllFrames(path), path + ": has no video stream (audio only)");
        QVERIFY(!decodeAudioMono16k(path).empty());
    }

    void missingAndEmptyFiles()
    {
        const QString missing = m_dir.filePath("gone.mp4");
        QCOMPARE(errorOf([&] { probeMedia(missing); }), missing + ": does not exist");
        QCOMPARE(errorOf([&] { decodeAudioMono16k(missing); }), missing + ": does not exist");
        QCOMPARE(readAllFrames(missing), missing + ": does not exist");
        const QString empty = sl::test::writeFile(m_dir, "empty.mp4", QByteArray());
        QCOMPARE(errorOf([&] { probeMedia(empty); }), empty + ": is empty (zero bytes)");
        QCOMPARE(readAllFrames(empty), empty + ": is empty (zero bytes)");
    }

    void zeroLengthClip()
    {
        sl::test::runFfmpeg({"-f", "lavfi", "-i", "testsrc=size=160x120:rate=25", "-t", "0", m_dir.filePath("zero.mp4")});
        const QString path = m_dir.filePath("zero.mp4");
        QVERIFY2(errorOf([&] { probeMedia(path); }).startsWith(path + ": has zero length"), qPrintable(errorOf([&] { probeMedia(path); })));
        QVERIFY(readAllFrames(path).startsWith(path + ": has zero length"));
    }

    void textRenamedToMp4()
    {
        const QString path = sl::test::writeFile(m_dir, "notes.mp4", "These are my notes, not a video.\n");
        const QString expected = path + ": is not a readable media file (corrupt, truncated or not audio/video)";
        QCOMPARE(errorOf([&] { probeMedia(path); }), expected);
        QCOMPARE(errorOf([&] { decodeAudioMono16k(path); }), expected);
        QCOMPARE(readAllFrames(path), expected);
    }

    void truncatedClip()
    {
        // ffmpeg writes the MP4 index at the end, so the first half has none.
        const QString half = sl::test::writeTruncatedCopy(m_clip, m_dir.filePath("half.mp4"), 0.5);
        const QString expected = half + ": is not a readable media file (corrupt, truncated or not audio/video)";
        QCOMPARE(errorOf([&] { probeMedia(half); }), expected);
        QCOMPARE(errorOf([&] { decodeAudioMono16k(half); }), expected);
        QCOMPARE(readAllFrames(half), expected);
    }

    void truncatedClipWithIndexFirst()
    {
        // With the index first, the half file opens and promises 2 s; the decoders notice the loss.
        sl::test::ClipSpec spec;
        spec.faststart = true;
        const QString whole = sl::test::makeClip(m_dir.filePath("web.mp4"), spec);
        const QString half = sl::test::writeTruncatedCopy(whole, m_dir.filePath("web-half.mp4"), 0.5);
        QVERIFY(probeMedia(half).durationSeconds > 1.9);
        const QString audioError = errorOf([&] { decodeAudioMono16k(half); });
        QVERIFY2(audioError.startsWith(half + ": is truncated or corrupt: its audio stops at "), qPrintable(audioError));
        const QString videoError = readAllFrames(half);
        QVERIFY2(videoError.startsWith(half + ": is truncated or corrupt: its video stops at "), qPrintable(videoError));
    }

    void unsupportedCodec()
    {
        const QString path = sl::test::writeFile(m_dir, "odd.wav", wavBytes(8000, 1, 0.5, 200.0, 0.5, 0x7777));
        const MediaInfo info = probeMedia(path);
        QVERIFY(info.hasAudio);
        QVERIFY(!info.audioDecodable);
        QCOMPARE(errorOf([&] { decodeAudioMono16k(path); }),
                 path + ": uses the audio codec \"unknown (tag 0x7777)\", which this build cannot decode (unsupported codec)");
    }

private:
    QTemporaryDir m_dir;
    QString m_clip;
};

QTEST_GUILESS_MAIN(TestMedia)
#include "test_media.moc"
