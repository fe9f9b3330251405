#pragma once
// Turns a generated demo dataset into a project: the clips are written under PROJECT/media/demo,
// described by a label.csv there, and imported like any MMSA dataset (so the demo exercises the
// same import path users take).
#include "core/demo/demo_types.h"

#include <functional>
#include <memory>

namespace sl::store {
class Project;
}

namespace sl::demo {

struct DemoProjectResult {
    std::unique_ptr<store::Project> project;
    bool reused = false;  // an existing demo project was kept as it was
    int clipCount = 0;
    int conflictingCount = 0;
    double generationSeconds = 0;
};

// Folder (relative to the project) that holds the generated dataset.
QString demoDatasetFolder();

// Builds the demo project in `projectFolder`. An existing demo project made with the same seed and
// clip count is reused unless `rebuild` is set; any other existing project is refused (sl::Error).
DemoProjectResult buildDemoProject(const QString &projectFolder, const DemoOptions &options, bool rebuild,
                                   const std::function<void(int done, int total)> &progress = {});

}  // namespace sl::demo
