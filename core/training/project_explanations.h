#pragma once
// Explanations of a project's model for its clips (issue #5): per clip the Shapley values of the
// modalities, integrated-gradient saliency aligned to clip time, the clip on the KAN curves and the
// CaMIB mask; per model the KAN curves and the dataset view of the masks; and a dataset summary
// (contributions per split and label class, clips whose modalities disagree most).
//
// Per-clip results are stored in the project (table `explanations`, JSON payload) under the kind
// "clip/<baseline>/<steps>" (so each choice of options keeps its own rows), and reused while the
// model file and the clip's features are unchanged (the inputs hash covers both, and the
// baseline's values); anything else is computed again. Masks and the KAN's dataset view depend on
// every clip and are recomputed on each call (one forward pass). LibTorch headers come first.
#include "core/ml/explain/causal_masks.h"
#include "core/ml/explain/integrated_gradients.h"
#include "core/ml/explain/kan_curves.h"
#include "core/ml/explain/shapley.h"
#include "core/ml/input_envelope.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <array>
#include <optional>

namespace sl::store {
class Project;
}

namespace sl::training {

// The `kind` of stored per-clip rows: "clip/zeros/32", "clip/mean/64", ...
QString clipExplanationKind(ml::explain::BaselineKind baseline, int steps);

struct ExplainRequest {
    qint64 modelId = 0;     // 0: the active model
    QList<qint64> clipIds;  // the clips to explain; empty: those of `split`
    QString split;          // with no clipIds: "train", "valid", "test", or empty for every clip
    // The train split's mean by default: models see standardised features, so the mean is where
    // "no evidence" sits; zeros lie off the data (and on the demo project the mean baseline's
    // attributions match the generator's dominant modality far more often).
    ml::explain::BaselineKind baseline = ml::explain::BaselineKind::Mean;
    int steps = 32;         // integrated-gradient steps
    bool reuseStored = true;  // false: compute everything again (and store it)
};

struct ClipExplanation {
    qint64 clipId = 0;
    QString name;   // "<video_id>/<clip_id>"
    QString split;
    std::array<std::optional<double>, 4> labels;  // M, T, A, V of the dataset's annotator
    ml::explain::ShapleyResult shapley;
    ml::explain::SaliencyResult saliency;
    // Clip time (seconds) of each saliency step, per modality (same lengths as saliency.steps),
    // and for text the token each step is (empty strings where unknown).
    std::array<std::vector<double>, ml::kModalityCount> stepSeconds;
    QStringList textTokens;
    std::optional<ml::explain::KanClipView> kan;  // KAN-based models only
    std::optional<ml::explain::ClipMask> mask;    // models with causal masks only
    bool reused = false;                          // read from the project, not computed now
    // The clip against the model's input envelope, checked on every call (never stored); empty
    // when the model has none (a file from before envelopes, an imported model).
    std::optional<ml::EnvelopeVerdict> envelope;
};

struct ExplanationSet {
    qint64 modelId = 0;
    QString modelName, architecture;
    ml::explain::BaselineKind baseline = ml::explain::BaselineKind::Mean;
    int steps = 32;
    QList<ClipExplanation> clips;   // in the order asked for
    // The dataset view over every clip of the project (an even sample of 512 in larger projects):
    ml::explain::KanCurves kan;     // the model's KAN with the dataset's operating points
    ml::explain::CausalMasks masks; // mean mask and variance, backdoor shift (clips' masks: in `clips`)
    int computed = 0, reused = 0;   // clips computed now / read from the project
    bool hasEnvelope = false;       // the model file carries an input envelope
    QString labelScale;             // the project's ("mosi", "sims"): predictions are clipped to it
};

// Throws sl::Error when the project has no features or no such model, a clip id is unknown, or
// the model does not fit the project's features.
ExplanationSet explainClips(store::Project &project, const ExplainRequest &request);

// --- Dataset level -----------------------------------------------------------------------------

struct ContributionStats {
    int count = 0;
    double mean = 0, stddev = 0, min = 0, max = 0, meanAbs = 0;
};

struct ContributionGroup {
    QString split;  // "" for all splits together
    QString labelClass;  // "negative" (M < 0), "neutral" (M = 0), "positive", "unlabelled", or "" for all
    std::array<ContributionStats, ml::kModalityCount> phi;
};

struct Disagreement {
    qint64 clipId = 0;
    QString name;
    std::array<double, ml::kModalityCount> phi{};
    double spread = 0;      // max phi - min phi
    bool signsDiffer = false;  // some contribution pushes up and another down (each >= 10% of the largest)
};

struct ExplanationSummary {
    QList<ContributionGroup> groups;    // per split x class, per split, and overall
    QList<Disagreement> disagreements;  // most first: signs differ first, then by spread
};

ExplanationSummary summarize(const ExplanationSet &set, int topDisagreements = 10);

// --- Ground truth of generated projects --------------------------------------------------------

// Among clips where one modality's term in M = wT*T + wA*A + wV*V outweighs the other two terms
// together (|w_m y_m| > sum of the others), how often the largest |Shapley value| is on it.
struct DominanceCheck {
    int clips = 0;    // clips with a dominant modality
    int matches = 0;  // of those, clips where argmax |phi| is that modality
    std::array<std::array<int, ml::kModalityCount>, ml::kModalityCount> confusion{};  // [dominant][argmax]
    double accuracy() const { return clips ? double(matches) / clips : 0.0; }
};

DominanceCheck checkDominance(const ExplanationSet &set, const std::array<double, ml::kModalityCount> &labelWeights);

// --- JSON (the stored payload and the CLI's output) -------------------------------------------

QJsonObject toJson(const ClipExplanation &clip);
// Throws sl::Error naming `what` when the object is not a clip explanation.
ClipExplanation clipExplanationFromJson(const QJsonObject &object, const QString &what);
QJsonObject toJson(const ml::explain::KanCurves &kan);
QJsonObject toJson(const ml::explain::CausalMasks &masks);  // dataset part only (not per clip)
QJsonObject toJson(const ExplanationSummary &summary);
QJsonObject toJson(const DominanceCheck &check);

}  // namespace sl::training
