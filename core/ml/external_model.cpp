#include "core/ml/external_model.h"

#include <c10/util/Exception.h>

#include <stdexcept>

namespace sl::ml {

namespace {

Modality modalityNamed(const std::string &name)
{
    for (Modality m : kModalities)
        if (modalityName(m) == name)
            return m;
    throw JsonError("unknown modality '" + name + "' in the model description");
}

std::string keyText(const Json &key)
{
    return key.isNumber() ? std::to_string(key.toInteger()) : key.toString();
}

class ExternalModel : public SentimentModel {
public:
    ExternalModel(torch::jit::Module module, ExternalDescription description,
                  const torch::Device &device)
        : SentimentModel("external:" + description.name, configOf(description)),
          module_(std::move(module)), description_(std::move(description)), device_(device)
    {
        module_.eval();
    }

    bool trainable() const override { return false; }
    torch::Device device() const override { return device_; }

protected:
    ModelOutput run(const PreparedBatch &batch, BottleneckMode) override
    {
        std::vector<c10::IValue> inputs;
        for (const auto &[modality, isLengths] : description_.inputs)
            inputs.emplace_back(isLengths ? batch[modality].lengths : batch[modality].features);
        c10::IValue result;
        try {
            result = module_.forward(inputs);
        } catch (const c10::Error &error) {
            throw std::runtime_error("external model '" + description_.name +
                                     "' failed: " + error.what_without_backtrace());
        }
        ModelOutput out;
        out.prediction = pick(result, description_.multimodal).reshape({batch.size});
        for (const auto &[modality, key] : description_.unimodal)
            out.unimodal[index(modality)] = pick(result, key).reshape({batch.size});
        for (const auto &[name, key] : description_.internals)
            out.internals[name] = pick(result, key);
        return out;
    }

private:
    static ModelConfig configOf(const ExternalDescription &description)
    {
        ModelConfig config;
        config.dims = description.contract.dims();
        return config;
    }

    torch::Tensor pick(const c10::IValue &result, const std::string &key) const
    {
        const std::string where = "external model '" + description_.name + "': ";
        if (description_.container == "tensor") {
            if (!result.isTensor())
                throw std::runtime_error(where + "forward() did not return a tensor");
            return result.toTensor();
        }
        if (description_.container == "tuple") {
            if (!result.isTuple())
                throw std::runtime_error(where + "forward() did not return a tuple");
            const auto &elements = result.toTupleRef().elements();
            const std::size_t position = std::stoul(key);
            if (position >= elements.size() || !elements[position].isTensor())
                throw std::runtime_error(where + "no tensor at tuple position " + key);
            return elements[position].toTensor();
        }
        if (!result.isGenericDict())
            throw std::runtime_error(where + "forward() did not return a dict");
        const c10::impl::GenericDict dict = result.toGenericDict();
        const auto it = dict.find(c10::IValue(key));
        if (it == dict.end() || !it->value().isTensor())
            throw std::runtime_error(where + "no tensor under key '" + key + "'");
        return it->value().toTensor();
    }

    torch::jit::Module module_;
    ExternalDescription description_;
    torch::Device device_;
};

}  // namespace

ExternalDescription ExternalDescription::fromJson(const Json &json)
{
    if (json.value("format", Json("")) != Json(kExternalFormat))
        throw JsonError("not a SentiLens external-model description");
    ExternalDescription d;
    d.name = json.at("name").toString();
    d.contract = FeatureContract::fromJson(json.at("contract"));
    d.labelScale = json.value("label_scale", Json("mosi")).toString();
    for (const Json &input : json.at("inputs").toArray()) {
        std::string name = input.toString();
        const bool lengths = name.size() > 8 && name.substr(name.size() - 8) == "_lengths";
        if (lengths)
            name.resize(name.size() - 8);
        d.inputs.emplace_back(modalityNamed(name), lengths);
    }
    const Json &outputs = json.at("outputs");
    d.container = outputs.at("container").toString();
    if (d.container != "tensor" && d.container != "tuple" && d.container != "dict")
        throw JsonError("outputs.container must be tensor, tuple or dict");
    d.multimodal = d.container == "tensor" ? "" : keyText(outputs.at("multimodal"));
    const Json unimodal = outputs.value("unimodal", Json(JsonObject{}));
    for (const auto &[name, key] : unimodal.toObject())
        d.unimodal[modalityNamed(name)] = keyText(key);
    const Json internals = outputs.value("internals", Json(JsonObject{}));
    for (const auto &[name, key] : internals.toObject())
        d.internals[name] = keyText(key);
    if (d.container == "tensor" && (!d.unimodal.empty() || !d.internals.empty()))
        throw JsonError("a model returning one tensor has no unimodal outputs or internals");
    return d;
}

std::shared_ptr<SentimentModel> makeExternalModel(torch::jit::Module module,
                                                  const ExternalDescription &description,
                                                  const torch::Device &device)
{
    return std::make_shared<ExternalModel>(std::move(module), description, device);
}

}  // namespace sl::ml
