#include "core/training/review_queue.h"

#include "core/common/error.h"
#include "core/store/project.h"
#include "core/training/job_error.h"
#include "core/training/prediction_spread.h"

#include <algorithm>
#include <cmath>

namespace sl::training {

namespace {

QList<ReviewEntry> ranked(QList<ReviewEntry> entries, int limit)
{
    std::sort(entries.begin(), entries.end(), [](const ReviewEntry &a, const ReviewEntry &b) {
        return a.score != b.score ? a.score > b.score : a.clipId < b.clipId;
    });
    if (limit >= 0 && entries.size() > limit)
        entries.resize(limit);
    return entries;
}

}  // namespace

QList<ReviewEntry> rankDisagreements(const QList<store::PredictionRecord> &predictions,
                                     const QHash<qint64, store::TargetLabels> &labels, int limit)
{
    QHash<qint64, ReviewEntry> worst;
    for (const store::PredictionRecord &p : predictions) {
        const auto clipLabels = labels.constFind(p.clipId);
        if (clipLabels == labels.cend())
            continue;
        const auto label = clipLabels->constFind(p.target);
        if (label == clipLabels->cend())
            continue;
        const double distance = std::fabs(p.value - *label);
        auto it = worst.find(p.clipId);
        if (it == worst.end() || distance > it->score)
            worst.insert(p.clipId, ReviewEntry{p.clipId, ReviewReason::Disagreement, distance, p.target, p.value, *label});
    }
    return ranked(worst.values(), limit);
}

QList<ReviewEntry> rankUncertain(const QHash<qint64, double> &spread, int limit)
{
    QList<ReviewEntry> entries;
    for (auto it = spread.constBegin(); it != spread.constEnd(); ++it)
        if (it.value() > 0)
            entries << ReviewEntry{it.key(), ReviewReason::Uncertainty, it.value()};
    return ranked(entries, limit);
}

ReviewQueue buildReviewQueue(const QString &projectPath, int limit, int samples)
{
    ReviewQueue queue;
    queue.error = runCapturingError(projectPath, [&] {
        auto project = store::Project::open(projectPath);
        queue.modelId = project->models().activeModelId();
        const auto model = project->models().find(queue.modelId);
        if (!model)
            throw Error(QStringLiteral("%1: the project has no active model; train one first").arg(project->databasePath()));
        queue.modelName = model->name;
        const QHash<qint64, store::TargetLabels> labels =
            store::labelValues(*project, store::LabelSource{store::LabelAggregate::Latest, {}});
        queue.disagreements = rankDisagreements(project->models().predictions(queue.modelId), labels, limit);
        queue.uncertain = rankUncertain(predictionSpread(*project, queue.modelId, samples), limit);
        const store::ClipRepository clips = project->clips();
        for (const QList<ReviewEntry> *entries : {&queue.disagreements, &queue.uncertain})
            for (const ReviewEntry &entry : *entries)
                if (!queue.clipNames.contains(entry.clipId))
                    if (const std::optional<store::Clip> clip = clips.find(entry.clipId))
                        queue.clipNames.insert(entry.clipId, QStringLiteral("%1/%2").arg(clip->videoId, clip->clipId));
    });
    return queue;
}

}  // namespace sl::training
