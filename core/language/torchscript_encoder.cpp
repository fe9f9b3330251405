// LibTorch comes before any Qt header: Qt's `slots` macro breaks LibTorch's headers.
#include <c10/core/InferenceMode.h>
#include <torch/types.h>
#include <torch/csrc/jit/api/module.h>
#include <torch/csrc/jit/serialization/import.h>

#include "core/language/torchscript_encoder.h"

#include "core/common/error.h"
#include "core/language/wordpiece.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <algorithm>

namespace sl::language {

// What every encoder made from one choice shares: the vocabulary and the loaded module. Inference
// on a TorchScript module does not change it, so worker threads can call it at the same time.
struct SharedModel {
    QString file;
    std::unique_ptr<WordPieceTokenizer> tokenizer;
    torch::jit::Module module;
    std::size_t inputs = 1;  // how many of input_ids, attention_mask, token_type_ids forward takes
    int cls = 0, sep = 0;
    int maxPieces = 512;
};

namespace {

int requiredPiece(const WordPieceVocab &vocab, const QString &piece, const QString &vocabFile)
{
    const int id = vocab.id(piece);
    if (id < 0)
        throw Error(QStringLiteral("%1: the vocabulary has no %2 piece, which BERT-style encoders need").arg(vocabFile, piece));
    return id;
}

// Runs the module on one window of ids and returns its hidden states as [n, d]. Segment ids are
// all 0 (one sentence) unless given.
torch::Tensor hiddenStates(SharedModel &model, const std::vector<std::int64_t> &ids,
                           const std::vector<std::int64_t> &segments = {})
{
    const auto n = std::int64_t(ids.size());
    const torch::Tensor input = torch::tensor(ids, torch::kLong).view({1, n});
    std::vector<torch::jit::IValue> args{input};
    if (model.inputs >= 2)
        args.emplace_back(torch::ones({1, n}, torch::kLong));
    if (model.inputs >= 3)
        args.emplace_back(segments.size() == ids.size() ? torch::tensor(segments, torch::kLong).view({1, n})
                                                        : torch::zeros({1, n}, torch::kLong));
    torch::jit::IValue output;
    try {
        output = model.module.forward(args);
    } catch (const std::exception &error) {
        throw Error(QStringLiteral("%1: the text encoder failed: %2")
                        .arg(model.file, QString::fromUtf8(error.what()).section(QStringLiteral("Exception raised from"), 0, 0).trimmed()));
    }
    if (output.isTuple() && !output.toTupleRef().elements().empty())
        output = output.toTupleRef().elements()[0];
    else if (output.isGenericDict() && output.toGenericDict().contains(std::string("last_hidden_state")))
        output = output.toGenericDict().at(std::string("last_hidden_state"));
    if (!output.isTensor())
        throw Error(QStringLiteral("%1: the text encoder returned no tensor of hidden states").arg(model.file));
    torch::Tensor hidden = output.toTensor().to(torch::kFloat);
    if (hidden.dim() == 3 && hidden.size(0) == 1)
        hidden = hidden[0];
    if (hidden.dim() != 2 || hidden.size(0) != n)
        throw Error(QStringLiteral("%1: the text encoder returned shape %2 for %3 pieces (expected [1, %3, d])")
                        .arg(model.file, QString::fromStdString(c10::str(hidden.sizes()))).arg(n));
    // NaN or infinite hidden states would be stored as features and poison every model trained
    // on them.
    if (!torch::isfinite(hidden).all().item<bool>())
        throw Error(QStringLiteral("%1: the text encoder returned NaN or infinite hidden states").arg(model.file));
    return hidden.contiguous();
}

class TorchScriptEncoder : public TokenEncoder {
public:
    TorchScriptEncoder(std::shared_ptr<SharedModel> model, int dims) : m_model(std::move(model)), m_dims(dims) {}

    int dims() const override { return m_dims; }

    std::vector<float> encode(const QStringList &tokens) override
    {
        c10::InferenceMode inference;
        const WordPieceEncoding encoding = m_model->tokenizer->encode(tokens);
        torch::Tensor sums = torch::zeros({std::int64_t(tokens.size()), m_dims});
        torch::Tensor counts = torch::zeros({std::int64_t(tokens.size()), 1});
        // Long transcripts are cut into windows the model accepts, each wrapped in [CLS] ... [SEP].
        const std::size_t window = std::size_t(std::max(1, m_model->maxPieces - 2));
        for (std::size_t begin = 0; begin < encoding.ids.size(); begin += window) {
            const std::size_t end = std::min(encoding.ids.size(), begin + window);
            std::vector<std::int64_t> ids{m_model->cls};
            ids.insert(ids.end(), encoding.ids.begin() + std::ptrdiff_t(begin), encoding.ids.begin() + std::ptrdiff_t(end));
            ids.push_back(m_model->sep);
            const torch::Tensor hidden = hiddenStates(*m_model, ids);
            const std::vector<std::int64_t> words(encoding.wordIndex.begin() + std::ptrdiff_t(begin),
                                                  encoding.wordIndex.begin() + std::ptrdiff_t(end));
            const torch::Tensor index = torch::tensor(words, torch::kLong);
            sums.index_add_(0, index, hidden.slice(0, 1, std::int64_t(end - begin) + 1));
            counts.index_add_(0, index, torch::ones({std::int64_t(words.size()), 1}));
        }
        const torch::Tensor means = (sums / counts.clamp_min(1)).contiguous();
        return std::vector<float>(means.data_ptr<float>(), means.data_ptr<float>() + means.numel());
    }

private:
    std::shared_ptr<SharedModel> m_model;
    int m_dims;
};

QString describeFile(const QString &path)
{
    const QFileInfo info(path);
    return QStringLiteral("%1 (%2 bytes, %3)")
        .arg(info.absoluteFilePath())
        .arg(info.size())
        .arg(info.lastModified().toUTC().toString(Qt::ISODate));
}

// Loads the TorchScript module of `modelFile` into `model` and learns how many of input_ids,
// attention_mask and token_type_ids its forward takes.
void loadModule(SharedModel &model, const QString &modelFile)
{
    if (!QFileInfo(modelFile).isFile())
        throw Error(QStringLiteral("%1: no such text encoder file").arg(modelFile));
    try {
        model.module = torch::jit::load(QFile::encodeName(modelFile).toStdString(), torch::Device(torch::kCPU));
    } catch (const std::exception &error) {
        throw Error(QStringLiteral("%1: not a TorchScript module that LibTorch can load: %2")
                        .arg(modelFile, QString::fromUtf8(error.what()).section(QLatin1Char('\n'), 0, 0)));
    }
    model.module.eval();
    // A loadable archive without forward() (a SentiLens .slmodel, a bare module) is refused here;
    // LibTorch's own error would have ended the program.
    const auto forward = model.module.find_method("forward");
    if (!forward)
        throw Error(QStringLiteral("%1: not a text encoder (the TorchScript module has no forward() method)").arg(modelFile));
    const std::size_t arguments = forward->function().getSchema().arguments().size();
    model.inputs = std::clamp<std::size_t>(arguments > 0 ? arguments - 1 : 1, 1, 3);  // the first is `self`

}

}  // namespace

EncoderChoice torchScriptEncoder(const QString &modelFile, const QString &vocabFile, const TorchScriptEncoderOptions &options)
{
    auto model = std::make_shared<SharedModel>();
    model->file = modelFile;
    WordPieceOptions pieceOptions;
    pieceOptions.lowerCase = options.lowerCase;
    model->tokenizer = std::make_unique<WordPieceTokenizer>(WordPieceVocab::load(vocabFile), pieceOptions);
    const WordPieceVocab &vocab = model->tokenizer->vocab();
    requiredPiece(vocab, pieceOptions.unknown, vocabFile);
    model->cls = requiredPiece(vocab, QStringLiteral("[CLS]"), vocabFile);
    model->sep = requiredPiece(vocab, QStringLiteral("[SEP]"), vocabFile);
    model->maxPieces = options.maxPieces;
    loadModule(*model, modelFile);
    c10::InferenceMode inference;
    const int dims = int(hiddenStates(*model, {model->cls, model->sep}).size(1));
    EncoderChoice choice;
    choice.description = QStringLiteral("torchscript %1, vocab %2, %3")
                             .arg(describeFile(modelFile), describeFile(vocabFile),
                                  options.lowerCase ? QStringLiteral("uncased") : QStringLiteral("cased"));
    choice.dims = dims;
    choice.make = [model, dims] { return std::make_unique<TorchScriptEncoder>(model, dims); };
    return choice;
}

TokenIdEncoder::TokenIdEncoder(const QString &modelFile) : m_model(std::make_shared<SharedModel>())
{
    m_model->file = modelFile;
    loadModule(*m_model, modelFile);
    c10::InferenceMode inference;
    // Two ids of 0 ([PAD] in BERT's vocabularies; any id the embedding holds would do) to learn
    // the width.
    m_dims = int(hiddenStates(*m_model, {0, 0}).size(1));
}

std::vector<float> TokenIdEncoder::encode(const std::vector<std::int64_t> &ids, const std::vector<std::int64_t> &segments) const
{
    if (ids.empty())
        return {};
    c10::InferenceMode inference;
    const torch::Tensor hidden = hiddenStates(*m_model, ids, segments);
    return std::vector<float>(hidden.data_ptr<float>(), hidden.data_ptr<float>() + hidden.numel());
}

}  // namespace sl::language
