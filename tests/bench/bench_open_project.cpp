// Opening an existing project and loading its clip list the way the window does (labelling
// session, clip table model, filter model), five times: for the MOSEI-size project imported from a
// feature pickle (tests/bench/README.md, "MOSEI-size feature pickle").
//
//     bench_open_project PROJECT
#include "core/session/labeling_session.h"
#include "core/store/project.h"
#include "ui/clip_filter_model.h"
#include "ui/clip_table_model.h"

#include <QApplication>
#include <QElapsedTimer>
#include <algorithm>
#include <cstdio>
#include <vector>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: bench_open_project PROJECT\n");
        return 2;
    }
    const QString folder = QString::fromLocal8Bit(argv[1]);
    std::vector<double> times;
    int rows = 0;
    for (int run = 0; run < 5; ++run) {
        QElapsedTimer timer;
        timer.start();
        sl::session::LabelingSession session(sl::store::Project::open(folder), QStringLiteral("bench annotator"));
        sl::ui::ClipTableModel model;
        model.setClips(session.loadOverview(), session.referenceAnnotatorName());
        sl::ui::ClipFilterModel filter;
        filter.setSourceModel(&model);
        rows = filter.rowCount();
        times.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(times.begin(), times.end());
    std::printf("open project + load clip list (%d clips): median %.0f ms, worst %.0f ms\n", rows, times[times.size() / 2],
                times.back());
    return 0;
}
