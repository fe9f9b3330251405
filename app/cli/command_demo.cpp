// sentilens-cli demo PROJECT: the embedded default project, generated reproducibly.
#include "app/cli/cli_support.h"
#include "core/common/error.h"
#include "core/demo/demo_project.h"
#include "core/store/project.h"
#include "core/store/project_stats.h"

#include <QJsonObject>

namespace sl::cli {

int runDemo(const QStringList &args)
{
    Command command(QStringLiteral("demo"),
                    QStringLiteral("Generate the demo project in PROJECT: synthetic clips of a real face and "
                                   "synthesized speech whose T/A/V labels come from their generation parameters. "
                                   "An existing demo project with the same seed and size is kept."),
                    args);
    command.parser().addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("Project folder."));
    command.parser().addOption({QStringLiteral("clips"), QStringLiteral("Number of clips (default 90)."), QStringLiteral("N"), QStringLiteral("90")});
    command.parser().addOption({QStringLiteral("seed"), QStringLiteral("Random seed."), QStringLiteral("SEED"), QStringLiteral("20261125")});
    command.parser().addOption({QStringLiteral("workers"), QStringLiteral("Parallel workers."), QStringLiteral("N"), QStringLiteral("2")});
    command.parser().addOption({QStringLiteral("rebuild"), QStringLiteral("Generate again even if the demo project exists.")});
    if (!command.parse(1))
        return command.exitCode();

    demo::DemoOptions options;
    bool ok = true;
    options.clipCount = command.parser().value(QStringLiteral("clips")).toInt(&ok);
    if (!ok || options.clipCount < 6)
        return command.fail(UsageError, QStringLiteral("--clips takes a whole number of at least 6"));
    options.seed = command.parser().value(QStringLiteral("seed")).toUInt(&ok);
    if (!ok)
        return command.fail(UsageError, QStringLiteral("--seed takes a non-negative whole number"));
    options.workers = command.parser().value(QStringLiteral("workers")).toInt(&ok);
    if (!ok || options.workers < 1)
        return command.fail(UsageError, QStringLiteral("--workers takes a whole number of at least 1"));

    try {
        int lastReported = -1;
        const auto progress = [&](int done, int total) {
            if (command.json() || done == lastReported || (done % 10 != 0 && done != total))
                return;
            lastReported = done;
            err() << "generating demo clips: " << done << "/" << total << '\n';
            err().flush();
        };
        const demo::DemoProjectResult result =
            demo::buildDemoProject(command.positional(0), options, command.parser().isSet(QStringLiteral("rebuild")), progress);
        const store::ProjectStats stats = store::computeStats(*result.project);
        if (result.reused)
            command.say(QStringLiteral("Demo project already present at %1 (%2 clips); use --rebuild to generate it again")
                            .arg(result.project->folder())
                            .arg(result.clipCount));
        else
            command.say(QStringLiteral("Generated %1 demo clips (%2 with conflicting modalities) in %3 s into %4")
                            .arg(result.clipCount)
                            .arg(result.conflictingCount)
                            .arg(result.generationSeconds, 0, 'f', 1)
                            .arg(result.project->folder()));
        command.emitJson({{QStringLiteral("project"), result.project->folder()},
                          {QStringLiteral("reused"), result.reused},
                          {QStringLiteral("clips"), result.clipCount},
                          {QStringLiteral("conflicting"), result.conflictingCount},
                          {QStringLiteral("generation_seconds"), result.generationSeconds},
                          {QStringLiteral("total_duration_s"), stats.totalDurationSeconds}});
        return Success;
    } catch (const std::exception &error) {
        return command.fail(error, ToolError);
    }
}

}  // namespace sl::cli
