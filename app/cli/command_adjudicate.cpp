// sentilens-cli adjudicate PROJECT --clip VIDEO/CLIP --target T (--value X | --from-annotator NAME):
// settles a disagreement by setting the label of the reserved annotator "adjudicated".
#include "app/cli/cli_support.h"
#include "app/cli/clip_argument.h"
#include "core/agreement/adjudication.h"
#include "core/common/error.h"
#include "core/store/project.h"

#include <QJsonObject>

namespace sl::cli {

int runAdjudicate(const QStringList &args)
{
    Command command(QStringLiteral("adjudicate"),
                    QStringLiteral("Set the adjudicated label of one clip and target in PROJECT: a value, or the label "
                                   "of one annotator. It is stored as annotator 'adjudicated' with its history; export "
                                   "and train read it with --annotator adjudicated."),
                    args);
    command.parser().addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("Project folder."));
    command.parser().addOption({QStringLiteral("clip"), QStringLiteral("The clip, as video_id/clip_id."), QStringLiteral("ID")});
    command.parser().addOption({QStringLiteral("target"), QStringLiteral("M, T, A or V."), QStringLiteral("T"), QStringLiteral("M")});
    command.parser().addOption({QStringLiteral("value"), QStringLiteral("The decided label."), QStringLiteral("X")});
    command.parser().addOption({QStringLiteral("from-annotator"), QStringLiteral("Take this annotator's label."),
                                QStringLiteral("NAME")});
    command.parser().addOption({QStringLiteral("reviewer"), QStringLiteral("Who decided (kept in the label history)."),
                                QStringLiteral("NAME")});
    if (!command.parse(1))
        return command.exitCode();

    agreement::AdjudicationRequest request;
    const QString clip = command.parser().value(QStringLiteral("clip"));
    const std::optional<ClipKey> key = parseClipKey(clip);
    if (!key)
        return command.fail(UsageError, QStringLiteral("--clip needs video_id/clip_id, not '%1'").arg(clip));
    request.videoId = key->videoId;
    request.clipId = key->clipId;
    const auto target = targetFromName(command.parser().value(QStringLiteral("target")));
    if (!target)
        return command.fail(UsageError, QStringLiteral("unknown target '%1' (use M, T, A or V)")
                                            .arg(command.parser().value(QStringLiteral("target"))));
    request.target = *target;
    const bool hasValue = command.parser().isSet(QStringLiteral("value"));
    request.fromAnnotator = command.parser().value(QStringLiteral("from-annotator")).trimmed();
    if (hasValue == !request.fromAnnotator.isEmpty())
        return command.fail(UsageError, QStringLiteral("give exactly one of --value and --from-annotator"));
    if (hasValue) {
        bool ok = false;
        request.value = command.parser().value(QStringLiteral("value")).toDouble(&ok);
        if (!ok)
            return command.fail(UsageError, QStringLiteral("--value needs a number, not '%1'")
                                                .arg(command.parser().value(QStringLiteral("value"))));
    }
    request.reviewer = command.parser().value(QStringLiteral("reviewer")).trimmed();

    const std::unique_ptr<store::Project> project = command.openProject();
    if (!project)
        return command.exitCode();
    agreement::AdjudicationResult result;
    try {
        result = agreement::adjudicate(*project, request);
    } catch (const Error &error) {
        return command.fail(InputProblems, error.message());
    }
    command.emitJson({{QStringLiteral("project"), project->folder()},
                      {QStringLiteral("clip"), clip},
                      {QStringLiteral("target"), targetName(request.target)},
                      {QStringLiteral("value"), result.value},
                      {QStringLiteral("changed"), result.changed},
                      {QStringLiteral("annotator"), QString::fromLatin1(agreement::kAdjudicatedAnnotator)}});
    command.say(result.changed ? QStringLiteral("%1 %2: adjudicated label set to %3").arg(clip, targetName(request.target)).arg(result.value)
                               : QStringLiteral("%1 %2: adjudicated label was already %3").arg(clip, targetName(request.target)).arg(result.value));
    return Success;
}

}  // namespace sl::cli
