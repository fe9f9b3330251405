#include "core/language/clip_languages.h"

#include "core/language/language_id.h"
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
