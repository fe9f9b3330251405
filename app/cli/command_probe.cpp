// sentilens-cli probe PROJECT: what every clip's media holds (duration, streams, frame rate,
// sample rate, codecs); fills in durations the project does not know yet.
#include "app/cli/cli_support.h"
#include "core/common/error.h"
#include "core/media/media_info.h"
#include "core/store/project.h"

#include <QJsonArray>
#include <QJsonObject>

namespace sl::cli {

int runProbe(const QStringList &args)
{
    Command command(QStringLiteral("probe"),
                    QStringLiteral("Report duration, streams, frame rate, sample rate and codecs of every clip of PROJECT, "
                                   "and store the durations the project does not have yet. Unreadable clips are listed "
                                   "with the reason; the others go on."),
                    args);
    command.parser().addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("Project folder."));
    if (!command.parse(1))
        return command.exitCode();
    std::unique_ptr<store::Project> project = command.openProject();
    if (!project)
        return command.exitCode();
    QJsonArray rows;
    int failed = 0;
    store::ClipRepository clips = project->clips();
    for (const store::Clip &clip : clips.list()) {
        QJsonObject row{{QStringLiteral("video_id"), clip.videoId}, {QStringLiteral("clip_id"), clip.clipId}};
        try {
            const media::MediaInfo info = media::probeMedia(project->absolutePath(clip.mediaPath));
            row.insert(QStringLiteral("duration_s"), info.durationSeconds);
            row.insert(QStringLiteral("video"), info.hasVideo ? QJsonValue(QJsonObject{
                {QStringLiteral("codec"), info.videoCodec}, {QStringLiteral("fps"), info.frameRate},
                {QStringLiteral("width"), info.width}, {QStringLiteral("height"), info.height},
                {QStringLiteral("decodable"), info.videoDecodable}}) : QJsonValue());
            row.insert(QStringLiteral("audio"), info.hasAudio ? QJsonValue(QJsonObject{
                {QStringLiteral("codec"), info.audioCodec}, {QStringLiteral("sample_rate"), info.sampleRate},
                {QStringLiteral("channels"), info.channels}, {QStringLiteral("decodable"), info.audioDecodable}}) : QJsonValue());
            if (!clip.durationSeconds)
                clips.setDuration(clip.id, info.durationSeconds);
            command.say(QStringLiteral("%1  %2 s  video %3  audio %4")
                            .arg(clip.key(), -24)
                            .arg(info.durationSeconds, 6, 'f', 2)
                            .arg(info.hasVideo ? QStringLiteral("%1 %2x%3 %4 fps").arg(info.videoCodec).arg(info.width).arg(info.height).arg(info.frameRate, 0, 'f', 2)
                                               : QStringLiteral("none"))
                            .arg(info.hasAudio ? QStringLiteral("%1 %2 Hz %3 ch").arg(info.audioCodec).arg(info.sampleRate).arg(info.channels)
                                               : QStringLiteral("none")));
        } catch (const Error &error) {
            ++failed;
            row.insert(QStringLiteral("error"), error.message());
            err() << error.message() << '\n';
        }
        rows.append(row);
    }
    err().flush();
    command.say(QStringLiteral("%1 clip(s), %2 unreadable").arg(rows.size()).arg(failed));
    command.emitJson({{QStringLiteral("clips"), rows}, {QStringLiteral("unreadable"), failed}});
    return failed > 0 ? InputProblems : Success;
}

}  // namespace sl::cli
