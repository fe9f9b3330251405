#include "core/training/chunked_prediction.h"

#include "core/common/error.h"
#include "core/store/project.h"

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

ml::explain::Baseline meanBaselineInChunks(const store::Project &project, const ProjectFeatures &features,
                                           const QList<qint64> &clipIds, const std::array<std::int64_t, ml::kModalityCount> &dims,
                                           int chunkClips)
{
    if (clipIds.isEmpty())
        throw Error(QStringLiteral("%1: the mean baseline needs clips in the train split").arg(project.databasePath()));
    std::array<torch::Tensor, ml::kModalityCount> sums;
    std::array<double, ml::kModalityCount> steps{};
    for (ml::Modality m : ml::kModalities)
        sums[ml::index(m)] = torch::zeros({dims[ml::index(m)]}, torch::kFloat64);
    const qsizetype step = std::max(1, chunkClips);
    for (qsizetype from = 0; from < clipIds.size(); from += step) {
        const ClipSet chunk = loadClips(project, features, clipIds.mid(from, step), LabelChoice{}, false);
        for (ml::Modality m : ml::kModalities) {
            const torch::Tensor &values = chunk.data.features[ml::index(m)];
            if (!values.defined())
                continue;
            if (values.size(2) != dims[ml::index(m)])
                throw Error(QStringLiteral("%1: the %2 features have %3 dims, the model expects %4")
                                .arg(project.databasePath(), QString::fromStdString(ml::modalityName(m)))
                                .arg(values.size(2))
                                .arg(dims[ml::index(m)]));
            const torch::Tensor &lengths = chunk.data.lengths[ml::index(m)];
            const torch::Tensor valid = (torch::arange(values.size(1)).unsqueeze(0) < lengths.unsqueeze(1)).unsqueeze(-1);
            sums[ml::index(m)] += (values.to(torch::kFloat64) * valid).sum(torch::IntArrayRef{0, 1});
            steps[ml::index(m)] += lengths.sum().item<double>();
        }
    }
    ml::explain::Baseline baseline;
    baseline.kind = ml::explain::BaselineKind::Mean;
    for (ml::Modality m : ml::kModalities)
        baseline.values[ml::index(m)] = steps[ml::index(m)] > 0 ? (sums[ml::index(m)] / steps[ml::index(m)]).to(torch::kFloat32)
                                                                : torch::zeros({dims[ml::index(m)]});
    return baseline;
}

}  // namespace sl::training
