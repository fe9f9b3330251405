#pragma once
// What a model expects of its input features, per modality: the feature dim and which extractor
// (name and version, free-form strings) produced them. A model file carries its contract; the
// project's features have one too, and a model is only run on features whose contract agrees.
// Free of LibTorch.
#include "core/ml/json.h"
#include "core/ml/modality.h"

#include <array>
#include <cstdint>
#include <string>

namespace sl::ml {

struct ModalityContract {
    std::int64_t dim = 0;
    std::string extractor;  // e.g. "opensmile-egemaps"; empty: unknown, matches any
    std::string version;    // e.g. "2.3"; empty: unknown, matches any
};

struct FeatureContract {
    std::array<ModalityContract, kModalityCount> modalities;

    ModalityContract &operator[](Modality m) { return modalities[index(m)]; }
    const ModalityContract &operator[](Modality m) const { return modalities[index(m)]; }
    std::array<std::int64_t, kModalityCount> dims() const;

    // "text 768 (bert-base-uncased 1), audio 74 (covarep), visual 47 (facet 2)"
    std::string describe() const;

    Json toJson() const;
    static FeatureContract fromJson(const Json &json);  // throws JsonError
};

// Empty when `model` can run on features described by `project`; otherwise a message naming
// both contracts and what differs: any dim, or an extractor name or version that both sides
// state and that differ.
std::string contractMismatch(const FeatureContract &model, const FeatureContract &project);

}  // namespace sl::ml
