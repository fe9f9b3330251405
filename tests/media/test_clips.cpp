#include "tests/media/test_clips.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QtTest>

namespace sl::test {

void runFfmpeg(const QStringList &arguments)
{
    const QString ffmpeg = QStandardPaths::findExecutable(QStringLiteral("ffmpeg"));
    if (ffmpeg.isEmpty())
        qFatal("the tests need the ffmpeg program (Debian package ffmpeg)");
    QProcess process;
    process.start(ffmpeg, QStringList{"-y", "-nostdin", "-loglevel", "error"} + arguments);
    if (!process.waitForFinished(300000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        qFatal("ffmpeg %s failed: %s", qPrintable(arguments.join(' ')), process.readAllStandardError().constData());
}

QString makeClip(const QString &path, const ClipSpec &spec)
{
    QStringList args;
    const QString seconds = QString::number(spec.seconds);
    if (spec.withVideo)
        args << "-f" << "lavfi" << "-i"
             << QStringLiteral("testsrc=size=%1x%2:rate=%3:duration=%4").arg(spec.width).arg(spec.height).arg(spec.fps).arg(seconds);
    if (spec.toneHz > 0.0)
        args << "-f" << "lavfi" << "-i"
             << QStringLiteral("sine=frequency=%1:sample_rate=44100:duration=%2").arg(spec.toneHz).arg(seconds);
    if (spec.withVideo)
        args << "-c:v" << "libx264" << "-preset" << "veryfast" << "-pix_fmt" << "yuv420p";
    if (spec.toneHz > 0.0)
        args << "-c:a" << "aac";
    if (spec.faststart)
        args << "-movflags" << "+faststart";
    runFfmpeg(args << path);
    return path;
}

QString astronautImagePath()
{
    const QStringList candidates = {QStringLiteral("/usr/lib/python3/dist-packages/skimage/data/astronaut.png"),
                                    QStringLiteral(SENTILENS_SOURCE_DIR "/resources/demo/astronaut.png")};
    for (const QString &candidate : candidates)
        if (QFileInfo::exists(candidate))
            return candidate;
    return QString();
}

QString makeAstronautClip(const QString &path, double seconds, int width, int height, int fps, double panPixelsPerSecond)
{
    // The 512 x 512 photo is enlarged so that a width x height window can pan across it with the
    // face kept whole; the window starts at the left edge and at 1/10 of the height.
    const int side = std::max(width, height) + static_cast<int>(panPixelsPerSecond * seconds) + 32;
    const QString filter = QStringLiteral("scale=%1:%1,crop=%2:%3:x='min(%4*t,%1-%2)':y=%5,format=yuv420p")
                               .arg(side)
                               .arg(width)
                               .arg(height)
                               .arg(panPixelsPerSecond)
                               .arg(side / 10);
    runFfmpeg({"-loop", "1", "-framerate", QString::number(fps), "-i", astronautImagePath(), "-f", "lavfi", "-i",
               QStringLiteral("sine=frequency=220:sample_rate=16000:duration=%1").arg(seconds), "-t",
               QString::number(seconds), "-vf", filter, "-r", QString::number(fps), "-c:v", "libx264", "-preset",
               "veryfast", "-c:a", "aac", "-shortest", path});
    return path;
}

QString writeTruncatedCopy(const QString &from, const QString &to, double fraction)
{
    QFile in(from);
    QFile out(to);
    if (!in.open(QIODevice::ReadOnly) || !out.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot copy %s to %s", qPrintable(from), qPrintable(to));
    const QByteArray bytes = in.readAll();
    out.write(bytes.left(static_cast<qsizetype>(static_cast<double>(bytes.size()) * fraction)));
    return to;
}

}  // namespace sl::test
