// sentilens-cli init PROJECT: an empty project with a name and a label scale, in a folder or, with
// --server URL, in an (empty) PostgreSQL database shared by a team.
#include "app/cli/cli_support.h"
#include "core/common/error.h"
#include "core/store/project.h"

#include <QDir>
#include <QJsonObject>

namespace sl::cli {

int runInit(const QStringList &args)
{
    Command command(QStringLiteral("init"),
                    QStringLiteral("Create an empty SentiLens project in the folder PROJECT, or a shared one in the "
                                   "PostgreSQL database given with --server."),
                    args);
    command.parser().addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("Project folder (created if missing)."));
    command.parser().addOption({QStringLiteral("name"), QStringLiteral("Project name (default: the folder name)."), QStringLiteral("NAME")});
    command.parser().addOption({QStringLiteral("scale"),
                                QStringLiteral("Label scale: mosi (continuous -3..3) or sims (-1..1 in steps of 0.2)."),
                                QStringLiteral("SCALE"), QStringLiteral("mosi")});
    command.parser().addOption({QStringLiteral("server"),
                                QStringLiteral("Create the project in this empty PostgreSQL database instead of a folder: "
                                               "postgresql://user[:password]@host[:port]/database."),
                                QStringLiteral("URL")});
    command.parser().addOption({QStringLiteral("media-root"),
                                QStringLiteral("With --server: the folder where this machine mounts the project's "
                                               "shared media (recorded for this machine only)."),
                                QStringLiteral("FOLDER")});
    if (!command.parse(0, 1))
        return command.exitCode();
    const bool server = command.parser().isSet(QStringLiteral("server"));
    const qsizetype positionals = command.parser().positionalArguments().size();
    if (server == (positionals == 1))
        return command.fail(UsageError, QStringLiteral("give either a project folder or --server URL\n"
                                                       "Try 'sentilens-cli init --help'."));
    if (!server && command.parser().isSet(QStringLiteral("media-root")))
        return command.fail(UsageError, QStringLiteral("--media-root is for --server projects; a folder project's media "
                                                       "paths are relative to its folder"));
    const auto scale = LabelScale::fromName(command.parser().value(QStringLiteral("scale")));
    if (!scale)
        return command.fail(UsageError, QStringLiteral("unknown label scale '%1' (use mosi or sims)")
                                            .arg(command.parser().value(QStringLiteral("scale"))));
    try {
        const QString location = server ? command.parser().value(QStringLiteral("server")) : command.positional(0);
        auto project = store::Project::create(location, command.parser().value(QStringLiteral("name")), *scale,
                                              command.parser().value(QStringLiteral("media-root")));
        command.say(QStringLiteral("Created project '%1' (%2) at %3")
                        .arg(project->name(), scale->description(), project->databasePath()));
        if (project->isServer())
            command.say(QStringLiteral("Media paths are relative to %1 on this machine; on each other machine run "
                                       "'sentilens-cli media-root %2 FOLDER' once.")
                            .arg(project->folder(), project->databasePath()));
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
