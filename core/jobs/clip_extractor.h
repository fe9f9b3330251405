#pragma once
// One kind of per-clip feature extraction, as the extraction job runs it: which feature set it
// fills (name, version, configuration hash, dimension names) and how to compute it from a clip.
// Each worker thread gets its own instance, so implementations may keep state between clips.
#include "core/features/feature_matrix.h"
#include "core/store/feature_repository.h"

#include <QString>
#include <functional>
#include <memory>

namespace sl::jobs {

struct ClipInput {
    qint64 clipId = 0;
    QString key;        // video_id/clip_id, for messages
    QString mediaFile;  // absolute
    QString audioFile;  // absolute; empty = the clip's own audio
    QString transcript;
    double durationSeconds = 0;  // 0 when unknown
};

class ClipExtractor {
public:
    virtual ~ClipExtractor() = default;
    // Describes the feature set; `id` is filled in by the job.
    virtual store::FeatureSet featureSet() const = 0;
    // Stage name used for per-clip problems: "acoustic", "visual", "text".
    virtual QString stage() const = 0;
    // Throws sl::Error naming the file and the problem.
    virtual features::FeatureMatrix extract(const ClipInput &clip) = 0;
};

using ClipExtractorFactory = std::function<std::unique_ptr<ClipExtractor>()>;

// Hash of a configuration's JSON text (hex, short), used to tell feature sets apart.
QString configHash(const QString &paramsJson);

}  // namespace sl::jobs
