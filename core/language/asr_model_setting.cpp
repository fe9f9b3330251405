#include "core/language/asr_model_setting.h"

#include "core/language/recognizer_choice.h"
#include "core/store/project.h"

#include <QFileInfo>

namespace sl::language {

namespace {

constexpr auto kModelKey = "asr.model";

}  // namespace

QString projectAsrModel(const store::Project &project)
{
    const QString stored = project.settings().value(QLatin1String(kModelKey), QString());
    return stored.isEmpty() ? QString() : project.absolutePath(stored);
}

void setAsrModel(store::Project &project, const QString &file)
{
    const QString absolute = QFileInfo(file).absoluteFilePath();
    RecognizerChoice::whisper(absolute);  // throws for a file that is not a usable model
    const QString relative = project.storedPath(absolute);
    project.settings().setValue(QLatin1String(kModelKey), relative.startsWith(QLatin1String("..")) ? absolute : relative);
}

void clearAsrModel(store::Project &project)
{
    project.settings().setValue(QLatin1String(kModelKey), QString());
}

QString asrModelChoice(const QString &projectPath) { return projectAsrModel(*store::Project::open(projectPath)); }

void chooseAsrModel(const QString &projectPath, const QString &file)
{
    const std::unique_ptr<store::Project> project = store::Project::open(projectPath);
    if (file.isEmpty())
        clearAsrModel(*project);
    else
        setAsrModel(*project, file);
}

}  // namespace sl::language
