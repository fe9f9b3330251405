#pragma once
// Projects and clips for the speech recognition tests: a project with a default language (or none)
// and clips whose media is a given file, with their own language (or none).
#include "core/common/label_scale.h"
#include "core/store/project.h"

#include <QDir>
#include <memory>

namespace sl::test {

inline std::unique_ptr<store::Project> languageProject(const QString &folder, const QString &language)
{
    auto project = store::Project::create(folder, QDir(folder).dirName(), LabelScale(LabelScale::Kind::Sims));
    if (!language.isEmpty())
        project->settings().setValue(QString::fromLatin1(store::SettingKey::Language), language);
    return project;
}

inline qint64 addLanguageClip(store::Project &project, const QString &clipId, const QString &media, const QString &language)
{
    store::Clip clip;
    clip.videoId = QStringLiteral("v");
    clip.clipId = clipId;
    clip.mediaPath = project.storedPath(media);
    clip.split = QStringLiteral("test");
    clip.language = language;
    return project.clips().add(clip);
}

}  // namespace sl::test
