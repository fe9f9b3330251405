#include "tests/support_gui/extracted_demo.h"

#include "core/demo/demo_project.h"
#include "core/jobs/extraction_job.h"
#include "core/jobs/extraction_plan.h"
#include "core/store/project.h"

#include <QtTest>

namespace sl::test {

void buildExtractedDemo(const QString &folder, int clips)
{
    demo::DemoOptions options;
    options.clipCount = clips;
    const auto project = demo::buildDemoProject(folder, options, false).project;
    const jobs::PreparedExtraction prepared = jobs::prepareExtraction(project->databasePath(), jobs::ExtractionPlan{});
    const jobs::ExtractionReport report = jobs::ExtractionJob(project->databasePath(), prepared.extractors, 2).run();
    QCOMPARE(report.failed, 0);
}

}  // namespace sl::test
