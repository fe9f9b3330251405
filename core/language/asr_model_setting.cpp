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

}  // namespace sl::language
