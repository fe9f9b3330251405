// sentilens-cli init PROJECT: an empty project with a name and a label scale.
#include "app/cli/cli_support.h"
#include "core/common/error.h"
#include "core/store/project.h"

#include <QDir>
#include <QJsonObject>

namespace sl::cli {

int runInit(const QStringList &args)
{
    Command command(QStringLiteral("init"), QStringLiteral("Create an empty SentiLens project in the folder PROJECT."), args);
    command.parser().addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("Project folder (created if missing)."));
    command.parser().addOption({QStringLiteral("name"), QStringLiteral("Project name (default: the folder name)."), QStringLiteral("NAME")});
    command.parser().addOption({QStringLiteral("scale"),
                                QStringLiteral("Label scale: mosi (continuous -3..3) or sims (-1..1 in steps of 0.2)."),
                                QStringLiteral("SCALE"), QStringLiteral("mosi")});
    if (!command.parse(1))
        return command.exitCode();
    const auto scale = LabelScale::fromName(command.parser().value(QStringLiteral("scale")));
    if (!scale)
        return command.fail(UsageError, QStringLiteral("unknown label scale '%1' (use mosi or sims)")
                                            .arg(command.parser().value(QStringLiteral("scale"))));
    try {
        auto project = store::Project::create(command.positional(0), command.parser().value(QStringLiteral("name")), *scale);
        command.say(QStringLiteral("Created project '%1' (%2) at %3")
                        .arg(project->name(), scale->description(), project->databasePath()));
        command.emitJson({{QStringLiteral("project"), project->folder()},
                          {QStringLiteral("database"), project->databasePath()},
                          {QStringLiteral("name"), project->name()},
                          {QStringLiteral("label_scale"), scale->name()}});
        return Success;
    } catch (const std::exception &error) {
        return command.fail(error, ProjectError);
    }
}

}  // namespace sl::cli
