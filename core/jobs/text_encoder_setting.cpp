#include "core/jobs/text_encoder_setting.h"

#include "core/language/torchscript_encoder.h"
#include "core/store/project.h"

#include <QFileInfo>

namespace sl::jobs {

namespace {

constexpr auto kModelKey = "text_encoder.model";
constexpr auto kVocabKey = "text_encoder.vocab";
constexpr auto kCasedKey = "text_encoder.cased";

language::EncoderChoice load(const store::Project &project, const TextEncoderSetting &setting)
{
    language::TorchScriptEncoderOptions options;
    options.lowerCase = !setting.cased;
    return language::torchScriptEncoder(project.absolutePath(setting.modelFile),
                                        project.absolutePath(setting.vocabFile), options);
}

// Files inside the project folder are kept relative, so the project can move; others absolute.
QString pathToStore(const store::Project &project, const QString &file)
{
    const QString absolute = QFileInfo(file).absoluteFilePath();
    const QString relative = project.storedPath(absolute);
    return relative.startsWith(QLatin1String("..")) ? absolute : relative;
}

}  // namespace

std::optional<TextEncoderSetting> textEncoderSetting(const store::Project &project)
{
    const store::SettingsRepository settings = project.settings();
    TextEncoderSetting setting;
    setting.modelFile = settings.value(QLatin1String(kModelKey), QString());
    if (setting.modelFile.isEmpty())
        return std::nullopt;
    setting.vocabFile = settings.value(QLatin1String(kVocabKey), QString());
    setting.cased = settings.value(QLatin1String(kCasedKey), QString()) == QLatin1String("1");
    return setting;
}

void setTextEncoder(store::Project &project, const TextEncoderSetting &setting)
{
    TextEncoderSetting stored = setting;
    stored.modelFile = pathToStore(project, setting.modelFile);
    stored.vocabFile = pathToStore(project, setting.vocabFile);
    load(project, stored);  // throws for files that do not make an encoder
    store::SettingsRepository settings = project.settings();
    settings.setValue(QLatin1String(kModelKey), stored.modelFile);
    settings.setValue(QLatin1String(kVocabKey), stored.vocabFile);
    settings.setValue(QLatin1String(kCasedKey), setting.cased ? QStringLiteral("1") : QStringLiteral("0"));
}

void clearTextEncoder(store::Project &project)
{
    // An empty model file means "none"; the keys stay so the history of the setting is visible.
    project.settings().setValue(QLatin1String(kModelKey), QString());
}

language::EncoderChoice projectTextEncoder(const store::Project &project)
{
    const std::optional<TextEncoderSetting> setting = textEncoderSetting(project);
    return setting ? load(project, *setting) : language::EncoderChoice{};
}

std::optional<TextEncoderSetting> textEncoderChoice(const QString &projectPath)
{
    const std::unique_ptr<store::Project> project = store::Project::open(projectPath);
    std::optional<TextEncoderSetting> setting = textEncoderSetting(*project);
    if (setting) {
        setting->modelFile = project->absolutePath(setting->modelFile);
        setting->vocabFile = project->absolutePath(setting->vocabFile);
    }
    return setting;
}

void chooseTextEncoder(const QString &projectPath, const std::optional<TextEncoderSetting> &setting)
{
    const std::unique_ptr<store::Project> project = store::Project::open(projectPath);
    if (setting)
        setTextEncoder(*project, *setting);
    else
        clearTextEncoder(*project);
}

}  // namespace sl::jobs
