#include "core/training/chunked_prediction.h"

#include <algorithm>

namespace sl::training {

ml::Predictions predictInChunks(const store::Project &project, const ProjectFeatures &features,
                                const QList<qint64> &clipIds, ml::SentimentModel &model, int chunkClips, int batchSize)
{
    const StepCounts longest = longestSteps(project, features, clipIds);
    const int batch = std::max(1, batchSize);
    const qsizetype step = qsizetype((std::max(1, chunkClips) + batch - 1) / batch) * batch;
    ml::Predictions all;
    for (qsizetype from = 0; from < clipIds.size(); from += step) {
        const ClipSet chunk = loadClips(project, features, clipIds.mid(from, step), LabelChoice{}, false, &longest);
        const ml::Predictions part = ml::predict(model, chunk.data, ml::BottleneckMode::Mean, batch);
        all.multimodal.insert(all.multimodal.end(), part.multimodal.begin(), part.multimodal.end());
        for (ml::Modality m : ml::kModalities) {
            const std::vector<double> &values = part.unimodal[ml::index(m)];
            all.unimodal[ml::index(m)].insert(all.unimodal[ml::index(m)].end(), values.begin(), values.end());
        }
    }
    return all;
}

}  // namespace sl::training
