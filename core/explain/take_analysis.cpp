// LibTorch (through project_training.h) before any Qt header.
#include "core/training/project_training.h"
#include "core/training/project_data.h"
#include "core/training/project_explanations.h"

#include "core/explain/take_analysis.h"

#include "core/common/error.h"
#include "core/jobs/extraction_job.h"
#include "core/jobs/extraction_plan.h"
#include "core/jobs/text_encoder_setting.h"
#include "core/media/media_info.h"
#include "core/store/project.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

namespace sl::explain {

namespace {

const QString kTakesVideo = QStringLiteral("takes");

// The settings the project's newest features were made with, so that the take's features fit the
// model trained on them.
jobs::ExtractionPlan planLike(const training::ProjectFeatures &features)
{
    jobs::ExtractionPlan plan;
    const auto params = [](const std::optional<store::FeatureSet> &set) {
        return set ? QJsonDocument::fromJson(set->paramsJson.toUtf8()).object() : QJsonObject();
    };
    const QJsonObject acoustic = params(features.sets[ml::index(ml::Modality::Audio)]);
    const QJsonObject visual = params(features.sets[ml::index(ml::Modality::Visual)]);
    plan.acoustic = features.sets[ml::index(ml::Modality::Audio)].has_value();
    plan.visual = features.sets[ml::index(ml::Modality::Visual)].has_value();
    plan.text = features.sets[ml::index(ml::Modality::Text)].has_value();
    plan.acousticPreset = acoustic.value(QStringLiteral("preset")).toString(plan.acousticPreset);
    plan.videoFps = visual.value(QStringLiteral("analysis_fps")).toDouble(plan.videoFps);
    return plan;
}

void copyTextEncoder(const store::Project &from, store::Project &to)
{
    const auto setting = jobs::textEncoderSetting(from);
    if (!setting)
        return;
    jobs::TextEncoderSetting absolute = *setting;
    absolute.modelFile = from.absolutePath(setting->modelFile);
    absolute.vocabFile = from.absolutePath(setting->vocabFile);
    jobs::setTextEncoder(to, absolute);
}

TakeAnalysis analyse(const QString &projectPath, const QString &takeFile, const QString &workFolder)
{
    TakeAnalysis analysis;
    analysis.takeFile = QFileInfo(takeFile).absoluteFilePath();
    if (!QFileInfo(takeFile).isFile())
        throw Error(QStringLiteral("%1: the take's recording is missing").arg(takeFile));
    analysis.durationSeconds = media::probeMedia(takeFile).durationSeconds;

    auto project = store::Project::open(projectPath);
    const qint64 activeId = project->models().activeModelId();
    const auto model = project->models().find(activeId);
    if (!model)
        throw Error(QStringLiteral("%1: the project has no model yet to analyse a take with; train one first")
                        .arg(project->databasePath()));
    const training::ProjectFeatures features = training::projectFeatures(*project);

    // A fresh scratch project holding the take only.
    const QString scratchFolder = QDir(workFolder).filePath(QStringLiteral("take-analysis"));
    QDir(scratchFolder).removeRecursively();
    auto scratch = store::Project::create(scratchFolder, QStringLiteral("take"), project->labelScale());
    analysis.scratchProject = scratch->folder();
    const QString media = QDir(scratchFolder).filePath(QStringLiteral("take.") + QFileInfo(takeFile).suffix());
    if (!QFile::copy(takeFile, media))
        throw Error(QStringLiteral("%1: cannot copy the take into %2").arg(takeFile, scratchFolder));
    store::Clip clip;
    clip.videoId = kTakesVideo;
    clip.clipId = QStringLiteral("take");
    clip.mediaPath = scratch->storedPath(media);
    clip.durationSeconds = analysis.durationSeconds;
    clip.split = QStringLiteral("test");
    clip.transcriptSource = QStringLiteral("none");
    const qint64 clipId = scratch->clips().add(clip);
    // Prediction reads the labels of the import's annotator (none here): it must exist.
    scratch->annotators().ensure(QStringLiteral("dataset"), QStringLiteral("dataset"));
    copyTextEncoder(*project, *scratch);
    store::ModelRecord record = *model;
    record.filePath = project->absolutePath(model->filePath);
    const qint64 scratchModel = scratch->models().add(record);
    scratch->models().setActive(scratchModel);
    analysis.modelName = model->name;

    const jobs::PreparedExtraction prepared = jobs::prepareExtraction(scratch->databasePath(), planLike(features));
    const jobs::ExtractionReport report = jobs::ExtractionJob(scratch->databasePath(), prepared.extractors).run();
    for (const store::ClipProblem &problem : report.problems)
        analysis.problems << problem.message;

    const auto analysed = scratch->clips().find(clipId);
    analysis.transcript = analysed ? analysed->transcript : QString();
    analysis.transcriptSource = analysed ? analysed->transcriptSource : QString();
    analysis.cues = scratch->clips().cues(clipId);

    for (const store::PredictionRecord &p : training::predictOnProject(*scratch, scratchModel)) {
        if (p.clipId != clipId)
            continue;
        if (p.target == Target::M) {
            analysis.multimodal = p.value;
            analysis.outside = p.outside.value_or(QString());
        }
        else
            analysis.unimodal[size_t(p.target) - 1] = p.value;  // T, A, V follow M
    }
    if (!analysis.multimodal)
        throw Error(QStringLiteral("%1: the model gave no prediction for the take").arg(takeFile));
    try {
        training::ExplainRequest request;
        request.modelId = scratchModel;
        request.clipIds = {clipId};
        const training::ExplanationSet explained = training::explainClips(*scratch, request);
        if (!explained.clips.isEmpty()) {
            const auto &phi = explained.clips.first().shapley.phi;
            analysis.shapley = std::array<double, 3>{phi[0], phi[1], phi[2]};
        }
    } catch (const Error &error) {
        analysis.problems << error.message();  // the bars fall back to the unimodal predictions
    }
    return analysis;
}

}  // namespace

TakeAnalysis analyseTake(const QString &projectPath, const QString &takeFile, const QString &workFolder)
{
    try {
        return analyse(projectPath, takeFile, workFolder);
    } catch (const Error &error) {
        TakeAnalysis failed;
        failed.takeFile = takeFile;
        failed.error = error.message();
        return failed;
    } catch (const std::exception &error) {
        TakeAnalysis failed;
        failed.takeFile = takeFile;
        failed.error = QStringLiteral("%1: %2").arg(takeFile, QString::fromUtf8(error.what()));
        return failed;
    }
}

qint64 keepTake(store::Project &project, const TakeAnalysis &analysis, const QString &name)
{
    const QString folder = project.absolutePath(kTakesVideo);
    if (!QDir().mkpath(folder))
        throw Error(QStringLiteral("%1: cannot create the folder for takes").arg(folder));
    const QString target = QDir(folder).filePath(name + QLatin1Char('.') + QFileInfo(analysis.takeFile).suffix());
    if (QFileInfo::exists(target))
        throw Error(QStringLiteral("%1: a take with this name already exists").arg(target));
    if (!QFile::copy(analysis.takeFile, target))
        throw Error(QStringLiteral("%1: cannot copy the take to %2").arg(analysis.takeFile, target));
    store::Clip clip;
    clip.videoId = kTakesVideo;
    clip.clipId = name;
    clip.mediaPath = project.storedPath(target);
    if (analysis.durationSeconds > 0)
        clip.durationSeconds = analysis.durationSeconds;
    clip.split = QStringLiteral("train");
    clip.transcript = analysis.transcript;
    clip.transcriptSource = analysis.transcript.isEmpty() ? QStringLiteral("none") : analysis.transcriptSource;
    qint64 id = 0;
    try {
        id = project.clips().add(clip);
        if (!analysis.cues.isEmpty())
            project.clips().setCues(id, analysis.cues);
    } catch (const Error &) {
        QFile::remove(target);  // no half-kept take: the file goes with the failed row
        throw;
    }
    return id;
}

qint64 keepTake(const QString &projectPath, const TakeAnalysis &analysis, const QString &name)
{
    const std::unique_ptr<store::Project> project = store::Project::open(projectPath);
    return keepTake(*project, analysis, name);
}

}  // namespace sl::explain
