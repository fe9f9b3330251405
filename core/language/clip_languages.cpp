#include "core/language/clip_languages.h"

#include "core/common/error.h"
#include "core/language/language_id.h"
#include "core/language/speech_recognizer.h"
#include "core/store/project.h"
#include "core/store/savepoint.h"

namespace sl::language {

QString projectLanguage(const store::Project &project)
{
    return project.settings().value(QString::fromLatin1(store::SettingKey::Language), QString());
}

QString expectedLanguage(const store::Clip &clip, const QString &projectDefault)
{
    return clip.language.isEmpty() ? projectDefault : clip.language;
}

int setClipLanguages(store::Project &project, const QList<qint64> &clipIds, const QString &language)
{
    store::Savepoint savepoint(project.db());
    store::ClipRepository clips = project.clips();
    const QString pocketSphinxLanguage = RecognizerModel::defaultEnglish().language;
    int cleared = 0;
    for (const qint64 id : clipIds) {
        // The language recognised words are in: the clip's, which Whisper sets to what it heard,
        // else PocketSphinx's English.
        const std::optional<store::Clip> before = clips.find(id);
        if (!before)
            throw Error(QStringLiteral("%1: no clip with id %2").arg(project.databasePath()).arg(id));
        const QString wordsLanguage = before->language.isEmpty() ? pocketSphinxLanguage : before->language;
        clips.setLanguage(id, language);
        if (before->transcriptSource == QLatin1String("asr") && !language.isEmpty() && language != wordsLanguage) {
            clips.setTranscript(id, QString(), QStringLiteral("none"));
            clips.setCues(id, {});
            ++cleared;
        }
    }
    savepoint.commit();
    return cleared;
}

int detectClipLanguages(store::Project &project)
{
    store::Savepoint savepoint(project.db());
    store::ClipRepository clips = project.clips();
    int detected = 0;
    for (const store::Clip &clip : clips.list()) {
        if (!clip.language.isEmpty() || clip.transcript.trimmed().isEmpty())
            continue;
        const LanguageGuess guess = identifyLanguage(clip.transcript);
        if (guess.code.isEmpty())
            continue;
        clips.setLanguage(clip.id, guess.code);
        ++detected;
    }
    savepoint.commit();
    return detected;
}

}  // namespace sl::language
