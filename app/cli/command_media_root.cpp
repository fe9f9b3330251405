// sentilens-cli media-root URL [FOLDER]: shows or sets where this machine finds a shared
// project's media. The database stores media paths relative to this folder, so every machine
// may mount the shared media wherever it likes.
#include "app/cli/cli_support.h"
#include "core/common/error.h"
#include "core/store/media_root.h"
#include "core/store/project.h"
#include "core/store/server_location.h"

#include <QJsonObject>

namespace sl::cli {

int runMediaRoot(const QStringList &args)
{
    Command command(QStringLiteral("media-root"),
                    QStringLiteral("Show or set this machine's media root for a shared (PostgreSQL) project."), args);
    command.parser().addPositionalArgument(QStringLiteral("URL"), QStringLiteral("The project: postgresql://user@host[:port]/database."));
    command.parser().addPositionalArgument(QStringLiteral("FOLDER"), QStringLiteral("Where this machine mounts the project's media."),
                                           QStringLiteral("[FOLDER]"));
    if (!command.parse(1, 1))
        return command.exitCode();
    try {
        const QString display = store::parseServerLocation(command.positional(0)).display();
        if (command.parser().positionalArguments().size() == 2) {
            store::setMediaRootFor(display, command.positional(1));
            // Opening it checks the server and the project, so a typo in the URL shows now.
            auto project = store::Project::open(command.positional(0));
            command.say(QStringLiteral("Media root of %1 on this machine: %2").arg(display, project->folder()));
        } else {
            const QString root = store::mediaRootFor(display);
            command.say(root.isEmpty() ? QStringLiteral("No media root set for %1 on this machine").arg(display)
                                       : QStringLiteral("Media root of %1 on this machine: %2").arg(display, root));
        }
        command.emitJson({{QStringLiteral("project"), display},
                          {QStringLiteral("media_root"), store::mediaRootFor(display)},
                          {QStringLiteral("settings"), store::machineSettingsPath()}});
        return Success;
    } catch (const Error &error) {
        return command.fail(ProjectError, error.message());
    }
}

}  // namespace sl::cli
