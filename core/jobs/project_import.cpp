#include "core/jobs/project_import.h"

#include "core/common/error.h"
#include "core/io/dataset_importer.h"
#include "core/io/folder_importer.h"
#include "core/io/label_csv.h"
#include "core/io/mmsa_feature_file.h"
#include "core/io/pickle_importer.h"
#include "core/language/clip_languages.h"
#include "core/media/media_info.h"
#include "core/store/project.h"
#include "core/store/savepoint.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <memory>

namespace sl::jobs {

namespace {

void throwIfCancelled(const ProjectImportOptions &options)
{
    if (options.cancel && options.cancel->load())
        throw Error(QStringLiteral("Import cancelled; nothing was imported."));
}

// The clips this import added are in `code`, and so is the project when it had no default yet.
void setImportedLanguage(store::Project &project, const QSet<qint64> &clipsBefore, const QString &code)
{
    if (language::projectLanguage(project).isEmpty())
        project.settings().setValue(QString::fromLatin1(store::SettingKey::Language), code);
    store::ClipRepository clips = project.clips();
    for (const store::Clip &clip : clips.list())
        if (!clipsBefore.contains(clip.id))
            clips.setLanguage(clip.id, code);
}

// The pickle is read first, whole, with progress: a cancel thrown from the progress stops it.
io::MmsaFeatureFile readPickle(const QString &source, const ProjectImportOptions &options)
{
    return io::readMmsaFeatureFile(source, [&options](qint64 done, qint64 total) {
        throwIfCancelled(options);
        if (options.progress)
            options.progress(QStringLiteral("reading"), done, total);
    });
}

io::ImportReport importRows(store::Project &project, const QString &source, ImportSourceKind kind,
                            const io::MmsaFeatureFile *pickle, const ProjectImportOptions &options)
{
    if (pickle) {
        io::PickleImportOptions pickleOptions;
        pickleOptions.annotator = options.annotator;
        // The importer reports as it writes: a cancel thrown from here rolls its transaction back.
        pickleOptions.progress = [&options](const QString &stage, qint64 done, qint64 total) {
            throwIfCancelled(options);
            if (options.progress)
                options.progress(stage, done, total);
        };
        return io::importMmsaFeatures(project, *pickle, pickleOptions);
    }
    if (options.progress)
        options.progress(QStringLiteral("importing"), 0, 0);
    io::ImportOptions rows;
    rows.annotator = options.annotator;
    rows.skipBad = options.skipBad;
    rows.split = options.split;
    // A transcript's cues are checked against its video's length (issue 18, defect 12).
    rows.mediaSeconds = [](const QString &video) {
        try {
            return media::probeMedia(video).durationSeconds;
        } catch (const Error &) {
            return 0.0;  // an unreadable video is reported when its features are extracted
        }
    };
    return kind == ImportSourceKind::VideoFolder ? io::importVideoFolder(project, source, rows)
                                                 : io::importMmsaDataset(project, source, rows);
}

}  // namespace

ImportSourceKind importSourceKind(const QString &source)
{
    const QFileInfo info(source);
    if (!info.exists())
        throw Error(QStringLiteral("%1: no such file or folder").arg(source));
    if (info.isDir())
        return QFileInfo(QDir(source).filePath(QStringLiteral("label.csv"))).isFile() ? ImportSourceKind::DatasetFolder
                                                                                      : ImportSourceKind::VideoFolder;
    if (info.suffix().compare(QLatin1String("pkl"), Qt::CaseInsensitive) == 0)
        return ImportSourceKind::FeaturePickle;
    if (info.suffix().compare(QLatin1String("csv"), Qt::CaseInsensitive) == 0)
        return ImportSourceKind::LabelCsv;
    throw Error(QStringLiteral("%1: not something SentiLens imports (an MMSA feature pickle .pkl, a label.csv, "
                               "a dataset folder with label.csv, or a folder of videos)")
                    .arg(source));
}

QString importSourceKindName(ImportSourceKind kind)
{
    switch (kind) {
    case ImportSourceKind::FeaturePickle: return QStringLiteral("mmsa-pickle");
    case ImportSourceKind::LabelCsv:
    case ImportSourceKind::DatasetFolder: return QStringLiteral("mmsa");
    case ImportSourceKind::VideoFolder: break;
    }
    return QStringLiteral("video-folder");
}

LabelScale detectLabelCsvScale(const QString &source)
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

QString describeImportProblems(const io::ImportReport &report)
{
    QStringList lines;
    for (const Problem &problem : report.problems.mid(0, 5))
        lines << problem.toString();
    if (report.problems.size() > 5)
        lines << QStringLiteral("… and %1 more").arg(report.problems.size() - 5);
    return QStringLiteral("%1 problem(s) in %2; nothing was imported:\n%3")
        .arg(report.problems.size())
        .arg(report.source, lines.join(QLatin1Char('\n')));
}

void removeCreatedProject(const QString &folder, bool removeFolder)
{
    for (const char *suffix : {"", "-wal", "-shm"})
        QFile::remove(QDir(folder).filePath(QString::fromLatin1(store::Project::kDatabaseFileName) + QLatin1String(suffix)));
    if (removeFolder)
        QDir().rmdir(folder);
}

ProjectImportResult importIntoProject(const QString &projectFolder, const QString &source, const ProjectImportOptions &options)
{
    ProjectImportResult result;
    result.kind = importSourceKind(source);
    const bool folderExisted = QFileInfo::exists(projectFolder);
    std::optional<io::MmsaFeatureFile> pickle;
    if (result.kind == ImportSourceKind::FeaturePickle)
        pickle = readPickle(source, options);
    std::unique_ptr<store::Project> project;
    if (store::Project::existsAt(projectFolder)) {
        project = store::Project::open(projectFolder);
    } else {
        // The scale is read before the project is made: an unreadable label.csv leaves nothing behind.
        std::optional<LabelScale> scale = options.scale;
        if (!scale)
            scale = pickle ? io::detectScale(*pickle)
                    : result.kind == ImportSourceKind::VideoFolder ? LabelScale()
                                                                   : detectLabelCsvScale(source);
        project = store::Project::create(projectFolder, QString(), *scale);
        result.created = true;
    }
    result.projectFolder = project->folder();
    try {
        QSet<qint64> clipsBefore;
        for (const store::Clip &clip : project->clips().list())
            clipsBefore.insert(clip.id);
        // One unit for the rows and their languages, so that a cancel between them leaves nothing.
        store::Savepoint savepoint(project->db());
        result.report = importRows(*project, source, result.kind, pickle ? &*pickle : nullptr, options);
        if (result.report.committed) {  // else problems were found and nothing was written
            throwIfCancelled(options);
            if (!options.language.isEmpty())
                setImportedLanguage(*project, clipsBefore, options.language);
            else
                language::detectClipLanguages(*project);
            throwIfCancelled(options);
            savepoint.commit();
        }
    } catch (...) {
        project.reset();
        if (result.created)
            removeCreatedProject(result.projectFolder, !folderExisted);
        throw;
    }
    if (!result.report.committed && result.created) {  // no project left behind for an import that wrote nothing
        project.reset();
        removeCreatedProject(result.projectFolder, !folderExisted);
    }
    return result;
}

}  // namespace sl::jobs
