#include "core/io/folder_importer.h"

#include "core/io/dataset_importer.h"
#include "core/io/label_csv_checks.h"
#include "core/io/transcript.h"
#include "core/store/project.h"
#include "core/store/savepoint.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QHash>

namespace sl::io {

namespace {

struct FoundClip {
    store::Clip clip;
    QString videoFile;
    QList<store::TranscriptCueRecord> cues;
};

// Links the folder walk does not follow, each a problem rather than a silent gap: dangling links
// (their target is gone) and links to a folder that contains them (a loop).
QList<Problem> unfollowedLinks(const QDir &root)
{
    QList<Problem> problems;
    const QString rootPath = root.canonicalPath();
    QDirIterator it(root.absolutePath(), QDir::AllEntries | QDir::System | QDir::Hidden | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QFileInfo info(it.next());
        if (!info.isSymLink())
            continue;
        if (!info.exists()) {
            problems << Problem{info.absoluteFilePath(), 0,
                                QStringLiteral("is a dangling link (its target %1 does not exist)").arg(info.symLinkTarget())};
            continue;
        }
        const QString target = info.canonicalFilePath();
        const QString linkFolder = QFileInfo(info.absolutePath()).canonicalFilePath();
        if (info.isDir() && (linkFolder == target || linkFolder.startsWith(target + QLatin1Char('/')) ||
                             rootPath.startsWith(target + QLatin1Char('/')) || rootPath == target))
            problems << Problem{info.absoluteFilePath(), 0,
                                QStringLiteral("is a link to a folder that contains it (a loop); it is not followed")};
    }
    return problems;
}

// The ids become names in the project and, on export, file paths: the same rules as for an MMSA
// label.csv (no separators, control characters such as a newline, '..', drive letters).
QString checkIds(const store::Clip &clip)
{
    for (const QString &part : clip.videoId.split(QLatin1Char('/'))) {
        const QString problem = checkDatasetId(part);
        if (!problem.isEmpty())
            return QStringLiteral("the folder name '%1' %2").arg(part, problem);
    }
    const QString problem = checkDatasetId(clip.clipId);
    return problem.isEmpty() ? QString() : QStringLiteral("the file name '%1' %2").arg(clip.clipId, problem);
}

QString transcriptBeside(const QFileInfo &video)
{
    for (const char *ext : {"srt", "vtt", "txt"}) {
        const QString candidate = video.dir().filePath(video.completeBaseName() + QLatin1Char('.') + QLatin1String(ext));
        if (QFileInfo(candidate).isFile())
            return candidate;
    }
    return {};
}

}  // namespace

ImportReport importVideoFolder(store::Project &project, const QString &folder, const ImportOptions &options)
{
    const QDir root(folder);
    if (!QFileInfo(folder).isDir())
        throw Error(QStringLiteral("%1: not a folder").arg(folder));
    if (!store::isValidSplit(options.split))
        throw Error(QStringLiteral("unknown split '%1' (expected train, valid or test)").arg(options.split));

    QStringList nameFilters;
    for (const QString &ext : videoExtensions())
        nameFilters << QStringLiteral("*.") + ext << QStringLiteral("*.") + ext.toUpper();
    QStringList videoFiles;
    QDirIterator it(root.absolutePath(), nameFilters, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        videoFiles << it.next();
    videoFiles.sort();

    ImportReport report;
    report.source = root.absolutePath();
    report.problems << unfollowedLinks(root);
    if (videoFiles.isEmpty())
        report.problems << Problem{root.absolutePath(), 0,
                                   QStringLiteral("no video files (%1) found").arg(videoExtensions().join(QStringLiteral(", ")))};

    store::ClipRepository clips = project.clips();
    QHash<QString, QString> seen;  // clip key -> video file
    QList<FoundClip> found;
    for (const QString &path : videoFiles) {
        const QFileInfo info(path);
        const QString relativeDir = root.relativeFilePath(info.absolutePath());
        FoundClip item;
        item.videoFile = path;
        item.clip.videoId = relativeDir == QLatin1String(".") ? root.dirName() : relativeDir;
        item.clip.clipId = info.completeBaseName();
        item.clip.split = options.split;
        item.clip.transcriptSource = QStringLiteral("none");
        const QString key = item.clip.key();
        QStringList messages;
        if (const QString idProblem = checkIds(item.clip); !idProblem.isEmpty())
            messages << idProblem;
        if (seen.contains(key))
            messages << QStringLiteral("has the same ids (%1) as %2").arg(key, seen.value(key));
        else if (clips.findByKey(item.clip.videoId, item.clip.clipId))
            messages << QStringLiteral("clip %1 is already in the project").arg(key);
        seen.insert(key, path);
        const QString transcriptFile = transcriptBeside(info);
        if (!transcriptFile.isEmpty()) {
            try {
                Transcript transcript = readTranscriptFile(transcriptFile);
                if (options.mediaSeconds)
                    fitCuesToClip(transcript, options.mediaSeconds(path), transcriptFile);
                item.clip.transcript = transcript.text;
                item.clip.transcriptSource = transcript.format;
                for (const TranscriptCue &cue : transcript.cues)
                    item.cues << store::TranscriptCueRecord{cue.startSeconds, cue.endSeconds, cue.text};
            } catch (const Error &error) {
                // The reader's message already names the transcript file and line.
                report.problems << Problem{path, 0, QStringLiteral("transcript unusable: %1").arg(error.message())};
                report.skipped << path;
                continue;
            }
        }
        if (!messages.isEmpty()) {
            for (const QString &message : messages)
                report.problems << Problem{path, 0, message};
            report.skipped << path;
            continue;
        }
        found << item;
    }
    if (!report.problems.isEmpty() && !options.skipBad)
        return report;

    store::Savepoint savepoint(project.db());
    for (FoundClip &item : found) {
        item.clip.mediaPath = project.storedPath(item.videoFile);
        const qint64 id = clips.add(item.clip);
        if (!item.cues.isEmpty())
            clips.setCues(id, item.cues);
        ++report.clipsImported;
    }
    savepoint.commit();
    report.committed = true;
    return report;
}

}  // namespace sl::io
