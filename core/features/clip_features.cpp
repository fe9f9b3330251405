#include "core/features/clip_features.h"
#include "core/features/visual_pipeline.h"
#include "core/media/audio_decoder.h"
#include "core/media/media_error.h"

namespace sl::features {

FeatureMatrix extractAcousticFile(const QString &path, const AcousticConfig &config)
{
    if (config.sampleRate != media::kAnalysisSampleRate)
        media::throwMediaError(path, QStringLiteral("acoustic features are configured for %1 Hz, but audio is decoded at %2 Hz")
                                         .arg(config.sampleRate)
                                         .arg(media::kAnalysisSampleRate));
    return extractAcoustic(media::decodeAudioMono16k(path), config);
}

FeatureMatrix extractVisualFile(const QString &path, VisualExtractor &extractor, double analysisRate)
{
    media::VideoFrameReader reader(path, analysisRate);
    extractor.reset();
    return extractVisualPipelined(reader, extractor);
}

}  // namespace sl::features
