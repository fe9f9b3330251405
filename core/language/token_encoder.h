#pragma once
// A learned text encoder (BERT-like) that turns the tokens of a transcript into one embedding per
// token. The interface lives here so the feature code needs no LibTorch; the TorchScript
// implementation is in torchscript_encoder.h (library sentilens_language_encoder).
#include <QString>
#include <QStringList>
#include <functional>
#include <memory>
#include <vector>

namespace sl::language {

class TokenEncoder {
public:
    virtual ~TokenEncoder() = default;
    virtual int dims() const = 0;
    // tokens.size() x dims() values, row-major, in token order. Throws sl::Error.
    virtual std::vector<float> encode(const QStringList &tokens) = 0;
};

// An encoder as configured by the user: a description that identifies it (files, sizes, times)
// for the feature set's configuration hash, its width, and how to make one instance per thread.
struct EncoderChoice {
    QString description;
    int dims = 0;
    std::function<std::unique_ptr<TokenEncoder>()> make;

    bool enabled() const { return bool(make); }
};

}  // namespace sl::language
