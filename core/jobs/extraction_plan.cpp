#include "core/jobs/extraction_plan.h"

#include "core/jobs/media_extractors.h"
#include "core/jobs/text_encoder_setting.h"
#include "core/jobs/text_extractor.h"
#include "core/language/asr_model_setting.h"
#include "core/store/project.h"

namespace sl::jobs {

PreparedExtraction prepareExtraction(const QString &projectPath, const ExtractionPlan &plan,
                                     const std::function<void(int, int)> &transcriptProgress,
                                     const std::atomic_bool *cancel)
{
    PreparedExtraction prepared;
    if (plan.acoustic)
        prepared.extractors << acousticExtractorFactory(plan.acousticPreset);
    if (plan.visual)
        prepared.extractors << visualExtractorFactory(plan.videoFps);
    if (plan.text) {
        auto project = store::Project::open(projectPath);
        language::TranscriptResolveOptions resolveOptions;
        resolveOptions.recognizeSpeech = plan.recognizeSpeech;
        resolveOptions.whisperModel = language::projectAsrModel(*project);
        resolveOptions.shard = plan.shard;
        prepared.transcripts = language::resolveTranscripts(*project, transcriptProgress, cancel, resolveOptions);
        TextExtractorOptions options = textExtractorOptions(*project);
        options.encoder = projectTextEncoder(*project);
        prepared.extractors << textExtractorFactory(options);
    }
    return prepared;
}

}  // namespace sl::jobs
