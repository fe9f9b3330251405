// LibTorch (through project_explanation.h) before any Qt header.
#include "core/explain/project_explanation.h"
#include "core/ml/evaluation.h"
#include "core/ml/scale_clipping.h"

#include "ui/plots/explanation_plot_data.h"

#include "core/common/error.h"

namespace sl::plots {

namespace {

QVector<double> toVector(const std::vector<double> &values) { return QVector<double>(values.begin(), values.end()); }

QString nodeName(const ml::explain::KanCurves &kan, size_t level, int index)
{
    if (level < kan.nodeNames.size() && index >= 0 && size_t(index) < kan.nodeNames[level].size())
        return QString::fromStdString(kan.nodeNames[level][size_t(index)]);
    return QStringLiteral("%1.%2").arg(level).arg(index);
}

KanData kanData(const ml::explain::KanCurves &kan, const std::optional<ml::explain::KanClipView> &clip)
{
    KanData data;
    data.available = kan.available;
    data.reason = QString::fromStdString(kan.reason);
    for (size_t e = 0; e < kan.edges.size(); ++e) {
        const ml::explain::KanEdgeCurve &curve = kan.edges[e];
        KanEdgeData edge;
        edge.layer = curve.layer;
        edge.inputName = nodeName(kan, size_t(curve.layer), curve.input);
        edge.outputName = nodeName(kan, size_t(curve.layer) + 1, curve.output);
        edge.x = toVector(curve.x);
        edge.base = toVector(curve.base);
        edge.spline = toVector(curve.spline);
        edge.total = toVector(curve.total);
        edge.datasetX = toVector(curve.datasetX);
        edge.datasetY = toVector(curve.datasetY);
        edge.importance = curve.importance;
        if (curve.supportHigh > curve.supportLow) {
            edge.supportLow = curve.supportLow;
            edge.supportHigh = curve.supportHigh;
        }
        if (clip && e < clip->edgeX.size() && e < clip->edgeY.size()) {
            edge.clipX = clip->edgeX[e];
            edge.clipY = clip->edgeY[e];
        }
        data.edges << edge;
    }
    return data;
}

}  // namespace

ClipPlots clipPlots(const training::ClipExplanation &clip, const training::ExplanationSet &set)
{
    ClipPlots plots;
    plots.clipId = clip.clipId;
    plots.name = clip.name;
    plots.split = clip.split;
    plots.model = modelCaption(set.modelId, set.modelName);
    ContributionData &c = plots.contributions;
    c.fNone = clip.shapley.fNone;
    c.fAll = clip.shapley.fAll;
    for (size_t m = 0; m < size_t(kModalities); ++m) {
        c.phi[m] = clip.shapley.phi[m];
        c.unimodal[m] = clip.shapley.unimodal[m];
    }
    c.labels = clip.labels;
    if (clip.envelope)
        c.outside = QString::fromStdString(clip.envelope->outsideCodes());
    const double reported = ml::clipToScale(ml::metricScale(set.labelScale.toStdString()), clip.shapley.fAll);
    if (!set.labelScale.isEmpty() && reported != clip.shapley.fAll)
        c.reported = reported;
    SaliencyData &s = plots.saliency;
    for (size_t m = 0; m < size_t(kModalities); ++m) {
        s.values[m] = toVector(clip.saliency.steps[m]);
        s.seconds[m] = toVector(clip.stepSeconds[m]);
        s.seconds[m].resize(s.values[m].size());  // unknown times stay 0 rather than misalign
    }
    s.words = clip.textTokens;
    s.wordWeights = s.values[0].mid(0, s.words.size());
    s.completenessError = clip.saliency.completenessError;
    s.relativeError = clip.saliency.relativeError;
    s.steps = clip.saliency.stepsUsed;
    s.reliable = clip.saliency.reliable;
    plots.kan = kanData(set.kan, clip.kan);
    MaskData &mask = plots.mask;
    mask.available = set.masks.available && clip.mask.has_value();
    mask.reason = QString::fromStdString(set.masks.reason);
    if (clip.mask) {
        mask.mask = toVector(clip.mask->mask);
        mask.causal = toVector(clip.mask->causal);
        mask.shortcut = toVector(clip.mask->shortcut);
        for (size_t m = 0; m < size_t(kModalities); ++m)
            mask.modalityShare[m] = clip.mask->maskShare[m];
    }
    return plots;
}

DatasetPlots datasetPlots(const training::ExplanationSet &set, double labelMin, double labelMax, bool simsClasses)
{
    DatasetPlots data;
    data.labelMin = labelMin;
    data.labelMax = labelMax;
    data.simsClasses = simsClasses;
    data.model = modelCaption(set.modelId, set.modelName);
    for (const training::ClipExplanation &clip : set.clips) {
        DatasetPoint point;
        point.clipId = clip.clipId;
        point.name = clip.name;
        point.split = clip.split;
        point.label = clip.labels[0];
        point.prediction = clip.shapley.fAll;
        for (size_t m = 0; m < size_t(kModalities); ++m)
            point.phi[m] = clip.shapley.phi[m];
        if (clip.mask)
            point.mask = toVector(clip.mask->mask);
        data.points << point;
    }
    return data;
}

QList<MaskRow> maskRows(const training::ExplanationSet &set)
{
    QList<MaskRow> rows;
    for (const training::ClipExplanation &clip : set.clips)
        if (clip.mask)
            rows << MaskRow{clip.clipId, clip.name, clip.labels[0], clip.mask->prediction, toVector(clip.mask->mask)};
    return rows;
}

ExplanationPlots computeExplanationPlots(const QString &projectPath, const QList<qint64> &clipIds)
{
    ExplanationPlots result;
    try {
        const explain::ProjectExplanation explained = explain::explainProject(projectPath, clipIds);
        const training::ExplanationSet &set = explained.set;
        result.modelId = set.modelId;
        result.modelName = set.modelName;
        if (!clipIds.isEmpty()) {
            for (const training::ClipExplanation &clip : set.clips) {
                result.clips << clipPlots(clip, set);
                result.clips.last().contributions.labelSource = explained.labelOwner;
            }
        }
        else {
            const LabelScale &scale = explained.scale;
            result.dataset = datasetPlots(set, scale.minimum(), scale.maximum(), scale.kind() == LabelScale::Kind::Sims);
            result.maskRows = maskRows(set);
            for (const training::ModelSummary &summary : explained.models)
                for (const training::MetricValue &metric : summary.metrics)
                    result.dataset.metrics << MetricRow{summary.record.id, summary.record.name, metric.split, metric.target, metric.metric, metric.value};
        }
    } catch (const Error &error) {
        result.error = error.message();
    } catch (const std::exception &error) {
        result.error = QStringLiteral("%1: %2").arg(projectPath, QString::fromUtf8(error.what()));
    }
    return result;
}

}  // namespace sl::plots
