// sentilens-cli elan-import PROJECT FILE.eaf --clip ID [--tier NAME]: an ELAN tier becomes the
// clip's transcript and cues.
#include "app/cli/cli_support.h"
#include "app/cli/clip_argument.h"
#include "core/common/error.h"
#include "core/elan/clip_eaf.h"
#include "core/store/project.h"

#include <QJsonObject>

namespace sl::cli {

int runElanImport(const QStringList &args)
{
    Command command(QStringLiteral("elan-import"),
                    QStringLiteral("Replace a clip's transcript and cues in PROJECT with the annotations of one tier of an "
                                   "ELAN .eaf file: --tier, or the tier named 'transcript', or the only time-aligned "
                                   "top-level tier that is not a sentiment tier."),
                    args);
    command.parser().addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("Project folder."));
    command.parser().addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The .eaf file."));
    command.parser().addOption({QStringLiteral("clip"), QStringLiteral("The clip, as video_id/clip_id."), QStringLiteral("ID")});
    command.parser().addOption({QStringLiteral("tier"), QStringLiteral("The tier to read."), QStringLiteral("NAME")});
    if (!command.parse(2))
        return command.exitCode();
    const std::optional<ClipKey> key = parseClipKey(command.parser().value(QStringLiteral("clip")));
    if (!key)
        return command.fail(UsageError, QStringLiteral("--clip needs video_id/clip_id, not '%1'")
                                            .arg(command.parser().value(QStringLiteral("clip"))));
    const std::unique_ptr<store::Project> project = command.openProject();
    if (!project)
        return command.exitCode();
    elan::TranscriptImport result;
    try {
        result = elan::importTranscript(*project, clipIdOf(*project, *key), command.positional(1),
                                        command.parser().value(QStringLiteral("tier")));
    } catch (const Error &error) {
        return command.fail(InputProblems, error.message());
    }
    command.emitJson({{QStringLiteral("project"), project->folder()},
                      {QStringLiteral("clip"), command.parser().value(QStringLiteral("clip"))},
                      {QStringLiteral("tier"), result.tier},
                      {QStringLiteral("cues"), result.cues},
                      {QStringLiteral("transcript"), result.transcript}});
    command.say(QStringLiteral("%1: transcript from tier '%2', %3 cue(s)")
                    .arg(command.parser().value(QStringLiteral("clip")), result.tier)
                    .arg(result.cues));
    return Success;
}

}  // namespace sl::cli
