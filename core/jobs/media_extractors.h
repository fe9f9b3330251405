#pragma once
// The acoustic and visual extractors of core/features, wrapped for the extraction job.
#include "core/features/acoustic_features.h"
#include "core/jobs/clip_extractor.h"

namespace sl::jobs {

// `preset` is an acoustic preset name ("default", "ch-sims-33"); throws std::invalid_argument for others.
ClipExtractorFactory acousticExtractorFactory(const QString &preset = QStringLiteral("default"));
// `analysisRate` in frames per second (never more than the clip's own rate).
ClipExtractorFactory visualExtractorFactory(double analysisRate = 15.0);

}  // namespace sl::jobs
