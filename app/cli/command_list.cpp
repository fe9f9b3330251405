// sentilens-cli list PROJECT: the clips with their split, duration, transcript and labels.
#include "app/cli/cli_support.h"
#include "core/common/error.h"
#include "core/common/number_format.h"
#include "core/store/project.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>

namespace sl::cli {

int runList(const QStringList &args)
{
    Command command(QStringLiteral("list"), QStringLiteral("List the clips of PROJECT with their labels."), args);
    command.parser().addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("Project folder."));
    command.parser().addOption({QStringLiteral("split"), QStringLiteral("Only clips of this split (train, valid, test)."), QStringLiteral("SPLIT")});
    command.parser().addOption({QStringLiteral("annotator"),
                                QStringLiteral("Whose labels to show (default: every annotator)."), QStringLiteral("NAME")});
    if (!command.parse(1))
        return command.exitCode();
    const QString split = command.parser().value(QStringLiteral("split"));
    if (!split.isEmpty() && !store::isValidSplit(split))
        return command.fail(UsageError, QStringLiteral("unknown split '%1' (expected train, valid or test)").arg(split));
    try {
        auto project = store::Project::open(command.positional(0));
        QHash<qint64, QString> annotatorNames;
        for (const store::Annotator &annotator : project->annotators().list())
            annotatorNames.insert(annotator.id, annotator.name);
        const QString only = command.parser().value(QStringLiteral("annotator"));
        if (!only.isEmpty() && !project->annotators().find(only))
            return command.fail(InputProblems, QStringLiteral("%1: no annotator named '%2'").arg(project->databasePath(), only));

        QJsonArray rows;
        store::LabelRepository labels = project->labels();
        for (const store::Clip &clip : project->clips().list(split)) {
            QJsonObject labelObject;
            QStringList labelText;
            for (const store::Label &label : labels.forClip(clip.id)) {
                const QString annotator = annotatorNames.value(label.annotatorId);
                if (!only.isEmpty() && annotator != only)
                    continue;
                QJsonObject byTarget = labelObject.value(annotator).toObject();
                byTarget.insert(targetName(label.target), label.value);
                labelObject.insert(annotator, byTarget);
                labelText << QStringLiteral("%1:%2=%3").arg(annotator, targetName(label.target), formatLabelValue(label.value));
            }
            rows.append(QJsonObject{{QStringLiteral("video_id"), clip.videoId},
                                    {QStringLiteral("clip_id"), clip.clipId},
                                    {QStringLiteral("split"), clip.split},
                                    {QStringLiteral("media"), clip.mediaPath},
                                    {QStringLiteral("duration_s"), clip.durationSeconds ? QJsonValue(*clip.durationSeconds) : QJsonValue()},
                                    {QStringLiteral("transcript"), clip.transcript},
                                    {QStringLiteral("transcript_source"), clip.transcriptSource},
                                    {QStringLiteral("language"), clip.language.isEmpty() ? QJsonValue() : QJsonValue(clip.language)},
                                    {QStringLiteral("transcript_confidence"),
                                     clip.transcriptConfidence ? QJsonValue(*clip.transcriptConfidence) : QJsonValue()},
                                    {QStringLiteral("low_confidence"), clip.lowConfidence},
                                    {QStringLiteral("labels"), labelObject}});
            const QString duration = clip.durationSeconds ? QString::number(*clip.durationSeconds, 'f', 2) + QLatin1Char('s')
                                                          : QStringLiteral("?");
            QString words = clip.transcript;
            if (words.size() > 48)
                words = words.left(45) + QStringLiteral("...");
            // The language, and a "?" after the transcript that the recogniser was unsure of.
            command.say(QStringLiteral("%1  %2  %3  %4  %5  \"%6\"%7")
                            .arg(clip.key(), -20)
                            .arg(clip.split, -5)
                            .arg(duration, 6)
                            .arg(clip.language.isEmpty() ? QStringLiteral("--") : clip.language, -3)
                            .arg(labelText.join(QLatin1Char(' ')), words,
                                 clip.lowConfidence ? QStringLiteral(" (low confidence)") : QString()));
        }
        int doubtful = 0;
        for (const QJsonValue &row : rows)
            doubtful += row.toObject().value(QStringLiteral("low_confidence")).toBool() ? 1 : 0;
        command.say(QStringLiteral("%1 clip(s), %2 with a low-confidence transcript").arg(rows.size()).arg(doubtful));
        command.emitJson({{QStringLiteral("project"), project->folder()}, {QStringLiteral("clips"), rows}});
        return Success;
    } catch (const std::exception &error) {
        return command.fail(error, ProjectError);
    }
}

}  // namespace sl::cli
