// sentilens-cli language PROJECT: the project's default language and each clip's, shown, set or
// identified from the transcripts. A clip given a language that the speech recogniser does not
// know loses its recognised transcript, which was another language's words.
#include "app/cli/cli_support.h"
#include "app/cli/clip_argument.h"
#include "core/language/clip_languages.h"
#include "core/language/language_id.h"
#include "core/language/speech_recognizer.h"
#include "core/store/project.h"
#include "core/store/project_stats.h"
#include "core/store/savepoint.h"

#include <QJsonArray>
#include <QJsonObject>

namespace sl::cli {

namespace {

// "unknown" clears a language; anything else must be a language code.
QString languageArgument(const QString &value)
{
    return value.trimmed() == QLatin1String("unknown") ? QString() : language::normalizeLanguageCode(value);
}

}  // namespace

int runLanguage(const QStringList &args)
{
    Command command(QStringLiteral("language"),
                    QStringLiteral("Show or set the language of PROJECT and of its clips. Speech recognition runs only "
                                   "for clips in the recogniser's language (PocketSphinx: en); the others need a "
                                   "transcript."),
                    args);
    command.parser().addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("Project folder."));
    command.parser().addOption({QStringLiteral("default"), QStringLiteral("Set the project's default language "
                                                                         "(ISO 639 code such as en or zh, or unknown)."),
                                QStringLiteral("CODE")});
    command.parser().addOption({QStringLiteral("set"), QStringLiteral("Set the language of the chosen clips (a code, or "
                                                                     "unknown)."),
                                QStringLiteral("CODE")});
    command.parser().addOption({QStringLiteral("clip"), QStringLiteral("A clip for --set, as video_id/clip_id "
                                                                      "(repeatable)."),
                                QStringLiteral("ID")});
    command.parser().addOption({QStringLiteral("split"), QStringLiteral("All clips of this split for --set."),
                                QStringLiteral("SPLIT")});
    command.parser().addOption({QStringLiteral("all"), QStringLiteral("All clips for --set.")});
    command.parser().addOption({QStringLiteral("detect"), QStringLiteral("Identify the language of clips that have a "
                                                                        "transcript but no language.")});
    if (!command.parse(1))
        return command.exitCode();

    const bool setting = command.parser().isSet(QStringLiteral("set"));
    const QStringList clipArguments = command.parser().values(QStringLiteral("clip"));
    const QString split = command.parser().value(QStringLiteral("split"));
    const bool all = command.parser().isSet(QStringLiteral("all"));
    const int selections = int(!clipArguments.isEmpty()) + int(!split.isEmpty()) + int(all);
    if (setting && selections != 1)
        return command.fail(UsageError, QStringLiteral("--set needs exactly one of --clip, --split and --all"));
    if (!setting && selections != 0)
        return command.fail(UsageError, QStringLiteral("--clip, --split and --all choose clips for --set"));
    if (!split.isEmpty() && !store::isValidSplit(split))
        return command.fail(UsageError, QStringLiteral("unknown split '%1' (expected train, valid or test)").arg(split));
    QString newDefault, newLanguage;
    try {
        if (command.parser().isSet(QStringLiteral("default")))
            newDefault = languageArgument(command.parser().value(QStringLiteral("default")));
        if (setting)
            newLanguage = languageArgument(command.parser().value(QStringLiteral("set")));
    } catch (const std::exception &error) {
        return command.fail(error, UsageError);
    }

    const std::unique_ptr<store::Project> project = command.openProject();
    if (!project)
        return command.exitCode();
    QList<qint64> chosen;
    for (const QString &text : clipArguments) {
        const std::optional<ClipKey> key = parseClipKey(text);
        if (!key)
            return command.fail(UsageError, QStringLiteral("--clip needs video_id/clip_id, not '%1'").arg(text));
        try {
            chosen << clipIdOf(*project, *key);
        } catch (const std::exception &error) {
            return command.fail(error, InputProblems);  // no such clip, named with the project
        }
    }
    try {
        if (!split.isEmpty() || all)
            for (const store::Clip &clip : project->clips().list(split))
                chosen << clip.id;

        store::Savepoint savepoint(project->db());
        if (command.parser().isSet(QStringLiteral("default")))
            project->settings().setValue(QString::fromLatin1(store::SettingKey::Language), newDefault);
        const int cleared = setting ? language::setClipLanguages(*project, chosen, newLanguage) : 0;
        const int detected = command.parser().isSet(QStringLiteral("detect")) ? language::detectClipLanguages(*project) : 0;
        savepoint.commit();

        const store::ProjectStats stats = store::computeStats(*project);
        const QString projectDefault = language::projectLanguage(*project);
        QJsonObject perLanguage;
        for (auto it = stats.clipsPerLanguage.cbegin(); it != stats.clipsPerLanguage.cend(); ++it)
            perLanguage.insert(it.key().isEmpty() ? QStringLiteral("unknown") : it.key(), it.value());
        command.emitJson({{QStringLiteral("project"), project->folder()},
                          {QStringLiteral("default"), projectDefault.isEmpty() ? QJsonValue() : QJsonValue(projectDefault)},
                          {QStringLiteral("clips_per_language"), perLanguage},
                          {QStringLiteral("clips_set"), int(chosen.size())},
                          {QStringLiteral("recognised_transcripts_cleared"), cleared},
                          {QStringLiteral("clips_detected"), detected},
                          {QStringLiteral("language_model"), language::languageModelAvailable()}});
        if (setting)
            command.say(QStringLiteral("Set %1 clip(s) to %2").arg(chosen.size()).arg(newLanguage.isEmpty() ? QStringLiteral("unknown") : newLanguage));
        if (cleared > 0)
            command.say(QStringLiteral("Cleared %1 recognised transcript(s) in another language; add transcripts "
                                       "(.srt, .vtt, .txt) for them").arg(cleared));
        if (command.parser().isSet(QStringLiteral("detect")))
            command.say(QStringLiteral("Identified the language of %1 clip(s) from their transcripts%2")
                            .arg(detected)
                            .arg(language::languageModelAvailable() ? QString() : QStringLiteral(" (by script only: no fastText model)")));
        command.say(QStringLiteral("Project default: %1").arg(projectDefault.isEmpty() ? QStringLiteral("unknown") : projectDefault));
        QStringList counts;
        for (auto it = perLanguage.constBegin(); it != perLanguage.constEnd(); ++it)
            counts << QStringLiteral("%1 %2").arg(it.key()).arg(it.value().toInt());
        command.say(QStringLiteral("Clips per language: %1").arg(counts.isEmpty() ? QStringLiteral("none") : counts.join(QStringLiteral(", "))));
        return Success;
    } catch (const std::exception &error) {
        return command.fail(error, ProjectError);
    }
}

}  // namespace sl::cli
