#pragma once
// A tiny TorchScript "text encoder" for tests: each WordPiece id's hidden state is row k of a
// table, (k, 10k, 1), so the embeddings a test expects are known exactly. LibTorch headers: include
// this before any Qt header.
#include <torch/csrc/jit/api/module.h>
#include <torch/types.h>

#include <QTemporaryDir>
#include <string>

namespace sl::test {

// ids:                               0     1     2     3     4     5   6      7
inline const char *const kTinyVocab = "[PAD]\n[UNK]\n[CLS]\n[SEP]\nhello\nrun\n##ning\n!\n";

inline torch::Tensor tinyEncoderTable()
{
    const torch::Tensor k = torch::arange(8, torch::kFloat).unsqueeze(1);
    return torch::cat({k, 10 * k, torch::ones({8, 1})}, 1);
}

// Saves a module whose forward is `source` (TorchScript, may use self.table) and returns its path.
inline std::string saveTinyEncoder(const QTemporaryDir &dir, const char *name, const std::string &source)
{
    torch::jit::Module m("TinyEncoder");
    m.register_parameter("table", tinyEncoderTable(), false);
    m.define(source);
    const std::string path = dir.filePath(QString::fromLatin1(name)).toStdString();
    m.save(path);
    return path;
}

// The simplest forward: the table rows of the ids, as (1, n, 3) hidden states.
inline const char *const kTinyEncoderForward = R"JIT(
def forward(self, input_ids):
    return self.table.index_select(0, input_ids.view(-1)).unsqueeze(0)
)JIT";

}  // namespace sl::test
