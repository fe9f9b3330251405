#pragma once
// A text encoder given by the user as a TorchScript file (e.g. BERT exported from PyTorch with
// torch.jit.trace) plus the BERT vocab.txt it was trained with. Lives in its own library,
// sentilens_language_encoder, so that only code that offers this option links LibTorch.
//
// The module's forward takes input_ids, and optionally attention_mask and token_type_ids (by
// position, int64 tensors of shape [1, n]), and returns hidden states [1, n, d] (or [n, d]): as a
// tensor, as the first element of a tuple, or under "last_hidden_state" in a dict. Each token's
// embedding is the mean of the hidden states of its WordPiece pieces; [CLS] and [SEP] wrap every
// window of at most maxPieces pieces.
#include "core/language/token_encoder.h"

#include <cstdint>
#include <memory>
#include <vector>

namespace sl::language {

struct TorchScriptEncoderOptions {
    bool lowerCase = true;  // uncased vocabularies; set false for cased models
    int maxPieces = 512;    // the model's longest input, [CLS] and [SEP] included
};

// Loads the vocabulary and the module once, runs it on a two-piece input to learn its width, and
// returns how to make encoders that share the loaded module. Throws sl::Error naming the file
// when either cannot be read, the vocabulary lacks [UNK], [CLS] or [SEP], or the module does not
// produce hidden states as described above.
EncoderChoice torchScriptEncoder(const QString &modelFile, const QString &vocabFile,
                                 const TorchScriptEncoderOptions &options = {});

struct SharedModel;

// The same kind of module run on token ids that come tokenised already: an MMSA pickle's
// `text_bert` (ids, attention mask and segment ids per step, made by the dataset's own BERT
// tokeniser), so that a researcher's BERT gives the features the papers computed, from the very
// ids they used. No vocabulary is needed. The constructor throws sl::Error naming the file as
// torchScriptEncoder does.
class TokenIdEncoder {
public:
    explicit TokenIdEncoder(const QString &modelFile);
    int dims() const { return m_dims; }
    // Hidden states [n, dims] row-major of n ids (one window; the segment ids may be empty: all 0).
    // Throws sl::Error naming the file when the module fails or returns NaN or another shape.
    std::vector<float> encode(const std::vector<std::int64_t> &ids, const std::vector<std::int64_t> &segments) const;

private:
    std::shared_ptr<SharedModel> m_model;
    int m_dims = 0;
};

}  // namespace sl::language
