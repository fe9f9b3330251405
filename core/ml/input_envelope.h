#pragma once
// The envelope of a model's training inputs, per modality: where the clips it learned from lie, so
// that a prediction for a clip far outside can say so ("outside the training data (A, V)") instead
// of passing off an extrapolation (a KAN-MCP model trained on the demo predicted -10 for real
// clips) as a judgement. Free of LibTorch, so the store and the views can read it; the fitting on
// tensors is in envelope_fitting.h.
//
// The statistic: every clip's features of a modality are pooled over its valid frames into the
// per-dim mean and the per-dim standard deviation over time (2 x dims numbers; the second half
// catches inputs whose level is right but whose frame-to-frame variation is not, such as noise).
// Each pooled number is standardised with the training split's mean and spread of it, and the
// clip's distance is the root mean square of these z-values: a Mahalanobis distance with a
// diagonal covariance, divided by the square root of the number of pooled values so that it reads
// the same for 2 dims and for 768 (about 1 for a typical training clip). The diagonal form needs
// only 2 x dims numbers per modality in the model file and stays well defined with fewer training
// clips than dims, where a full covariance cannot be estimated.
//
// The threshold: the distances of the training and validation clips together are sorted and the
// threshold is the smallest value that at most a share `falseAlarmTarget` (1%) of them exceed (the
// ceil((1 - target) * n)-th smallest distance; with fewer than 1 / target clips that is the
// largest). Why both splits: a training clip flagged as outside its own training data would
// contradict the flag, and the validation split alone is too small to place a 1% tail (15 clips in
// the demo: its largest distance is about the 94th percentile of such clips). The validation clips
// keep the threshold honest: the centre and spread never saw them. A clip is outside for a
// modality when its distance is above the threshold; the test split and fresh clips measure the
// false-alarm rate independently (README, "Knowing when a clip is beyond a model").
#include "core/ml/json.h"
#include "core/ml/modality.h"

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace sl::ml {

struct ModalityEnvelope {
    std::vector<double> centre;  // 2 x dims: training mean of each pooled number
    std::vector<double> spread;  // 2 x dims: its training standard deviation, floored (> 0)
    double threshold = 0;        // distances above it are outside
    int trainClips = 0;          // clips the centre and spread come from
    int calibrationClips = 0;    // clips the threshold comes from (training and validation)
    int calibrationFlagged = 0;  // of those, how many lie above the threshold

    // The distance of one clip's pooled numbers (size 2 x dims); throws std::invalid_argument on
    // a size mismatch.
    double distance(const std::vector<double> &pooled) const;
};

struct InputEnvelope {
    std::array<std::optional<ModalityEnvelope>, kModalityCount> modalities;  // empty: no such input
    double falseAlarmTarget = 0.01;
    std::string calibrationSplit = "train+valid";  // "train" when the project had no validation clips

    Json toJson() const;
    static InputEnvelope fromJson(const Json &json);  // throws JsonError
};

// One clip against an envelope.
struct EnvelopeVerdict {
    std::array<std::optional<double>, kModalityCount> distance;   // empty: modality absent for it
    std::array<std::optional<double>, kModalityCount> threshold;  // the envelope's, where assessed
    std::array<bool, kModalityCount> outside{};

    bool anyOutside() const;
    // "A, V": the outside modalities' letters (T, A, V) joined by ", "; empty when none.
    std::string outsideCodes() const;
};

// The threshold at which at most `falseAlarmTarget` of `distances` lie above: the
// ceil((1 - target) * n)-th smallest (1-based). Throws std::invalid_argument when empty.
double calibratedThreshold(std::vector<double> distances, double falseAlarmTarget);

// The modality letter used in flags: "T", "A", "V".
std::string modalityCode(Modality m);

}  // namespace sl::ml
