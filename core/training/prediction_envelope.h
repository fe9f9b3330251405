#pragma once
// What a stored prediction says beyond its number: the value on the project's label scale (clipped
// as MMSA clips it), the raw value beside it, and whether the clip lay outside the model's
// training data, per modality (core/ml/input_envelope.h). LibTorch headers (through
// project_data.h) before Qt's.
#include "core/ml/evaluation.h"
#include "core/ml/input_envelope.h"
#include "core/training/project_data.h"

#include "core/store/model_repository.h"

#include <QJsonValue>

#include <optional>
#include <vector>

namespace sl::training {

// The envelope of a model trained on `train`, its threshold calibrated on `train` and `valid`
// together (on `train` alone when the project has no labelled validation clips; it then says so).
ml::InputEnvelope fitProjectEnvelope(const ClipSet &train, const ClipSet &valid);

// One verdict per clip of `clipIds`, in that order, loading the features a chunk of clips at a
// time. Throws std::invalid_argument when the features do not fit the envelope.
std::vector<ml::EnvelopeVerdict> assessProjectClips(const store::Project &project, const ProjectFeatures &features,
                                                    const QList<qint64> &clipIds, const ml::InputEnvelope &envelope);

// "A, V" as stored and shown; "" when inside everywhere.
QString outsideText(const ml::EnvelopeVerdict &verdict);

// "outside the training data (A, V)" for people; "" when inside, "no envelope" when the model has
// none (empty `outside`).
QString outsideFlag(const std::optional<QString> &outside);

// For --json: {"outside": ["A", "V"], "distance": {"T": d, ...}, "threshold": {"T": t, ...}}, or
// null when the model has no envelope.
QJsonValue envelopeJson(const std::optional<ml::EnvelopeVerdict> &verdict);

// One record per clip and target the model predicts: the value clipped to the project's label
// scale, the raw one, and (where the model has an envelope) the clip's outside modalities.
QList<store::PredictionRecord> reportedPredictions(const store::Project &project, const ProjectFeatures &features,
                                                   const QList<qint64> &clipIds, const ml::Predictions &predictions,
                                                   const std::optional<ml::InputEnvelope> &envelope);

}  // namespace sl::training
