#include "core/training/project_explanations.h"
#include "core/training/chunked_prediction.h"

#include "core/ml/envelope_fitting.h"
#include "core/training/model_guard.h"
#include "core/training/project_data.h"
#include "core/training/project_training.h"

#include "core/common/error.h"
#include "core/language/word_tokenizer.h"
#include "core/store/explanation_repository.h"
#include "core/store/label_source.h"
#include "core/store/project.h"

#include <QCryptographicHash>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <algorithm>
#include <cmath>

namespace sl::training {

namespace {

using ml::explain::BaselineKind;

// Clips explained per batch (Shapley runs 8x this many rows, integrated gradients are batched
// further inside), and the most clips the dataset view is computed on.
constexpr qsizetype kClipsPerPass = 64;
constexpr std::int64_t kMaxDatasetClips = 512;

// Bumped when the payload's meaning changes, so stored rows of an older version are recomputed.
constexpr const char *kPayloadVersion = "explain-2";
const std::array<QString, ml::kModalityCount> kCodes = {QStringLiteral("T"), QStringLiteral("A"), QStringLiteral("V")};
const std::array<Target, 4> kLabelTargets = {Target::M, Target::T, Target::A, Target::V};

QJsonArray array(const std::vector<double> &values)
{
    QJsonArray out;
    for (double v : values)
        out.append(std::isfinite(v) ? QJsonValue(v) : QJsonValue());
    return out;
}

std::vector<double> numbers(const QJsonValue &value)
{
    std::vector<double> out;
    for (const QJsonValue &v : value.toArray())
        out.push_back(v.isDouble() ? v.toDouble() : std::nan(""));
    return out;
}

QJsonValue number(double v) { return std::isfinite(v) ? QJsonValue(v) : QJsonValue(); }
double numberOf(const QJsonValue &v) { return v.isDouble() ? v.toDouble() : std::nan(""); }

QJsonObject perModality(const std::array<double, ml::kModalityCount> &values)
{
    QJsonObject out;
    for (ml::Modality m : ml::kModalities)
        out.insert(kCodes[ml::index(m)], number(values[ml::index(m)]));
    return out;
}

std::array<double, ml::kModalityCount> perModalityOf(const QJsonValue &value)
{
    std::array<double, ml::kModalityCount> out{};
    for (ml::Modality m : ml::kModalities)
        out[ml::index(m)] = numberOf(value.toObject().value(kCodes[ml::index(m)]));
    return out;
}

QString labelClass(const std::optional<double> &m)
{
    if (!m)
        return QStringLiteral("unlabelled");
    return *m < 0 ? QStringLiteral("negative") : *m > 0 ? QStringLiteral("positive") : QStringLiteral("neutral");
}

QByteArray tensorBytes(const torch::Tensor &t)
{
    const torch::Tensor c = t.detach().to(torch::kCPU, torch::kFloat32).contiguous();
    return QByteArray(reinterpret_cast<const char *>(c.data_ptr<float>()), qsizetype(c.numel() * sizeof(float)));
}

// What a clip's stored explanation depends on besides its features: the model file's bytes, the
// options and the baseline's values (the mean baseline follows the train split's features).
QByteArray commonDigest(const QString &modelFile, const ml::explain::Baseline &baseline, int steps)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QFile file(modelFile);
    if (!file.open(QIODevice::ReadOnly))
        throw Error(QStringLiteral("%1: cannot be read (%2)").arg(modelFile, file.errorString()));
    hash.addData(&file);
    hash.addData(kPayloadVersion);
    hash.addData(QByteArray::number(steps));
    hash.addData(QByteArray::fromStdString(ml::explain::baselineName(baseline.kind)));
    for (const torch::Tensor &values : baseline.values)
        hash.addData(tensorBytes(values));
    return hash.result();
}

// Per clip: the common digest, the feature sets (id, extractor, version, configuration) and the
// clip's stored feature values, so a re-extraction with other results is noticed too.
struct ClipInputs {
    QString hash;
    std::array<std::vector<double>, ml::kModalityCount> stepSeconds;
    int textFrames = 0;
};

ClipInputs clipInputs(const store::Project &project, const ProjectFeatures &features, qint64 clipId, const QByteArray &common)
{
    ClipInputs inputs;
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(common);
    const store::FeatureRepository repository = project.features();
    for (ml::Modality m : ml::kModalities) {
        const auto &set = features.sets[ml::index(m)];
        if (!set)
            continue;
        hash.addData(QStringLiteral("%1|%2|%3|%4|%5").arg(kCodes[ml::index(m)]).arg(set->id).arg(set->extractor, set->extractorVersion, set->configHash).toUtf8());
        if (const auto stored = repository.load(set->id, clipId)) {
            hash.addData(QByteArrayView(reinterpret_cast<const char *>(stored->data.data()), qsizetype(stored->data.size() * sizeof(float))));
            inputs.stepSeconds[ml::index(m)] = stepSeconds(*stored, m);
            if (m == ml::Modality::Text)
                inputs.textFrames = stored->frames;
        }
    }
    inputs.hash = QString::fromLatin1(hash.result().toHex());
    return inputs;
}

// The token of each text step: the transcript tokenised as the text extractor does (one feature
// row per token), used only when the counts agree so that a word is never put on the wrong step.
QStringList textTokens(const store::Clip &clip, const store::FeatureSet *textSet, int textFrames, size_t steps)
{
    if (!textSet)
        return {};
    const bool splitCjk = !textSet->paramsJson.contains(QLatin1String("\"words\""));
    const QStringList tokens = language::tokenTexts(language::tokenize(clip.transcript, language::TokenizerOptions{false, splitCjk}));
    if (tokens.size() != textFrames)
        return {};
    return tokens.mid(0, qsizetype(steps));
}

// The clips `ids` (rows of `all` by `row`) as a model input.
ml::ModelInput rowsInput(const ClipSet &all, const QHash<qint64, std::int64_t> &row, const QList<qint64> &ids)
{
    std::vector<std::int64_t> rows;
    for (qint64 id : ids)
        rows.push_back(row.value(id));
    return ml::explain::clipsInput(all.data, torch::tensor(rows, torch::kInt64));
}

}  // namespace

QString clipExplanationKind(ml::explain::BaselineKind baseline, int steps)
{
    return QStringLiteral("clip/%1/%2").arg(QString::fromStdString(ml::explain::baselineName(baseline))).arg(steps);
}

namespace {

ExplanationSet explainClipsUnguarded(store::Project &project, const ExplainRequest &request)
{
    if (request.steps < 1)
        throw Error(QStringLiteral("%1: integrated gradients need at least one step").arg(project.databasePath()));
    const ProjectFeatures features = projectFeatures(project);
    qint64 modelId = request.modelId;
    ml::LoadedModel loaded = loadProjectModel(project, modelId, features.contract);
    const store::ModelRecord record = *project.models().find(modelId);
    ml::SentimentModel &model = *loaded.model;

    // Only the clips asked for and an even sample of the project (the dataset view) are loaded,
    // both padded as one load of every clip would be; the mean baseline is summed a chunk at a
    // time. A MOSEI-size project would otherwise hold all its features twice over (issue 14).
    const QList<qint64> everyClip = clipsOfSplit(project, {});
    const QSet<qint64> known(everyClip.cbegin(), everyClip.cend());
    QList<qint64> wanted;  // in the order asked for, each clip once
    for (qint64 id : request.clipIds.isEmpty() ? clipsOfSplit(project, request.split) : request.clipIds)
        if (!wanted.contains(id))
            wanted << id;
    for (qint64 id : wanted)
        if (!known.contains(id))
            throw Error(QStringLiteral("%1: no clip with id %2").arg(project.databasePath()).arg(id));
    const StepCounts longest = longestSteps(project, features, everyClip);
    const ClipSet all = loadClips(project, features, wanted, LabelChoice{}, false, &longest);
    QHash<qint64, std::int64_t> row;
    for (int i = 0; i < all.clipIds.size(); ++i)
        row.insert(all.clipIds[i], i);

    const ml::explain::Baseline baseline =
        request.baseline == BaselineKind::Mean
            ? meanBaselineInChunks(project, features, clipsOfSplit(project, QStringLiteral("train")), model.config().dims)
            : ml::explain::makeBaseline(request.baseline, model.config().dims);

    ExplanationSet set;
    set.modelId = modelId;
    set.modelName = record.name;
    set.architecture = record.architecture;
    set.baseline = request.baseline;
    set.steps = request.steps;
    // The dataset view (KAN operating points and importance, mean mask, backdoor partners): every
    // clip, or an even sample of kMaxDatasetClips, so that large projects fit in one batch.
    const qsizetype sampled = std::min<qsizetype>(everyClip.size(), kMaxDatasetClips);
    QList<qint64> sampleIds;
    for (qsizetype k = 0; k < sampled; ++k)
        sampleIds << everyClip[sampled == everyClip.size() ? k
                                                            : qsizetype(std::llround(double(k) * double(everyClip.size() - 1) / double(sampled - 1)))];
    const ClipSet sample = loadClips(project, features, sampleIds, LabelChoice{}, false, &longest);
    const ml::ModelInput dataset = ml::explain::clipsInput(sample.data, torch::arange(std::int64_t(sampled)));
    set.kan = ml::explain::kanCurves(model, dataset);
    set.labelScale = project.labelScale().name();
    set.hasEnvelope = loaded.description.envelope.has_value();
    const std::vector<ml::EnvelopeVerdict> verdicts =
        set.hasEnvelope ? ml::assessInputs(*loaded.description.envelope, all.data) : std::vector<ml::EnvelopeVerdict>{};
    set.masks = ml::explain::causalMasks(model, dataset);

    const QByteArray common = commonDigest(project.absolutePath(record.filePath), baseline, request.steps);
    const QHash<qint64, store::TargetLabels> labels = store::labelValues(project, store::LabelSource{});
    store::ExplanationRepository repository(project.db());
    const QString kind = clipExplanationKind(request.baseline, request.steps);
    QList<qint64> stale;
    QHash<qint64, ClipInputs> inputs;
    for (qint64 id : wanted) {
        const store::Clip clip = *project.clips().find(id);
        inputs.insert(id, clipInputs(project, features, id, common));
        ClipExplanation explanation;
        const auto stored = request.reuseStored ? repository.find(modelId, id, kind) : std::nullopt;
        if (stored && stored->inputsHash == inputs[id].hash) {
            explanation = clipExplanationFromJson(QJsonDocument::fromJson(stored->payload).object(),
                                                  QStringLiteral("%1: stored explanation of clip %2").arg(project.databasePath()).arg(id));
            explanation.reused = true;
            ++set.reused;
        } else {
            stale << id;
        }
        explanation.clipId = id;
        explanation.name = clip.key();
        explanation.split = clip.split;
        if (set.hasEnvelope)
            explanation.envelope = verdicts[size_t(row.value(id))];
        for (size_t t = 0; t < kLabelTargets.size(); ++t)
            if (labels.value(id).contains(kLabelTargets[t]))
                explanation.labels[t] = labels.value(id).value(kLabelTargets[t]);
        set.clips << explanation;
    }

    // Masks are cheap (one forward pass) and depend on the dataset's shortcut parts: never stored.
    if (set.masks.available) {
        for (qsizetype first = 0; first < wanted.size(); first += kClipsPerPass) {
            const QList<qint64> chunk = wanted.mid(first, kClipsPerPass);
            const ml::explain::CausalMasks masks = ml::explain::causalMasks(model, rowsInput(all, row, chunk), &dataset);
            for (qsizetype k = 0; k < chunk.size(); ++k)
                set.clips[first + k].mask = masks.clips[size_t(k)];
        }
    }

    const store::FeatureSet *textSet = features.sets[0] ? &*features.sets[0] : nullptr;
    ml::explain::IntegratedGradientsOptions igOptions;
    igOptions.steps = request.steps;
    igOptions.maxSteps = std::max(igOptions.maxSteps, request.steps);
    for (qsizetype first = 0; first < stale.size(); first += kClipsPerPass) {
        const QList<qint64> chunk = stale.mid(first, kClipsPerPass);
        const ml::ModelInput clips = rowsInput(all, row, chunk);
        const auto shapley = ml::explain::shapleyValues(model, clips, baseline);
        // Every coalition is a prediction of the model: a NaN or infinite one makes the whole
        // explanation meaningless, so nothing of it is stored.
        for (size_t k = 0; k < shapley.size(); ++k)
            for (double value : shapley[k].coalition)
                if (!std::isfinite(value))
                    throw Error(QStringLiteral("%1: the model predicted %2 for clip id %3; no explanation was stored")
                                    .arg(project.absolutePath(record.filePath), QString::number(value))
                                    .arg(chunk[qsizetype(k)]));
        const auto saliency = ml::explain::integratedGradients(model, clips, baseline, igOptions);
        const auto kan = ml::explain::kanClipViews(model, clips);
        for (qsizetype k = 0; k < chunk.size(); ++k) {
            ClipExplanation &explanation = set.clips[wanted.indexOf(chunk[k])];
            explanation.shapley = shapley[size_t(k)];
            explanation.saliency = saliency[size_t(k)];
            const ClipInputs &in = inputs[chunk[k]];
            for (ml::Modality m : ml::kModalities) {
                std::vector<double> seconds = in.stepSeconds[ml::index(m)];
                seconds.resize(explanation.saliency.steps[ml::index(m)].size(), 0.0);
                explanation.stepSeconds[ml::index(m)] = seconds;
            }
            explanation.textTokens = textTokens(*project.clips().find(chunk[k]), textSet, in.textFrames,
                                                explanation.saliency.steps[0].size());
            if (!kan.empty())
                explanation.kan = kan[size_t(k)];
            repository.store({modelId, chunk[k], kind, in.hash, QJsonDocument(toJson(explanation)).toJson(QJsonDocument::Compact), {}});
            ++set.computed;
        }
    }
    return set;
}

}  // namespace

ExplanationSet explainClips(store::Project &project, const ExplainRequest &request)
{
    // Explanations run the model forward and backward many times: whatever it throws (no
    // gradient through its output, wrong shapes) becomes an error naming its file.
    const auto record = project.models().find(request.modelId != 0 ? request.modelId : project.models().activeModelId());
    const QString file = record ? project.absolutePath(record->filePath) : project.databasePath();
    return guardModel(file, [&] { return explainClipsUnguarded(project, request); });
}

// --- Dataset level -------------------------------------------------------------------------------

namespace {

ContributionStats statsOf(const std::vector<double> &values)
{
    ContributionStats s;
    s.count = int(values.size());
    if (values.empty())
        return s;
    s.min = *std::min_element(values.begin(), values.end());
    s.max = *std::max_element(values.begin(), values.end());
    for (double v : values) {
        s.mean += v / double(values.size());
        s.meanAbs += std::fabs(v) / double(values.size());
    }
    double squares = 0;
    for (double v : values)
        squares += (v - s.mean) * (v - s.mean);
    s.stddev = values.size() > 1 ? std::sqrt(squares / double(values.size() - 1)) : 0.0;
    return s;
}

}  // namespace

ExplanationSummary summarize(const ExplanationSet &set, int topDisagreements)
{
    ExplanationSummary summary;
    // Groups: every (split, class) present, each split, each class, and everything ("", "").
    QList<QPair<QString, QString>> keys{{QString(), QString()}};
    for (const ClipExplanation &clip : set.clips)
        for (const QPair<QString, QString> &key : {QPair<QString, QString>{clip.split, QString()},
                                                   QPair<QString, QString>{QString(), labelClass(clip.labels[0])},
                                                   QPair<QString, QString>{clip.split, labelClass(clip.labels[0])}})
            if (!keys.contains(key))
                keys << key;
    std::sort(keys.begin(), keys.end());
    for (const auto &[split, cls] : keys) {
        ContributionGroup group{split, cls, {}};
        for (ml::Modality m : ml::kModalities) {
            std::vector<double> values;
            for (const ClipExplanation &clip : set.clips)
                if ((split.isEmpty() || clip.split == split) && (cls.isEmpty() || labelClass(clip.labels[0]) == cls))
                    values.push_back(clip.shapley.phi[ml::index(m)]);
            group.phi[ml::index(m)] = statsOf(values);
        }
        summary.groups << group;
    }
    QList<Disagreement> all;
    QList<qint64> seen;
    for (const ClipExplanation &clip : set.clips) {
        if (seen.contains(clip.clipId))
            continue;
        seen << clip.clipId;
        Disagreement d{clip.clipId, clip.name, clip.shapley.phi, 0, false};
        const auto [low, high] = std::minmax_element(d.phi.begin(), d.phi.end());
        d.spread = *high - *low;
        // Opposite signs count only between modalities that matter: a contribution under a tenth of
        // the largest one is noise around zero whatever its sign.
        const double largest = std::max(std::fabs(*low), std::fabs(*high));
        d.signsDiffer = *low < -0.1 * largest && *high > 0.1 * largest;
        all << d;
    }
    std::stable_sort(all.begin(), all.end(), [](const Disagreement &a, const Disagreement &b) {
        return a.signsDiffer != b.signsDiffer ? a.signsDiffer : a.spread > b.spread;
    });
    summary.disagreements = all.mid(0, topDisagreements);
    return summary;
}

DominanceCheck checkDominance(const ExplanationSet &set, const std::array<double, ml::kModalityCount> &labelWeights)
{
    DominanceCheck check;
    for (const ClipExplanation &clip : set.clips) {
        std::array<double, ml::kModalityCount> terms{};
        bool complete = true;
        for (ml::Modality m : ml::kModalities) {
            const auto &label = clip.labels[ml::index(m) + 1];
            complete = complete && label.has_value();
            terms[ml::index(m)] = label ? std::fabs(labelWeights[ml::index(m)] * *label) : 0.0;
        }
        if (!complete)
            continue;
        const auto dominant = size_t(std::max_element(terms.begin(), terms.end()) - terms.begin());
        const double total = terms[0] + terms[1] + terms[2];
        if (!(terms[dominant] > total - terms[dominant]))
            continue;
        std::array<double, ml::kModalityCount> magnitude{};
        for (size_t m = 0; m < magnitude.size(); ++m)
            magnitude[m] = std::fabs(clip.shapley.phi[m]);
        const auto largest = size_t(std::max_element(magnitude.begin(), magnitude.end()) - magnitude.begin());
        ++check.clips;
        ++check.confusion[dominant][largest];
        if (largest == dominant)
            ++check.matches;
    }
    return check;
}

// --- JSON ----------------------------------------------------------------------------------------

QJsonObject toJson(const ClipExplanation &clip)
{
    QJsonObject labels;
    for (size_t t = 0; t < kLabelTargets.size(); ++t)
        if (clip.labels[t])
            labels.insert(targetName(kLabelTargets[t]), *clip.labels[t]);
    QJsonArray coalitions;
    for (double v : clip.shapley.coalition)
        coalitions.append(v);
    const QJsonObject shapley{{QStringLiteral("f_all"), clip.shapley.fAll},
                              {QStringLiteral("f_none"), clip.shapley.fNone},
                              {QStringLiteral("phi"), perModality(clip.shapley.phi)},
                              {QStringLiteral("efficiency_error"), clip.shapley.efficiencyError},
                              {QStringLiteral("coalitions"), coalitions}};
    QJsonObject modalities;
    for (ml::Modality m : ml::kModalities) {
        QJsonObject entry{{QStringLiteral("seconds"), array(clip.stepSeconds[ml::index(m)])},
                          {QStringLiteral("attribution"), array(clip.saliency.steps[ml::index(m)])},
                          {QStringLiteral("total"), clip.saliency.modalityTotal[ml::index(m)]}};
        if (m == ml::Modality::Text)
            entry.insert(QStringLiteral("tokens"), QJsonArray::fromStringList(clip.textTokens));
        modalities.insert(kCodes[ml::index(m)], entry);
    }
    const QJsonObject saliency{{QStringLiteral("f_input"), clip.saliency.fInput},
                               {QStringLiteral("f_baseline"), clip.saliency.fBaseline},
                               {QStringLiteral("attribution_sum"), clip.saliency.attributionSum},
                               {QStringLiteral("completeness_error"), clip.saliency.completenessError},
                               {QStringLiteral("relative_error"), clip.saliency.relativeError},
                               {QStringLiteral("steps"), clip.saliency.stepsUsed},
                               {QStringLiteral("reliable"), clip.saliency.reliable},
                               {QStringLiteral("modalities"), modalities}};
    QJsonObject object{{QStringLiteral("clip_id"), clip.clipId},
                       {QStringLiteral("name"), clip.name},
                       {QStringLiteral("split"), clip.split},
                       {QStringLiteral("labels"), labels},
                       {QStringLiteral("shapley"), shapley},
                       {QStringLiteral("unimodal"), perModality(clip.shapley.unimodal)},
                       {QStringLiteral("saliency"), saliency}};
    if (clip.kan)
        object.insert(QStringLiteral("kan"), QJsonObject{{QStringLiteral("edge_x"), array(clip.kan->edgeX)},
                                                         {QStringLiteral("edge_y"), array(clip.kan->edgeY)},
                                                         {QStringLiteral("feature_scores"), array(clip.kan->featureScores)},
                                                         {QStringLiteral("modality_scores"), perModality(clip.kan->modalityScores)}});
    if (clip.mask) {
        const ml::explain::ClipMask &mask = *clip.mask;
        object.insert(QStringLiteral("mask"), QJsonObject{{QStringLiteral("mask"), array(mask.mask)},
                                                          {QStringLiteral("fused"), array(mask.fused)},
                                                          {QStringLiteral("causal"), array(mask.causal)},
                                                          {QStringLiteral("shortcut"), array(mask.shortcut)},
                                                          {QStringLiteral("dim_modality_share"), array(mask.dimModalityShare)},
                                                          {QStringLiteral("mask_share"), perModality(mask.maskShare)},
                                                          {QStringLiteral("prediction"), mask.prediction},
                                                          {QStringLiteral("backdoor_mean"), mask.backdoorMean},
                                                          {QStringLiteral("backdoor_max_shift"), mask.backdoorMaxShift},
                                                          {QStringLiteral("without_causal_shift"), mask.withoutCausalShift},
                                                          {QStringLiteral("without_shortcut_shift"), mask.withoutShortcutShift}});
    }
    return object;
}

ClipExplanation clipExplanationFromJson(const QJsonObject &object, const QString &what)
{
    const QJsonObject shapley = object.value(QStringLiteral("shapley")).toObject();
    const QJsonObject saliency = object.value(QStringLiteral("saliency")).toObject();
    const QJsonArray coalitions = shapley.value(QStringLiteral("coalitions")).toArray();
    if (!object.value(QStringLiteral("clip_id")).isDouble() || coalitions.size() != ml::explain::kCoalitionCount ||
        !saliency.value(QStringLiteral("modalities")).isObject())
        throw Error(QStringLiteral("%1: not a clip explanation (missing clip_id, shapley or saliency)").arg(what));
    ClipExplanation clip;
    clip.clipId = object.value(QStringLiteral("clip_id")).toInteger();
    clip.name = object.value(QStringLiteral("name")).toString();
    clip.split = object.value(QStringLiteral("split")).toString();
    const QJsonObject labels = object.value(QStringLiteral("labels")).toObject();
    for (size_t t = 0; t < kLabelTargets.size(); ++t)
        if (labels.value(targetName(kLabelTargets[t])).isDouble())
            clip.labels[t] = labels.value(targetName(kLabelTargets[t])).toDouble();
    for (int c = 0; c < ml::explain::kCoalitionCount; ++c)
        clip.shapley.coalition[size_t(c)] = coalitions[c].toDouble();
    clip.shapley.fAll = shapley.value(QStringLiteral("f_all")).toDouble();
    clip.shapley.fNone = shapley.value(QStringLiteral("f_none")).toDouble();
    clip.shapley.phi = perModalityOf(shapley.value(QStringLiteral("phi")));
    clip.shapley.efficiencyError = shapley.value(QStringLiteral("efficiency_error")).toDouble();
    clip.shapley.unimodal = perModalityOf(object.value(QStringLiteral("unimodal")));
    clip.saliency.fInput = saliency.value(QStringLiteral("f_input")).toDouble();
    clip.saliency.fBaseline = saliency.value(QStringLiteral("f_baseline")).toDouble();
    clip.saliency.attributionSum = saliency.value(QStringLiteral("attribution_sum")).toDouble();
    clip.saliency.completenessError = saliency.value(QStringLiteral("completeness_error")).toDouble();
    // Explanations stored before steps were chosen per clip have no relative error: recomputed
    // from the endpoints, with the same floor as integratedGradients.
    const double explained = std::max(std::fabs(clip.saliency.fInput - clip.saliency.fBaseline), 0.01);
    clip.saliency.relativeError = saliency.value(QStringLiteral("relative_error")).toDouble(clip.saliency.completenessError / explained);
    clip.saliency.stepsUsed = saliency.value(QStringLiteral("steps")).toInt(0);
    clip.saliency.reliable = saliency.value(QStringLiteral("reliable")).toBool(clip.saliency.relativeError <= 0.05);
    const QJsonObject modalities = saliency.value(QStringLiteral("modalities")).toObject();
    for (ml::Modality m : ml::kModalities) {
        const QJsonObject entry = modalities.value(kCodes[ml::index(m)]).toObject();
        clip.stepSeconds[ml::index(m)] = numbers(entry.value(QStringLiteral("seconds")));
        clip.saliency.steps[ml::index(m)] = numbers(entry.value(QStringLiteral("attribution")));
        clip.saliency.modalityTotal[ml::index(m)] = entry.value(QStringLiteral("total")).toDouble();
        if (m == ml::Modality::Text)
            for (const QJsonValue &token : entry.value(QStringLiteral("tokens")).toArray())
                clip.textTokens << token.toString();
    }
    if (object.value(QStringLiteral("kan")).isObject()) {
        const QJsonObject kan = object.value(QStringLiteral("kan")).toObject();
        clip.kan = ml::explain::KanClipView{numbers(kan.value(QStringLiteral("edge_x"))), numbers(kan.value(QStringLiteral("edge_y"))),
                                            numbers(kan.value(QStringLiteral("feature_scores"))),
                                            perModalityOf(kan.value(QStringLiteral("modality_scores")))};
    }
    return clip;
}

QJsonObject toJson(const ml::explain::KanCurves &kan)
{
    if (!kan.available)
        return {{QStringLiteral("available"), false}, {QStringLiteral("reason"), QString::fromStdString(kan.reason)}};
    QJsonArray names;
    for (const auto &level : kan.nodeNames) {
        QJsonArray row;
        for (const std::string &name : level)
            row.append(QString::fromStdString(name));
        names.append(row);
    }
    QJsonArray edges;
    for (const ml::explain::KanEdgeCurve &e : kan.edges)
        edges.append(QJsonObject{{QStringLiteral("layer"), e.layer},
                                 {QStringLiteral("input"), e.input},
                                 {QStringLiteral("output"), e.output},
                                 {QStringLiteral("input_name"), QString::fromStdString(kan.nodeNames[size_t(e.layer)][size_t(e.input)])},
                                 {QStringLiteral("output_name"), QString::fromStdString(kan.nodeNames[size_t(e.layer) + 1][size_t(e.output)])},
                                 {QStringLiteral("importance"), e.importance},
                                 {QStringLiteral("enabled"), e.enabled},
                                 {QStringLiteral("support"), QJsonArray{e.supportLow, e.supportHigh}},
                                 {QStringLiteral("inside_support"), e.insideSupport},
                                 {QStringLiteral("x"), array(e.x)},
                                 {QStringLiteral("base"), array(e.base)},
                                 {QStringLiteral("spline"), array(e.spline)},
                                 {QStringLiteral("total"), array(e.total)},
                                 {QStringLiteral("dataset_x"), array(e.datasetX)},
                                 {QStringLiteral("dataset_y"), array(e.datasetY)}});
    return {{QStringLiteral("available"), true},
            {QStringLiteral("node_names"), names},
            {QStringLiteral("feature_scores"), array(kan.featureScores)},
            {QStringLiteral("modality_scores"), perModality(kan.modalityScores)},
            {QStringLiteral("edges"), edges}};
}

QJsonObject toJson(const ml::explain::CausalMasks &masks)
{
    if (!masks.available)
        return {{QStringLiteral("available"), false}, {QStringLiteral("reason"), QString::fromStdString(masks.reason)}};
    return {{QStringLiteral("available"), true},
            {QStringLiteral("fused_dims"), masks.fusedDims},
            {QStringLiteral("clips"), int(masks.clips.size())},
            {QStringLiteral("mean_mask"), array(masks.meanMask)},
            {QStringLiteral("mask_variance"), array(masks.maskVariance)},
            {QStringLiteral("backdoor_mean_shift"), masks.backdoorMeanShift},
            {QStringLiteral("without_causal_mean_shift"), masks.withoutCausalMeanShift},
            {QStringLiteral("without_shortcut_mean_shift"), masks.withoutShortcutMeanShift},
            {QStringLiteral("mask_share_below_0_1"), masks.maskShareLow},
            {QStringLiteral("mask_share_above_0_9"), masks.maskShareHigh},
            {QStringLiteral("mask_deciles"), array(masks.maskDeciles)}};
}

QJsonObject toJson(const ExplanationSummary &summary)
{
    QJsonArray groups;
    for (const ContributionGroup &g : summary.groups) {
        QJsonObject phi;
        for (ml::Modality m : ml::kModalities) {
            const ContributionStats &s = g.phi[ml::index(m)];
            phi.insert(kCodes[ml::index(m)], QJsonObject{{QStringLiteral("count"), s.count},
                                                         {QStringLiteral("mean"), s.mean},
                                                         {QStringLiteral("std"), s.stddev},
                                                         {QStringLiteral("min"), s.min},
                                                         {QStringLiteral("max"), s.max},
                                                         {QStringLiteral("mean_abs"), s.meanAbs}});
        }
        groups.append(QJsonObject{{QStringLiteral("split"), g.split.isEmpty() ? QStringLiteral("all") : g.split},
                                  {QStringLiteral("class"), g.labelClass.isEmpty() ? QStringLiteral("all") : g.labelClass},
                                  {QStringLiteral("phi"), phi}});
    }
    QJsonArray disagreements;
    for (const Disagreement &d : summary.disagreements)
        disagreements.append(QJsonObject{{QStringLiteral("clip_id"), d.clipId},
                                         {QStringLiteral("name"), d.name},
                                         {QStringLiteral("phi"), perModality(d.phi)},
                                         {QStringLiteral("spread"), d.spread},
                                         {QStringLiteral("signs_differ"), d.signsDiffer}});
    return {{QStringLiteral("groups"), groups}, {QStringLiteral("disagreements"), disagreements}};
}

QJsonObject toJson(const DominanceCheck &check)
{
    QJsonObject confusion;
    for (ml::Modality dominant : ml::kModalities) {
        QJsonObject row;
        for (ml::Modality largest : ml::kModalities)
            row.insert(kCodes[ml::index(largest)], check.confusion[ml::index(dominant)][ml::index(largest)]);
        confusion.insert(kCodes[ml::index(dominant)], row);
    }
    return {{QStringLiteral("clips"), check.clips},
            {QStringLiteral("matches"), check.matches},
            {QStringLiteral("accuracy"), check.accuracy()},
            {QStringLiteral("confusion"), confusion}};
}

}  // namespace sl::training
