// sentilens-cli stats PROJECT: how many clips, in which splits, labelled by whom.
#include "app/cli/cli_support.h"
#include "core/common/error.h"
#include "core/store/project.h"
#include "core/store/project_stats.h"

#include <QJsonArray>
#include <QJsonObject>

namespace sl::cli {

int runStats(const QStringList &args)
{
    Command command(QStringLiteral("stats"), QStringLiteral("Summarise the clips and labels of PROJECT."), args);
    command.parser().addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("Project folder."));
    if (!command.parse(1))
        return command.exitCode();
    try {
        auto project = store::Project::open(command.positional(0));
        const store::ProjectStats stats = store::computeStats(*project);

        QJsonObject splits;
        for (auto it = stats.clipsPerSplit.cbegin(); it != stats.clipsPerSplit.cend(); ++it)
            splits.insert(it.key(), it.value());
        QJsonArray labels;
        for (const store::LabelSummary &s : stats.labels)
            labels.append(QJsonObject{{QStringLiteral("annotator"), s.annotator}, {QStringLiteral("target"), targetName(s.target)},
                                      {QStringLiteral("count"), s.count},         {QStringLiteral("mean"), s.mean},
                                      {QStringLiteral("min"), s.minimum},         {QStringLiteral("max"), s.maximum},
                                      {QStringLiteral("negative"), s.negative},   {QStringLiteral("neutral"), s.neutral},
                                      {QStringLiteral("positive"), s.positive}});
        QJsonObject languages;  // "unknown" for clips whose language nobody gave or could tell
        for (auto it = stats.clipsPerLanguage.cbegin(); it != stats.clipsPerLanguage.cend(); ++it)
            languages.insert(it.key().isEmpty() ? QStringLiteral("unknown") : it.key(), it.value());
        // How far extraction has come, per modality's current feature set: what a cluster run's
        // shards have written so far, seen from any machine.
        QJsonArray features;
        QStringList featureCounts;
        for (const char *modality : {"T", "A", "V"})
            if (const auto set = project->features().currentSet(QString::fromLatin1(modality))) {
                const int extracted = project->features().clipCount(set->id);
                features.append(QJsonObject{{QStringLiteral("modality"), QString::fromLatin1(modality)},
                                            {QStringLiteral("feature_set"), set->name},
                                            {QStringLiteral("clips"), extracted}});
                featureCounts << QStringLiteral("%1 %2/%3 ('%4')").arg(QString::fromLatin1(modality)).arg(extracted).arg(stats.clipCount).arg(set->name);
            }
        command.emitJson({{QStringLiteral("project"), project->folder()},
                          {QStringLiteral("features"), features},
                          {QStringLiteral("name"), stats.name},
                          {QStringLiteral("label_scale"), stats.labelScale},
                          {QStringLiteral("clips"), stats.clipCount},
                          {QStringLiteral("splits"), splits},
                          {QStringLiteral("clips_with_transcript"), stats.clipsWithTranscript},
                          {QStringLiteral("clips_with_low_confidence_transcript"), stats.clipsWithLowConfidenceTranscript},
                          {QStringLiteral("clips_per_language"), languages},
                          {QStringLiteral("clips_with_duration"), stats.clipsWithDuration},
                          {QStringLiteral("total_duration_s"), stats.totalDurationSeconds},
                          {QStringLiteral("clips_without_m_label"), stats.clipsWithoutMultimodalLabel},
                          {QStringLiteral("history_entries"), stats.historyEntries},
                          {QStringLiteral("labels"), labels}});

        command.say(QStringLiteral("Project %1 (%2 scale)").arg(stats.name, stats.labelScale));
        command.say(QStringLiteral("Clips: %1 (train %2, valid %3, test %4), %5 with transcript, %6 s of media known")
                        .arg(stats.clipCount)
                        .arg(stats.clipsPerSplit.value(QStringLiteral("train")))
                        .arg(stats.clipsPerSplit.value(QStringLiteral("valid")))
                        .arg(stats.clipsPerSplit.value(QStringLiteral("test")))
                        .arg(stats.clipsWithTranscript)
                        .arg(stats.totalDurationSeconds, 0, 'f', 1));
        QStringList languageCounts;
        for (auto it = languages.constBegin(); it != languages.constEnd(); ++it)
            languageCounts << QStringLiteral("%1 %2").arg(it.key()).arg(it.value().toInt());
        command.say(QStringLiteral("Languages: %1; low-confidence transcripts: %2")
                        .arg(languageCounts.isEmpty() ? QStringLiteral("none") : languageCounts.join(QStringLiteral(", ")))
                        .arg(stats.clipsWithLowConfidenceTranscript));
        command.say(QStringLiteral("Features extracted: %1").arg(featureCounts.isEmpty() ? QStringLiteral("none") : featureCounts.join(QStringLiteral(", "))));
        command.say(QStringLiteral("Clips without an M label: %1; label changes recorded: %2")
                        .arg(stats.clipsWithoutMultimodalLabel)
                        .arg(stats.historyEntries));
        for (const store::LabelSummary &s : stats.labels)
            command.say(QStringLiteral("  %1 %2: %3 labels, mean %4, range %5..%6, negative/neutral/positive %7/%8/%9")
                            .arg(s.annotator, targetName(s.target))
                            .arg(s.count)
                            .arg(s.mean, 0, 'f', 3)
                            .arg(s.minimum)
                            .arg(s.maximum)
                            .arg(s.negative)
                            .arg(s.neutral)
                            .arg(s.positive));
        return Success;
    } catch (const std::exception &error) {
        return command.fail(error, ProjectError);
    }
}

}  // namespace sl::cli
