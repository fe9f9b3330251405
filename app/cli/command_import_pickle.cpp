// sentilens-cli import PROJECT FILE.pkl: an MMSA feature pickle (aligned_50.pkl, unaligned_50.pkl,
// CH-SIMS unaligned_39.pkl, MMSA-FET's custom files), read without Python. All or nothing: the
// whole file is checked before anything is written, and a project made for it is removed again
// when the import fails.
#include "app/cli/cli_support.h"
#include "core/common/error.h"
#include "core/io/pickle_importer.h"
#include "core/jobs/project_import.h"
#include "core/store/project.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <algorithm>
#include <functional>

namespace sl::cli {

namespace {

// One line at every tenth of each stage (a 4 GB file takes a while), on stderr, so that --json
// output on stdout stays clean.
class ProgressLines {
public:
    void operator()(const QString &stage, qint64 done, qint64 total)
    {
        if (total <= 0)
            return;
        const int tenth = int(10 * done / total);
        if (stage == m_stage && tenth == m_tenth)
            return;
        m_stage = stage;
        m_tenth = tenth;
        err() << stage << ' ' << tenth * 10 << "%\n";
        err().flush();
    }

private:
    QString m_stage;
    int m_tenth = -1;
};

}  // namespace

bool isFeaturePickle(const QStringList &args)
{
    return std::any_of(args.begin(), args.end(), [](const QString &arg) {
        return !arg.startsWith(QLatin1Char('-')) && arg.endsWith(QLatin1String(".pkl"), Qt::CaseInsensitive);
    });
}

int runImportPickle(const QStringList &args)
{
    Command command(QStringLiteral("import"),
                    QStringLiteral("Import an MMSA feature pickle (aligned_50.pkl, unaligned_50.pkl, CH-SIMS "
                                   "unaligned_39.pkl, MMSA-FET feature files) into PROJECT: splits, clips, transcripts, "
                                   "labels and one feature set per modality. A missing project is created."),
                    args);
    command.parser().addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("Project folder."));
    command.parser().addPositionalArgument(QStringLiteral("FILE.pkl"), QStringLiteral("The feature pickle."));
    command.parser().addOption({QStringLiteral("annotator"), QStringLiteral("Annotator that owns the imported labels."),
                                QStringLiteral("NAME"), QStringLiteral("dataset")});
    command.parser().addOption({QStringLiteral("scale"), QStringLiteral("Label scale of a new project: mosi or sims "
                                                                       "(default: detected from the labels)."),
                                QStringLiteral("SCALE")});
    if (!command.parse(2))
        return command.exitCode();
    const QString projectPath = command.positional(0);
    const QString source = command.positional(1);
    if (!QFileInfo(source).isFile())
        return command.fail(InputProblems, QStringLiteral("%1: no such file").arg(source));
    std::optional<LabelScale> scale;
    if (command.parser().isSet(QStringLiteral("scale"))) {
        scale = LabelScale::fromName(command.parser().value(QStringLiteral("scale")));
        if (!scale)
            return command.fail(UsageError, QStringLiteral("unknown label scale '%1' (use mosi or sims)")
                                                .arg(command.parser().value(QStringLiteral("scale"))));
    }

    ProgressLines progress;
    io::MmsaFeatureFile file;
    try {
        file = io::readMmsaFeatureFile(source, [&](qint64 done, qint64 total) { progress(QStringLiteral("reading"), done, total); });
    } catch (const Error &error) {
        return command.fail(InputProblems, error.message() + QStringLiteral("\nNothing was imported."));
    }

    const bool folderExisted = QFileInfo::exists(projectPath);
    const bool projectExisted = store::Project::existsAt(projectPath);
    std::unique_ptr<store::Project> project;
    if (projectExisted) {
        project = command.openProject();
        if (!project)
            return command.exitCode();
    } else {
        try {
            project = store::Project::create(projectPath, QString(), scale.value_or(io::detectScale(file)));
        } catch (const Error &error) {
            return command.fail(ProjectError, error.message());
        }
    }

    io::PickleImportOptions options;
    options.annotator = command.parser().value(QStringLiteral("annotator"));
    options.progress = std::ref(progress);
    io::ImportReport report;
    try {
        report = io::importMmsaFeatures(*project, file, options);
    } catch (const Error &error) {
        const QString folder = project->folder();
        project.reset();
        if (!projectExisted)  // undo the project made for this import, and nothing else
            jobs::removeCreatedProject(folder, !folderExisted);
        return command.fail(InputProblems, error.message() + QStringLiteral("\nNothing was imported."));
    }

    QJsonObject splits;
    for (const io::MmsaSplit &split : file.splits)
        splits.insert(split.name, split.size());
    QJsonArray sets;
    for (std::size_t m = 0; m < 3; ++m)
        if (file.dims[m] > 0)
            sets.append(QJsonObject{{QStringLiteral("modality"), QLatin1String(io::kMmsaModalityCodes[m])},
                                    {QStringLiteral("key"), QLatin1String(io::kMmsaModalityKeys[m])},
                                    {QStringLiteral("dims"), file.dims[m]},
                                    {QStringLiteral("steps"), file.steps[m]}});
    if (!projectExisted)
        command.say(QStringLiteral("Created project at %1 (%2)").arg(project->databasePath(), project->labelScale().description()));
    command.say(QStringLiteral("Imported %1 clip(s) and %2 label(s) from %3 (%4) as annotator '%5'")
                    .arg(report.clipsImported)
                    .arg(report.labelsImported)
                    .arg(source, file.aligned ? QStringLiteral("aligned") : QStringLiteral("unaligned"), options.annotator));
    for (const QJsonValue &set : sets) {
        const QJsonObject s = set.toObject();
        command.say(QStringLiteral("  %1: %2 dims, up to %3 steps").arg(s.value(QStringLiteral("key")).toString())
                        .arg(s.value(QStringLiteral("dims")).toInt()).arg(s.value(QStringLiteral("steps")).toInt()));
    }
    command.emitJson({{QStringLiteral("project"), project->folder()},
                      {QStringLiteral("source"), source},
                      {QStringLiteral("format"), QStringLiteral("mmsa-pickle")},
                      {QStringLiteral("aligned"), file.aligned},
                      {QStringLiteral("committed"), report.committed},
                      {QStringLiteral("clips_imported"), report.clipsImported},
                      {QStringLiteral("labels_imported"), report.labelsImported},
                      {QStringLiteral("splits"), splits},
                      {QStringLiteral("feature_sets"), sets}});
    return Success;
}

}  // namespace sl::cli
