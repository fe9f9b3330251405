#pragma once
// MMSA's processed-feature pickles (aligned_50.pkl, unaligned_50.pkl, CH-SIMS unaligned_39.pkl,
// MMSA-FET's custom feature files) as checked, typed splits. The layout is described in
// core/io/README.md; every departure from it is refused with the file, split, key and clip.
#include "core/io/pickle_value.h"

#include <QString>
#include <QStringList>
#include <array>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace sl::io {

// The three sequence arrays, in SentiLens' modality order (T, A, V), with MMSA's key names.
inline constexpr const char *kMmsaModalityKeys[] = {"text", "audio", "vision"};
inline constexpr const char *kMmsaModalityCodes[] = {"T", "A", "V"};

struct MmsaModality {
    std::shared_ptr<pickle::NdArray> array;  // clips x steps x dims
    std::vector<int> lengths;                // valid steps per clip, each <= steps
};

struct MmsaSplit {
    QString name;  // train, valid, test
    QStringList videoIds;
    QStringList clipIds;
    QStringList rawText;      // empty strings when the file has none
    QStringList annotations;  // Negative / Neutral / Positive, or empty
    std::array<std::vector<double>, 4> labels;  // M, T, A, V (regression_labels[_T/_A/_V]); empty when absent
    std::array<std::optional<MmsaModality>, 3> modalities;
    std::shared_ptr<pickle::NdArray> textBert;  // clips x 3 x steps (token ids, mask, segment ids), or null

    int size() const { return int(videoIds.size()); }
};

struct MmsaFeatureFile {
    QString path;
    bool aligned = false;       // no *_lengths arrays: every modality takes the text's lengths
    std::array<int, 3> dims{};  // per modality, 0 when the file has none
    std::array<int, 3> steps{};
    std::vector<MmsaSplit> splits;
    pickle::ValuePtr root;  // keeps the arrays (which point into the mapped file) alive

    int clipCount() const;
};

// Reads and checks a feature pickle. Throws sl::Error naming the file and the problem.
MmsaFeatureFile readMmsaFeatureFile(const QString &path, const std::function<void(qint64, qint64)> &progress = {});
// Checks an already read pickle (exposed for tests of the layout rules).
MmsaFeatureFile interpretMmsaFeatures(const pickle::ValuePtr &root, const QString &path);

// The first `frames` steps of clip `clip` as frames x dims float32, row-major; with
// `negativeInfinityToZero` (MMSA's rule for audio) -inf becomes 0.
std::vector<float> clipSteps(const pickle::NdArray &array, std::int64_t clip, int frames, bool negativeInfinityToZero);

}  // namespace sl::io
