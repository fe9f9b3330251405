// Memory of the presentation mode over long unattended runs: loops the playlist of a project with
// many quick clip switches (each clip decodes and paints for a moment, then the next one starts)
// and samples the resident set size (VmRSS in /proc/self/status). Prints the samples, the growth
// after warm-up and what it would amount to over an hour of real looping.
//   bench_presentation [PROJECT] [--switches N] [--dwell MS] [--screenshot FILE [--at MS] [--clip N]]
// --screenshot saves the view at 1920x1080, MS into the N-th playlist clip, instead of looping.
// Without PROJECT a 6-clip demo project is generated (no model: the bars show "no model").
#include "core/demo/demo_project.h"
#include "core/session/labeling_session.h"
#include "core/store/project.h"
#include "ui/present/playlist_choice.h"
#include "ui/present/presentation_clip.h"
#include "ui/present/presentation_view.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QTemporaryDir>
#include <QTimer>
#include <cstdio>
#include <utility>
#include <vector>

using namespace sl;

namespace {

long residentKib()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLong();
    return -1;
}

void spin(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

}  // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_MEDIA_BACKEND"))
        qputenv("QT_MEDIA_BACKEND", "ffmpeg");
    QApplication app(argc, argv);
    int switches = 2000, dwell = 150;
    QString projectPath, screenshot;
    int at = 2500, clipNumber = 1;
    const QStringList args = app.arguments();
    for (int i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--switches") && i + 1 < args.size())
            switches = args[++i].toInt();
        else if (args[i] == QLatin1String("--dwell") && i + 1 < args.size())
            dwell = args[++i].toInt();
        else if (args[i] == QLatin1String("--screenshot") && i + 1 < args.size())
            screenshot = args[++i];
        else if (args[i] == QLatin1String("--at") && i + 1 < args.size())
            at = args[++i].toInt();
        else if (args[i] == QLatin1String("--clip") && i + 1 < args.size())
            clipNumber = args[++i].toInt();
        else
            projectPath = args[i];
    }
    QTemporaryDir dir;
    if (projectPath.isEmpty()) {
        demo::DemoOptions options;
        options.clipCount = 6;
        projectPath = dir.filePath(QStringLiteral("demo"));
        demo::buildDemoProject(projectPath, options, false);
    }
    session::LabelingSession session(store::Project::open(projectPath), QStringLiteral("bench"));
    const QList<store::ClipOverview> overview = session.loadOverview();
    const LabelScale scale = session.scale();
    const auto playlist = present::choosePlaylist(overview, 6, present::neutralBandFor(scale.minimum(), scale.maximum()));
    present::PresentationView view;
    view.setScale(scale.minimum(), scale.maximum());
    view.setProject(projectPath);
    view.resize(1920, 1080);
    view.show();
    view.setClips(present::loadPresentationClips(session, overview, playlist));
    if (!screenshot.isEmpty()) {
        for (int i = 1; i < clipNumber; ++i)
            view.next();
        spin(at);
        return view.grab().save(screenshot) ? 0 : 4;
    }
    std::printf("project %s: %lld clips in the playlist; %d switches, %d ms on each clip\n", qPrintable(projectPath),
                static_cast<long long>(view.clips().size()), switches, dwell);
    std::printf("%8s %10s %10s\n", "switches", "rss_kib", "seconds");
    QElapsedTimer clock;
    clock.start();
    const int every = std::max(1, switches / 20);
    // The first quarter warms up (codecs, fonts, glyph and pixmap caches); growth is the slope of
    // a least-squares line through the samples after it.
    const int warmUp = switches / 4;
    std::vector<std::pair<double, double>> samples;
    long warm = -1, last = -1, peak = 0;
    for (int i = 0; i <= switches; ++i) {
        if (i % every == 0) {
            last = residentKib();
            peak = std::max(peak, last);
            if (i >= warmUp) {
                if (warm < 0)
                    warm = last;
                samples.emplace_back(double(i), double(last));
            }
            std::printf("%8d %10ld %10.1f\n", i, last, double(clock.elapsed()) / 1000.0);
            std::fflush(stdout);
        }
        view.next();
        spin(dwell);
    }
    const double seconds = double(clock.elapsed()) / 1000.0;
    double mx = 0, my = 0;
    for (const auto &[x, y] : samples) {
        mx += x;
        my += y;
    }
    mx /= double(samples.size());
    my /= double(samples.size());
    double sxy = 0, sxx = 0;
    for (const auto &[x, y] : samples) {
        sxy += (x - mx) * (y - my);
        sxx += (x - mx) * (x - mx);
    }
    const double growthPerThousand = sxx > 0 ? sxy / sxx * 1000.0 : 0.0;
    std::printf("after warm-up (%d switches): %ld KiB; at the end: %ld KiB; peak %ld KiB\n", warmUp, warm, last, peak);
    std::printf("growth: %+.0f KiB per 1000 clip switches (%.0f s of switching, %d rounds of the playlist)\n",
                growthPerThousand, seconds, view.rounds());
    return 0;
}
