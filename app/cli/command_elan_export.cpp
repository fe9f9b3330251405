// sentilens-cli elan-export PROJECT --out F.eaf --clip ID | --out DIR: clips as ELAN documents,
// transcript cues and every annotator's M/T/A/V labels as tiers.
#include "app/cli/cli_support.h"
#include "app/cli/clip_argument.h"
#include "core/common/error.h"
#include "core/elan/clip_eaf.h"
#include "core/elan/eaf_writer.h"
#include "core/store/project.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

namespace sl::cli {

namespace {

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size() || !file.flush())
        throw Error(QStringLiteral("%1: cannot write the ELAN file: %2").arg(path, file.errorString()));
}

}  // namespace

int runElanExport(const QStringList &args)
{
    Command command(QStringLiteral("elan-export"),
                    QStringLiteral("Write clips of PROJECT as ELAN .eaf files (EAF 3.0): a 'transcript' tier from the "
                                   "clip's cues and one tier per target and annotator, e.g. 'M (bob)', holding the label "
                                   "over the whole clip. With --clip, --out is the file; without, --out is a folder that "
                                   "gets VIDEO_CLIP.eaf for every clip."),
                    args);
    command.parser().addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("Project folder."));
    command.parser().addOption({QStringLiteral("clip"), QStringLiteral("Only this clip, as video_id/clip_id."), QStringLiteral("ID")});
    command.parser().addOption({QStringLiteral("out"), QStringLiteral("The .eaf file (with --clip) or a folder."), QStringLiteral("PATH")});
    command.parser().addOption({QStringLiteral("annotators"), QStringLiteral("Only these annotators' labels, comma-separated "
                                                                            "(default: all)."),
                                QStringLiteral("A,B")});
    if (!command.parse(1))
        return command.exitCode();
    const QString out = command.parser().value(QStringLiteral("out"));
    if (out.isEmpty())
        return command.fail(UsageError, QStringLiteral("--out is required"));
    std::optional<ClipKey> key;
    if (command.parser().isSet(QStringLiteral("clip"))) {
        key = parseClipKey(command.parser().value(QStringLiteral("clip")));
        if (!key)
            return command.fail(UsageError, QStringLiteral("--clip needs video_id/clip_id, not '%1'")
                                                .arg(command.parser().value(QStringLiteral("clip"))));
    }
    QStringList annotators;
    for (const QString &name : command.parser().value(QStringLiteral("annotators")).split(QLatin1Char(',')))
        if (!name.trimmed().isEmpty())
            annotators << name.trimmed();

    const std::unique_ptr<store::Project> project = command.openProject();
    if (!project)
        return command.exitCode();
    QJsonArray written;
    try {
        QList<std::pair<qint64, QString>> jobs;  // clip id, .eaf path
        if (key) {
            jobs.append({clipIdOf(*project, *key), out});
        } else {
            if (!QDir().mkpath(out))
                throw Error(QStringLiteral("%1: cannot create the folder").arg(out));
            for (const store::Clip &clip : project->clips().list())
                jobs.append({clip.id, QDir(out).filePath(QStringLiteral("%1_%2.eaf").arg(clip.videoId, clip.clipId))});
        }
        for (const auto &[clipId, path] : jobs) {
            const elan::EafDocument document =
                elan::clipDocument(*project, clipId, annotators, QFileInfo(path).absolutePath());
            writeFile(path, elan::writeEaf(document));
            written.append(QJsonObject{{QStringLiteral("clip_id"), clipId},
                                       {QStringLiteral("file"), path},
                                       {QStringLiteral("tiers"), int(document.tiers.size())}});
        }
    } catch (const Error &error) {
        return command.fail(InputProblems, error.message());
    }
    command.emitJson({{QStringLiteral("project"), project->folder()}, {QStringLiteral("files"), written}});
    command.say(QStringLiteral("Wrote %1 ELAN file(s)%2").arg(written.size()).arg(key ? QStringLiteral(" to ") + out : QStringLiteral(" into ") + out));
    return Success;
}

}  // namespace sl::cli
