#pragma once
// Features of a whole file: decoding and extraction in one call, for jobs and benchmarks.
#include "core/features/acoustic_features.h"
#include "core/features/visual_features.h"
#include "core/media/video_frame_reader.h"

#include <QString>

namespace sl::features {

// Decodes the audio of a clip or audio file to 16 kHz mono and extracts acoustic features.
// Throws sl::Error naming the file for every decoding problem (see audio_decoder.h), and for a
// configuration whose sample rate is not 16 kHz.
FeatureMatrix extractAcousticFile(const QString &path, const AcousticConfig &config = {});

// Reads the clip's video at the analysis rate and extracts visual features, one row per frame,
// decoding, following the face and describing it on threads of their own (see visual_pipeline.h).
// Throws sl::Error naming the file for every decoding problem (see video_frame_reader.h).
FeatureMatrix extractVisualFile(const QString &path, VisualExtractor &extractor,
                                double analysisRate = media::kDefaultAnalysisRate);

}  // namespace sl::features
