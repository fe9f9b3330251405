// sentilens-cli assign PROJECT: a lead's batches. With --annotators, the clips are split among them
// (an overlap share labelled by everyone, for agreement); without, each annotator's batch and
// progress is shown.
#include "app/cli/cli_support.h"
#include "core/agreement/project_assignments.h"
#include "core/common/error.h"
#include "core/store/project.h"

#include <QJsonArray>
#include <QJsonObject>

namespace sl::cli {

namespace {

void report(Command &command, const QList<agreement::BatchProgress> &rows)
{
    QJsonArray json;
    for (const agreement::BatchProgress &row : rows) {
        json.append(QJsonObject{{QStringLiteral("annotator"), row.annotator},
                                {QStringLiteral("clips"), row.clips},
                                {QStringLiteral("overlap"), row.overlap},
                                {QStringLiteral("labelled"), row.labelled}});
        command.say(QStringLiteral("%1: %2 / %3 clip(s) labelled (%4 in the overlap everyone labels)")
                        .arg(row.annotator)
                        .arg(row.labelled)
                        .arg(row.clips)
                        .arg(row.overlap));
    }
    if (rows.isEmpty())
        command.say(QStringLiteral("No batches yet: give them with --annotators a,b,c"));
    command.emitJson({{QStringLiteral("batches"), json}});
}

}  // namespace

int runAssign(const QStringList &args)
{
    Command command(QStringLiteral("assign"),
                    QStringLiteral("Split the clips of PROJECT into batches, one per annotator, with a share that every "
                                   "annotator labels (for agreement); without --annotators, show each batch's progress."),
                    args);
    command.parser().addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("Project folder."));
    command.parser().addOption({QStringLiteral("annotators"), QStringLiteral("Comma-separated annotators to give batches to "
                                                                             "(their earlier batches are replaced)."),
                                QStringLiteral("LIST")});
    command.parser().addOption({QStringLiteral("overlap"), QStringLiteral("Share of the clips every annotator labels (default 0.2)."),
                                QStringLiteral("SHARE"), QStringLiteral("0.2")});
    command.parser().addOption({QStringLiteral("seed"), QStringLiteral("Seed of the split (default 1): the same seed, the same batches."),
                                QStringLiteral("N"), QStringLiteral("1")});
    command.parser().addOption({QStringLiteral("split"), QStringLiteral("Only the clips of this split."), QStringLiteral("SPLIT")});
    if (!command.parse(1))
        return command.exitCode();
    agreement::BatchRequest request;
    bool ok = false;
    request.overlap = command.parser().value(QStringLiteral("overlap")).toDouble(&ok);
    if (!ok)
        return command.fail(UsageError, QStringLiteral("--overlap needs a number between 0 and 1"));
    request.seed = command.parser().value(QStringLiteral("seed")).toULongLong(&ok);
    if (!ok)
        return command.fail(UsageError, QStringLiteral("--seed needs a whole number"));
    request.split = command.parser().value(QStringLiteral("split"));
    for (const QString &name : command.parser().value(QStringLiteral("annotators")).split(QLatin1Char(','), Qt::SkipEmptyParts))
        request.annotators << name.trimmed();
    const std::unique_ptr<store::Project> project = command.openProject();
    if (!project)
        return command.exitCode();
    try {
        report(command, request.annotators.isEmpty() ? agreement::batchProgress(*project) : agreement::assignBatches(*project, request));
    } catch (const Error &error) {
        return command.fail(InputProblems, error.message());
    }
    return Success;
}

}  // namespace sl::cli
