// sentilens-cli import PROJECT SOURCE: an MMSA dataset folder (label.csv + Raw/) or a folder of
// videos with optional transcripts. All or nothing, unless --skip-bad.
#include "app/cli/cli_support.h"
#include "core/common/error.h"
#include "core/jobs/project_import.h"
#include "core/language/language_id.h"
#include "core/store/project.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

namespace sl::cli {

// MMSA feature pickles have their own command (command_import_pickle.cpp).
bool isFeaturePickle(const QStringList &args);
int runImportPickle(const QStringList &args);

int runImport(const QStringList &args)
{
    if (isFeaturePickle(args))
        return runImportPickle(args);
    Command command(QStringLiteral("import"),
                    QStringLiteral("Import clips and labels into PROJECT from SOURCE: an MMSA dataset folder "
                                   "(label.csv and Raw/<video_id>/<clip_id>.mp4), its label.csv, or a folder of video "
                                   "files with optional .srt/.vtt/.txt transcripts beside them. A missing project is created."),
                    args);
    command.parser().addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("Project folder."));
    command.parser().addPositionalArgument(QStringLiteral("SOURCE"), QStringLiteral("Dataset folder, label.csv or video folder."));
    command.parser().addOption({QStringLiteral("skip-bad"), QStringLiteral("Import the good rows and list the skipped ones "
                                                                          "(default: any problem imports nothing).")});
    command.parser().addOption({QStringLiteral("annotator"), QStringLiteral("Annotator that owns the imported labels."),
                                QStringLiteral("NAME"), QStringLiteral("dataset")});
    command.parser().addOption({QStringLiteral("split"), QStringLiteral("Split for a folder of videos (train, valid, test)."),
                                QStringLiteral("SPLIT"), QStringLiteral("train")});
    command.parser().addOption({QStringLiteral("scale"), QStringLiteral("Label scale of a new project: mosi or sims "
                                                                       "(default: detected from the labels)."),
                                QStringLiteral("SCALE")});
    command.parser().addOption({QStringLiteral("language"),
                                QStringLiteral("Language of the imported clips (ISO 639 code such as en or zh), also "
                                               "the project's default when it has none. Without it, each clip's "
                                               "language is identified from its transcript."),
                                QStringLiteral("CODE")});
    if (!command.parse(2))
        return command.exitCode();
    QString importLanguage;
    if (command.parser().isSet(QStringLiteral("language"))) {
        try {
            importLanguage = language::normalizeLanguageCode(command.parser().value(QStringLiteral("language")));
        } catch (const std::exception &error) {
            return command.fail(error, UsageError);
        }
    }

    const QString projectPath = command.positional(0);
    const QString source = command.positional(1);
    if (!QFileInfo::exists(source))
        return command.fail(InputProblems, QStringLiteral("%1: no such file or folder").arg(source));
    // An existing project that cannot be opened (locked, newer, not a project) is the project's problem.
    if (store::Project::existsAt(projectPath) && !command.openProject())
        return command.exitCode();
    jobs::ProjectImportOptions options;
    options.skipBad = command.parser().isSet(QStringLiteral("skip-bad"));
    options.annotator = command.parser().value(QStringLiteral("annotator"));
    options.split = command.parser().value(QStringLiteral("split"));
    options.language = importLanguage;
    if (command.parser().isSet(QStringLiteral("scale"))) {
        options.scale = LabelScale::fromName(command.parser().value(QStringLiteral("scale")));
        if (!options.scale)
            return command.fail(UsageError, QStringLiteral("unknown label scale '%1' (use mosi or sims)")
                                                .arg(command.parser().value(QStringLiteral("scale"))));
    }
    // The same import as the window's File > Import (core/jobs/project_import.h).
    jobs::ProjectImportResult result;
    try {
        result = jobs::importIntoProject(projectPath, source, options);
    } catch (const std::exception &error) {
        return command.fail(exitCodeOf(error, InputProblems), describeException(error) + QStringLiteral("\nNothing was imported."));
    }
    const io::ImportReport &report = result.report;
    for (const Problem &problem : report.problems)
        err() << problem.toString() << '\n';
    err().flush();

    QJsonArray problems;
    for (const Problem &problem : report.problems)
        problems.append(QJsonObject{{QStringLiteral("file"), problem.file},
                                    {QStringLiteral("line"), problem.line},
                                    {QStringLiteral("message"), problem.message}});
    command.emitJson({{QStringLiteral("project"), result.projectFolder},
                      {QStringLiteral("source"), report.source},
                      {QStringLiteral("format"), jobs::importSourceKindName(result.kind)},
                      {QStringLiteral("committed"), report.committed},
                      {QStringLiteral("clips_imported"), report.clipsImported},
                      {QStringLiteral("labels_imported"), report.labelsImported},
                      {QStringLiteral("skipped"), QJsonArray::fromStringList(report.skipped)},
                      {QStringLiteral("problems"), problems}});
    if (!report.committed)
        return command.fail(InputProblems, QStringLiteral("%1 problem(s) in %2; nothing was imported. "
                                                          "Fix them, or use --skip-bad to import the good rows.")
                                               .arg(report.problems.size())
                                               .arg(report.source));
    if (result.created) {
        const auto project = store::Project::open(result.projectFolder);
        command.say(QStringLiteral("Created project at %1 (%2)").arg(project->databasePath(), project->labelScale().description()));
    }
    command.say(QStringLiteral("Imported %1 clip(s) and %2 label(s) from %3 as annotator '%4'")
                    .arg(report.clipsImported)
                    .arg(report.labelsImported)
                    .arg(report.source, options.annotator));
    if (!report.skipped.isEmpty())
        command.say(QStringLiteral("Skipped %1 because of the problems above: %2")
                        .arg(report.skipped.size())
                        .arg(report.skipped.join(QStringLiteral(", "))));
    return Success;
}

}  // namespace sl::cli
