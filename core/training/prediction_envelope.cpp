// LibTorch (through prediction_envelope.h) before any Qt header.
#include "core/training/prediction_envelope.h"

#include "core/ml/envelope_fitting.h"
#include "core/ml/scale_clipping.h"
#include "core/store/project.h"

#include <QJsonArray>
#include <QJsonObject>
#include <algorithm>

namespace sl::training {

namespace {

const std::array<Target, ml::kModalityCount> kUnimodalTargets = {Target::T, Target::A, Target::V};

// Clips whose features are loaded at once while assessing: a MOSEI-size project holds gigabytes.
constexpr int kChunkClips = 2048;

}  // namespace

ml::InputEnvelope fitProjectEnvelope(const ClipSet &train, const ClipSet &valid)
{
    const bool hasValid = valid.data.size() > 0;
    return ml::fitInputEnvelope(train.data, hasValid ? valid.data : train.data, 0.01, hasValid ? "train+valid" : "train");
}

std::vector<ml::EnvelopeVerdict> assessProjectClips(const store::Project &project, const ProjectFeatures &features,
                                                    const QList<qint64> &clipIds, const ml::InputEnvelope &envelope)
{
    std::vector<ml::EnvelopeVerdict> verdicts;
    verdicts.reserve(size_t(clipIds.size()));
    for (qsizetype start = 0; start < clipIds.size(); start += kChunkClips) {
        const ClipSet chunk = loadClips(project, features, clipIds.mid(start, kChunkClips), QString(), false);
        const std::vector<ml::EnvelopeVerdict> part = ml::assessInputs(envelope, chunk.data);
        verdicts.insert(verdicts.end(), part.begin(), part.end());
    }
    return verdicts;
}

QString outsideText(const ml::EnvelopeVerdict &verdict) { return QString::fromStdString(verdict.outsideCodes()); }

QString outsideFlag(const std::optional<QString> &outside)
{
    if (!outside)
        return QStringLiteral("no envelope");
    return outside->isEmpty() ? QString() : QStringLiteral("outside the training data (%1)").arg(*outside);
}

QJsonValue envelopeJson(const std::optional<ml::EnvelopeVerdict> &verdict)
{
    if (!verdict)
        return QJsonValue::Null;
    QJsonArray outside;
    QJsonObject distance, threshold;
    for (ml::Modality m : ml::kModalities) {
        const QString code = QString::fromStdString(ml::modalityCode(m));
        if (verdict->outside[ml::index(m)])
            outside.append(code);
        if (verdict->distance[ml::index(m)])
            distance.insert(code, *verdict->distance[ml::index(m)]);
        if (verdict->threshold[ml::index(m)])
            threshold.insert(code, *verdict->threshold[ml::index(m)]);
    }
    return QJsonObject{{QStringLiteral("outside"), outside},
                       {QStringLiteral("distance"), distance},
                       {QStringLiteral("threshold"), threshold}};
}

QList<store::PredictionRecord> reportedPredictions(const store::Project &project, const ProjectFeatures &features,
                                                   const QList<qint64> &clipIds, const ml::Predictions &predictions,
                                                   const std::optional<ml::InputEnvelope> &envelope)
{
    const ml::MetricScale scale = ml::metricScale(project.labelScale().name().toStdString());
    std::vector<ml::EnvelopeVerdict> verdicts;
    if (envelope)
        verdicts = assessProjectClips(project, features, clipIds, *envelope);
    QList<store::PredictionRecord> records;
    for (int i = 0; i < clipIds.size(); ++i) {
        const std::optional<QString> outside =
            envelope ? std::optional<QString>(outsideText(verdicts[size_t(i)])) : std::nullopt;
        const auto record = [&](Target target, double raw) {
            return store::PredictionRecord{clipIds[i], target, ml::clipToScale(scale, raw), raw, outside};
        };
        records << record(Target::M, predictions.multimodal[size_t(i)]);
        for (ml::Modality m : ml::kModalities) {
            const auto &values = predictions.unimodal[ml::index(m)];
            if (size_t(i) < values.size())
                records << record(kUnimodalTargets[ml::index(m)], values[size_t(i)]);
        }
    }
    return records;
}

}  // namespace sl::training
