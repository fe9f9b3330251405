#include "core/ml/feature_contract.h"

namespace sl::ml {

namespace {
bool differ(const std::string &a, const std::string &b)
{
    return !a.empty() && !b.empty() && a != b;
}
}  // namespace

std::array<std::int64_t, kModalityCount> FeatureContract::dims() const
{
    return {modalities[0].dim, modalities[1].dim, modalities[2].dim};
}

std::string FeatureContract::describe() const
{
    std::string text;
    for (Modality m : kModalities) {
        const ModalityContract &c = (*this)[m];
        text += (text.empty() ? "" : ", ") + modalityName(m) + " " + std::to_string(c.dim);
        if (!c.extractor.empty())
            text += " (" + c.extractor + (c.version.empty() ? "" : " " + c.version) + ")";
    }
    return text;
}

Json FeatureContract::toJson() const
{
    JsonObject object;
    for (Modality m : kModalities) {
        const ModalityContract &c = (*this)[m];
        object[modalityName(m)] = Json(JsonObject{{"dim", Json(c.dim)},
                                                  {"extractor", Json(c.extractor)},
                                                  {"version", Json(c.version)}});
    }
    return Json(object);
}

FeatureContract FeatureContract::fromJson(const Json &json)
{
    FeatureContract contract;
    for (Modality m : kModalities) {
        const Json &entry = json.at(modalityName(m));
        ModalityContract &c = contract[m];
        c.dim = entry.at("dim").toInteger();
        c.extractor = entry.value("extractor", Json("")).toString();
        c.version = entry.value("version", Json("")).toString();
    }
    return contract;
}

std::string contractMismatch(const FeatureContract &model, const FeatureContract &project)
{
    std::string differences;
    for (Modality m : kModalities) {
        const ModalityContract &a = model[m];
        const ModalityContract &b = project[m];
        std::string what;
        if (a.dim != b.dim)
            what = "dim " + std::to_string(a.dim) + " vs " + std::to_string(b.dim);
        else if (differ(a.extractor, b.extractor) || differ(a.version, b.version))
            what = "extractor " + a.extractor + " " + a.version + " vs " + b.extractor + " " +
                   b.version;
        if (!what.empty())
            differences += (differences.empty() ? "" : "; ") + modalityName(m) + " " + what;
    }
    if (differences.empty())
        return {};
    return "the model expects features " + model.describe() + ", but the project has " +
           project.describe() + " (" + differences + ")";
}

}  // namespace sl::ml
