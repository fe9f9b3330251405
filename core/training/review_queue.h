#pragma once
// The review queue: which clips an annotator should look at first, given a model. Two rankings:
// clips where the model's predictions (unimodal heads, and M) and the human labels disagree most,
// and clips where the model is least certain (spread of its sampled predictions). A large
// disagreement on a confident model points at a wrong label; a large spread points at a clip the
// model cannot decide, whose label teaches it most. Free of LibTorch: the spread comes in.
#include "core/store/label_source.h"
#include "core/store/model_repository.h"

#include <QHash>
#include <QList>
#include <optional>

namespace sl::training {

enum class ReviewReason { Disagreement, Uncertainty };

struct ReviewEntry {
    qint64 clipId = 0;
    ReviewReason reason = ReviewReason::Disagreement;
    double score = 0;  // |prediction - label| of the worst target, or the spread
    // Disagreement only: the target that disagrees most, with its prediction and label.
    Target target = Target::M;
    double prediction = 0;
    double label = 0;
};

// Per clip, the target (of those with both a prediction and a label) whose prediction is furthest
// from its label; clips ranked by that distance, largest first (ties by clip id); at most `limit`
// (all when negative). Clips without any comparable target are left out.
QList<ReviewEntry> rankDisagreements(const QList<store::PredictionRecord> &predictions,
                                     const QHash<qint64, store::TargetLabels> &labels, int limit = -1);

// Clips ranked by the spread of their predictions, largest first (ties by clip id); clips whose
// spread is zero (a deterministic model says nothing about its certainty) are left out.
QList<ReviewEntry> rankUncertain(const QHash<qint64, double> &spread, int limit = -1);

struct ReviewQueue {
    qint64 modelId = 0;
    QString modelName;
    QList<ReviewEntry> disagreements;
    QList<ReviewEntry> uncertain;
    // "<video_id>/<clip_id>" of every clip in the two lists, read with them, so that the dock
    // names the clips without reading the store itself.
    QHash<qint64, QString> clipNames;
    QString error;  // names the project or model and the problem; empty on success
};

// The queue of the project's active model against the most recent label of every clip and target
// (so a label someone corrected leaves the queue at once), `samples` sampled predictions for the
// spread. Opens the project itself: call it on a worker thread. Never throws.
ReviewQueue buildReviewQueue(const QString &projectPath, int limit, int samples = 16);

}  // namespace sl::training
