#pragma once
// Text features from a dataset's own BERT token ids. An MMSA feature pickle may carry
// `text_bert` (token ids, attention mask and segment ids per step, from the tokeniser the papers
// used); the import keeps them as a T feature set. Running a researcher's TorchScript BERT on
// exactly those ids gives the text features the papers trained on, without a vocabulary and
// without re-tokenising `raw_text` (which would give other pieces and other lengths).
#include <QString>
#include <atomic>
#include <functional>

namespace sl::store {
class Project;
}

namespace sl::jobs {

struct TokenIdEncodingReport {
    int clips = 0;        // clips encoded
    int dims = 0;         // width of the model's hidden states
    QString featureSet;   // the new T feature set, now the project's current one
    QString tokenIdSet;   // the imported token-id set it was made from
};

// Encodes every clip of the project's token-id set (the one an MMSA import made from
// `text_bert`) with the TorchScript module `modelFile` and stores the hidden states, one row per
// valid token, as a new T feature set that becomes the current text features. All or nothing:
// any failure (no token ids in the project, a module that does not load or fails, ids that are
// not whole numbers) throws sl::Error naming the file and the problem, and the project is left
// as it was. `progress(done, total)` is called after every clip; a set `cancel` throws too.
TokenIdEncodingReport encodeTokenIds(store::Project &project, const QString &modelFile,
                                     const std::function<void(int done, int total)> &progress = {},
                                     const std::atomic_bool *cancel = nullptr);

}  // namespace sl::jobs
