#pragma once
// What the explanation and dataset plots draw, as plain Qt data: filled from the core's
// explanations (explanation_plot_data.h) and drawn by the plot functions of this folder, by the
// GUI's docks and by `sentilens-cli explain --plots` alike. No LibTorch, no SQL.
#include "ui/plots/modality_palette.h"

#include <QColor>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVector>

#include <array>
#include <optional>

namespace sl::plots {

QString modalityCode(int modality);    // "T", "A", "V"; colours: modality_palette.h

// Per-modality Shapley values of one clip beside the model's unimodal predictions and the labels.
struct ContributionData {
    std::array<double, kModalities> phi{};
    double fNone = 0, fAll = 0;
    std::array<double, kModalities> unimodal{};           // NaN: the architecture has no head
    std::array<std::optional<double>, 4> labels;           // M, T, A, V (human)
    QString labelSource;  // whose those human labels are ("dataset: import"); empty: not known
    // Where the clip lies outside the model's training data: "A, V" (empty: inside, or the model
    // has no envelope), and f(all) clipped to the label scale where clipping changed it.
    QString outside;
    std::optional<double> reported;
};

// Integrated-gradient attributions of one clip on its own time axis.
struct SaliencyData {
    std::array<QVector<double>, kModalities> seconds, values;
    QStringList words;            // the text steps' tokens (empty strings where unknown)
    QVector<double> wordWeights;  // their attributions, same length as words
    double completenessError = 0;
    double relativeError = 0;     // completeness error relative to |f(x) - f(baseline)|
    int steps = 0;                // integration steps used for this clip
    bool reliable = true;         // relative error within the 5% tolerance
};

struct KanEdgeData {
    QString inputName, outputName;
    int layer = 0;
    QVector<double> x, base, spline, total;  // the sampled function and its parts
    QVector<double> datasetX, datasetY;      // where the dataset lies on it
    double importance = 0;                   // pykan's edge score
    std::optional<double> clipX, clipY;      // the selected clip's operating point
    // The spline's grid on the input (first and last knot): outside it the edge is its base alone,
    // so operating points there are drawn as such. Empty where unknown.
    std::optional<double> supportLow, supportHigh;
};

// Whether x lies outside the edge's spline grid (false when the grid is unknown).
bool outsideGrid(const KanEdgeData &edge, double x);

struct KanData {
    bool available = false;
    QString reason;
    QList<KanEdgeData> edges;  // layer-major, as the core orders them
};

// One clip's row of the dataset's causal-mask heat map.
struct MaskRow {
    qint64 clipId = 0;
    QString name;
    std::optional<double> label;  // M
    double prediction = 0;
    QVector<double> mask;
};

struct MaskData {
    bool available = false;
    QString reason;
    QVector<double> mask, causal, shortcut;            // the selected clip, per fused dim
    std::array<double, kModalities> modalityShare{};   // share of the mask mass per modality
};

// Everything the per-clip views draw for one clip.
struct ClipPlots {
    qint64 clipId = 0;
    QString name;
    QString split;  // train, valid or test: what the model saw of this clip
    QString model;  // "model 3 (name)": whose explanation this is (modelCaption)
    ContributionData contributions;
    SaliencyData saliency;
    KanData kan;
    MaskData mask;
};

// One clip in the dataset views.
struct DatasetPoint {
    qint64 clipId = 0;
    QString name, split;
    std::optional<double> label;  // M
    double prediction = 0;        // f(all)
    std::array<double, kModalities> phi{};
    QVector<double> mask;          // empty for models without a causal mask
};

// One stored metric of a model (the registry's numbers), for the metric table.
struct MetricRow {
    qint64 modelId = 0;
    QString model, split, target, metric;
    double value = 0;
};

struct DatasetPlots {
    QList<DatasetPoint> points;
    double labelMin = -3, labelMax = 3;  // the project's scale
    bool simsClasses = false;            // CH-SIMS: classes on [-1, 1]
    QList<MetricRow> metrics;            // every model of the project, every split and target
    QString model;                       // whose predictions the points are (modelCaption)
};

// "model 3 (late-fusion-20261206)": the caption each explanation view carries, so a plot never
// leaves open which model it explains.
QString modelCaption(qint64 modelId, const QString &modelName);
// "train 8, valid 2, test 2": how many of the points come from each split.
QString splitCounts(const DatasetPlots &data);

}  // namespace sl::plots
