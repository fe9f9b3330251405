// Speed of the annotator's desktop on a MOSEI-sized project (25,000 clips): opening it, filtering
// and sorting the clip list, and saving a label. Prints median and worst times.
//   bench_desktop [--clips N] [--keep DIR]
#include "core/demo/demo_project.h"
#include "core/session/labeling_session.h"
#include "core/store/project.h"
#include "core/store/savepoint.h"
#include "ui/clip_filter_model.h"
#include "ui/clip_table_model.h"
#include "core/jobs/job_runner.h"
#include "ui/main_window.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTimer>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>
#include <vector>

using namespace sl;

namespace {

struct Timings {
    std::vector<double> ms;
    void add(double value) { ms.push_back(value); }
    double median() const
    {
        std::vector<double> sorted = ms;
        std::sort(sorted.begin(), sorted.end());
        return sorted.empty() ? 0 : sorted[sorted.size() / 2];
    }
    double worst() const { return ms.empty() ? 0 : *std::max_element(ms.begin(), ms.end()); }
};

void report(const char *what, const Timings &t)
{
    std::printf("%-34s median %8.2f ms   worst %8.2f ms   (%zu runs)\n", what, t.median(), t.worst(), t.ms.size());
}

double elapsedMs(QElapsedTimer &timer) { return timer.nsecsElapsed() / 1e6; }

void makeProject(const QString &folder, int clips)
{
    auto project = store::Project::create(folder, QStringLiteral("bench"), LabelScale());
    store::Savepoint savepoint(project->db());
    const qint64 dataset = project->annotators().ensure(QStringLiteral("dataset"), QStringLiteral("dataset")).id;
    store::ClipRepository repository = project->clips();
    store::LabelRepository labels = project->labels();
    const char *words[] = {"great", "terrible", "fine", "boring", "wonderful", "awful", "okay", "moving"};
    for (int i = 0; i < clips; ++i) {
        store::Clip clip;
        clip.videoId = QStringLiteral("video_%1").arg(i / 20, 5, 10, QLatin1Char('0'));
        clip.clipId = QString::number(i % 20);
        clip.mediaPath = QStringLiteral("Raw/%1/%2.mp4").arg(clip.videoId, clip.clipId);
        clip.split = i % 10 < 7 ? QStringLiteral("train") : (i % 10 < 8 ? QStringLiteral("valid") : QStringLiteral("test"));
        clip.durationSeconds = 2.0 + (i % 40) * 0.1;
        clip.transcript = QStringLiteral("the film was %1 and the acting %2").arg(QLatin1String(words[i % 8]), QLatin1String(words[(i / 8) % 8]));
        const qint64 id = repository.add(clip);
        labels.set(id, dataset, Target::M, ((i * 37) % 61) / 10.0 - 3.0);
    }
    project->settings().setValue(QString::fromLatin1(store::SettingKey::ImportAnnotator), QStringLiteral("dataset"));
    savepoint.commit();
}

// The longest gap between ticks of a 5 ms timer on the UI thread while the window's extraction job
// runs over a generated demo project: how long the interface could freeze.
void measureStallDuringExtraction(const QString &folder, int clips)
{
    demo::DemoOptions options;
    options.clipCount = clips;
    demo::buildDemoProject(folder, options, false);
    ui::MainWindow window;
    window.resize(1400, 900);
    window.show();
    if (!window.openProject(folder, QStringLiteral("bench annotator")))
        return;
    QElapsedTimer sinceTick;
    double worstGap = 0;
    std::vector<double> gaps;
    QTimer ticker;
    ticker.setInterval(5);
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        const double gap = elapsedMs(sinceTick);
        gaps.push_back(gap);
        worstGap = std::max(worstGap, gap);
        sinceTick.restart();
    });
    QElapsedTimer total;
    total.start();
    window.startExtraction();
    sinceTick.start();
    ticker.start();
    while (window.extraction()->isRunning())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    ticker.stop();
    std::sort(gaps.begin(), gaps.end());
    std::printf("\nextraction of %d demo clips in the window's job: %.1f s\n", clips, elapsedMs(total) / 1000);
    std::printf("%-34s median %8.2f ms   worst %8.2f ms   (%zu ticks of a 5 ms timer)\n", "UI event loop gap during the job",
                gaps.empty() ? 0.0 : gaps[gaps.size() / 2], worstGap, gaps.size());
}

}  // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_MEDIA_BACKEND", "ffmpeg");  // as the application does
    QApplication app(argc, argv);
    int clips = 25000;
    const QStringList args = app.arguments();
    if (const int i = int(args.indexOf(QStringLiteral("--clips"))); i > 0 && i + 1 < args.size())
        clips = args[i + 1].toInt();
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("bench"));

    QElapsedTimer timer;
    timer.start();
    makeProject(folder, clips);
    std::printf("created a %d-clip project in %.0f ms\n\n", clips, elapsedMs(timer));

    Timings open, filterText, filterSplit, sortM, save;
    for (int run = 0; run < 5; ++run) {
        timer.restart();
        session::LabelingSession session(store::Project::open(folder), QStringLiteral("bench annotator"));
        ui::ClipTableModel model;
        model.setClips(session.loadOverview(), session.referenceAnnotatorName());
        ui::ClipFilterModel filter;
        filter.setSourceModel(&model);
        filter.rowCount();
        open.add(elapsedMs(timer));

        for (const char *text : {"wonderful", "acting awful", "video_00042", ""}) {
            ui::ClipFilter f;
            f.text = QString::fromLatin1(text);
            timer.restart();
            filter.setFilter(f);
            filter.rowCount();
            filterText.add(elapsedMs(timer));
        }
        for (const char *split : {"test", "valid", ""}) {
            ui::ClipFilter f;
            f.split = QString::fromLatin1(split);
            f.status = ui::ClipFilter::LabelStatus::UnlabelledByMe;
            timer.restart();
            filter.setFilter(f);
            filter.rowCount();
            filterSplit.add(elapsedMs(timer));
        }
        filter.setFilter({});
        for (Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
            timer.restart();
            filter.sort(ui::ClipTableModel::MColumn, order);
            filter.index(0, 0).data();
            sortM.add(elapsedMs(timer));
        }
        for (int i = 0; i < 200; ++i) {
            const qint64 clip = 1 + (i * 97 + run * 13) % clips;
            timer.restart();
            session.setLabel(clip, Target::M, double((i % 7) - 3));
            save.add(elapsedMs(timer));
        }
    }
    report("open project + load clip list", open);
    report("filter by text", filterText);
    report("filter by split + unlabelled", filterSplit);
    report("sort by M", sortM);
    report("save one label (with history)", save);

    measureStallDuringExtraction(dir.filePath(QStringLiteral("demo")), 30);
    return 0;
}
