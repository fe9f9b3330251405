// sentilens-cli import PROJECT SOURCE: an MMSA dataset folder (label.csv + Raw/) or a folder of
// videos with optional transcripts. All or nothing, unless --skip-bad.
#include "app/cli/cli_support.h"
#include "core/common/error.h"
#include "core/io/dataset_importer.h"
#include "core/io/folder_importer.h"
#include "core/io/label_csv.h"
#include "core/language/clip_languages.h"
#include "core/language/language_id.h"
#include "core/store/project.h"
#include "core/store/savepoint.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>

namespace sl::cli {

namespace {

bool isMmsaSource(const QString &source)
{
    const QFileInfo info(source);
    if (info.isFile())
        return info.fileName().endsWith(QLatin1String(".csv"), Qt::CaseInsensitive);
    return QFileInfo(QDir(source).filePath(QStringLiteral("label.csv"))).isFile();
}

// A new project takes the scale of the data: CH-SIMS style when every label is a 0.2 step in -1..1.
LabelScale detectScale(const QString &source)
{
    const QString csv = QFileInfo(source).isFile() ? source : QDir(source).filePath(QStringLiteral("label.csv"));
    const io::LabelCsvFile file = io::readLabelCsv(csv);
    const LabelScale sims(LabelScale::Kind::Sims);
    if (file.rows.isEmpty())
        return LabelScale();
    for (const io::LabelCsvRow &row : file.rows)
        for (const std::optional<double> &value : {std::optional<double>(row.label), row.labelT, row.labelA, row.labelV})
            if (value && !sims.accepts(*value))
                return LabelScale();
    return sims;
}

// Undoes the creation of a project whose import failed: its database files, and the folder too
// when the import made it (rmdir removes it only when empty, so nothing of the user's goes).
void removeProjectFiles(const QString &folder, bool removeFolder)
{
    for (const char *suffix : {"", "-wal", "-shm"})
        QFile::remove(QDir(folder).filePath(QString::fromLatin1(store::Project::kDatabaseFileName) + QLatin1String(suffix)));
    if (removeFolder)
        QDir().rmdir(folder);
}


// --language: the clips this import added are in `code`, and so is the project when it had no
// default yet.
void setImportedLanguage(store::Project &project, const QSet<qint64> &clipsBefore, const QString &code)
{
    store::Savepoint savepoint(project.db());
    if (language::projectLanguage(project).isEmpty())
        project.settings().setValue(QString::fromLatin1(store::SettingKey::Language), code);
    store::ClipRepository clips = project.clips();
    for (const store::Clip &clip : clips.list())
        if (!clipsBefore.contains(clip.id))
            clips.setLanguage(clip.id, code);
    savepoint.commit();
}

}  // namespace

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
    const bool mmsa = isMmsaSource(source);
    io::ImportOptions options;
    options.skipBad = command.parser().isSet(QStringLiteral("skip-bad"));
    options.annotator = command.parser().value(QStringLiteral("annotator"));
    options.split = command.parser().value(QStringLiteral("split"));

    bool created = false;
    const bool folderExisted = QFileInfo::exists(projectPath);
    std::unique_ptr<store::Project> project;
    QString createdMessage;
    std::optional<LabelScale> scale;
    try {
        if (!store::Project::existsAt(projectPath) && !command.parser().isSet(QStringLiteral("scale")))
            scale = mmsa ? detectScale(source) : LabelScale();
    } catch (const std::exception &error) {
        return command.fail(error, InputProblems);  // label.csv unreadable: nothing was created
    }
    try {
        if (store::Project::existsAt(projectPath)) {
            project = store::Project::open(projectPath);
        } else {
            if (command.parser().isSet(QStringLiteral("scale"))) {
                scale = LabelScale::fromName(command.parser().value(QStringLiteral("scale")));
                if (!scale)
                    return command.fail(UsageError, QStringLiteral("unknown label scale '%1' (use mosi or sims)")
                                                        .arg(command.parser().value(QStringLiteral("scale"))));
            }
            project = store::Project::create(projectPath, QString(), *scale);
            created = true;
            // Said once the import has succeeded: a failed one removes the project again.
            createdMessage = QStringLiteral("Created project at %1 (%2)").arg(project->databasePath(), scale->description());
        }
    } catch (const std::exception &error) {
        return command.fail(error, ProjectError);
    }

    QSet<qint64> clipsBefore;
    io::ImportReport report;
    try {
        for (const store::Clip &clip : project->clips().list())
            clipsBefore.insert(clip.id);
        report = mmsa ? io::importMmsaDataset(*project, source, options) : io::importVideoFolder(*project, source, options);
    } catch (const std::exception &error) {
        const QString folder = project->folder();
        project.reset();
        if (created)
            removeProjectFiles(folder, !folderExisted);
        return command.fail(exitCodeOf(error, InputProblems), describeException(error) + QStringLiteral("\nNothing was imported."));
    }
    for (const Problem &problem : report.problems)
        err() << problem.toString() << '\n';
    err().flush();

    QJsonArray problems;
    for (const Problem &problem : report.problems)
        problems.append(QJsonObject{{QStringLiteral("file"), problem.file},
                                    {QStringLiteral("line"), problem.line},
                                    {QStringLiteral("message"), problem.message}});
    command.emitJson({{QStringLiteral("project"), project->folder()},
                      {QStringLiteral("source"), report.source},
                      {QStringLiteral("format"), mmsa ? QStringLiteral("mmsa") : QStringLiteral("video-folder")},
                      {QStringLiteral("committed"), report.committed},
                      {QStringLiteral("clips_imported"), report.clipsImported},
                      {QStringLiteral("labels_imported"), report.labelsImported},
                      {QStringLiteral("skipped"), QJsonArray::fromStringList(report.skipped)},
                      {QStringLiteral("problems"), problems}});
    if (!report.committed) {
        const QString folder = project->folder();
        project.reset();
        if (created)
            removeProjectFiles(folder, !folderExisted);
        return command.fail(InputProblems, QStringLiteral("%1 problem(s) in %2; nothing was imported. "
                                                          "Fix them, or use --skip-bad to import the good rows.")
                                               .arg(report.problems.size())
                                               .arg(report.source));
    }
    try {
        if (!importLanguage.isEmpty())
            setImportedLanguage(*project, clipsBefore, importLanguage);
        else
            language::detectClipLanguages(*project);
    } catch (const std::exception &error) {
        return command.fail(error, ProjectError);
    }
    if (!createdMessage.isEmpty())
        command.say(createdMessage);
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
