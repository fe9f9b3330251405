#include "core/demo/demo_project.h"

#include "core/common/error.h"
#include "core/demo/demo_generator.h"
#include "core/io/dataset_importer.h"
#include "core/io/label_csv.h"
#include "core/store/project.h"
#include "core/store/savepoint.h"

#include <QDir>
#include <QFile>

namespace sl::demo {

namespace {

const QString kSeedKey = QStringLiteral("demo_seed");
const QString kClipsKey = QStringLiteral("demo_clip_count");

io::LabelCsvRow rowFor(const DemoClip &clip)
{
    io::LabelCsvRow row;
    row.videoId = clip.videoId;
    row.clipId = clip.clipId;
    row.text = clip.text;
    row.label = clip.labelM;
    row.labelT = clip.labelT;
    row.labelA = clip.labelA;
    row.labelV = clip.labelV;
    row.annotation = clip.labelM > 0 ? QStringLiteral("Positive")
                                     : (clip.labelM < 0 ? QStringLiteral("Negative") : QStringLiteral("Neutral"));
    row.mode = clip.split;
    return row;
}

bool isSameDemo(const store::Project &project, const DemoOptions &options)
{
    const store::SettingsRepository settings = project.settings();
    return settings.value(kSeedKey) == QString::number(options.seed) &&
           settings.value(kClipsKey) == QString::number(options.clipCount) &&
           project.clips().count() == options.clipCount;
}

void removeProject(const QString &projectFolder)
{
    const QDir folder(projectFolder);
    for (const char *suffix : {"", "-wal", "-shm"})
        QFile::remove(folder.filePath(QString::fromLatin1(store::Project::kDatabaseFileName) + QLatin1String(suffix)));
    QDir(folder.filePath(demoDatasetFolder())).removeRecursively();
}

}  // namespace

QString demoDatasetFolder() { return QStringLiteral("media/demo"); }

DemoProjectResult buildDemoProject(const QString &projectFolder, const DemoOptions &options, bool rebuild,
                                   const std::function<void(int, int)> &progress)
{
    DemoProjectResult result;
    if (store::Project::existsAt(projectFolder)) {
        auto existing = store::Project::open(projectFolder);
        if (!existing->settings().value(kSeedKey))
            throw Error(QStringLiteral("%1: holds a project that is not a demo project; choose another folder")
                            .arg(existing->databasePath()));
        if (!rebuild && isSameDemo(*existing, options)) {
            result.reused = true;
            result.clipCount = existing->clips().count();
            result.project = std::move(existing);
            return result;
        }
        existing.reset();
        removeProject(projectFolder);
    }

    DemoOptions generation = options;
    generation.outputDir = QDir(projectFolder).filePath(demoDatasetFolder());
    const DemoResult generated = generateDemoDataset(generation, progress);

    QList<io::LabelCsvRow> rows;
    for (const DemoClip &clip : generated.clips) {
        rows << rowFor(clip);
        result.conflictingCount += clip.conflicting ? 1 : 0;
    }
    const QString labelCsv = QDir(generation.outputDir).filePath(QStringLiteral("label.csv"));
    io::writeLabelCsv(labelCsv, io::mmsaLabelCsvHeader(), rows);

    auto project = store::Project::create(projectFolder, QStringLiteral("SentiLens demo"), LabelScale(LabelScale::Kind::Mosi));
    io::ImportOptions importOptions;
    const io::ImportReport report = io::importMmsaDataset(*project, labelCsv, importOptions);
    if (!report.committed)
        throw Error(QStringLiteral("%1: the generated demo dataset did not import: %2")
                        .arg(labelCsv, toStrings(report.problems).join(QStringLiteral("; "))));
    {
        store::Savepoint savepoint(project->db());
        store::ClipRepository clips = project->clips();
        for (const DemoClip &clip : generated.clips)
            if (const auto stored = clips.findByKey(clip.videoId, clip.clipId))
                clips.setDuration(stored->id, clip.durationSeconds);
        project->settings().setValue(kSeedKey, QString::number(options.seed));
        project->settings().setValue(kClipsKey, QString::number(options.clipCount));
        savepoint.commit();
    }
    result.clipCount = report.clipsImported;
    result.generationSeconds = generated.elapsedSeconds;
    result.project = std::move(project);
    return result;
}

}  // namespace sl::demo
