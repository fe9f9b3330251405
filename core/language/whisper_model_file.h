#pragma once
// Checking a whisper.cpp model file (the "ggml" layout of whisper.cpp's convert-pt-to-ggml.py:
// magic, hyper-parameters, mel filters, vocabulary, then named tensors) before whisper.cpp sees
// it. whisper.cpp's own loader trusts the file: an unknown weight type or an oversized count makes
// it abort or allocate without bound, and a file with no tensors at all loads as an untrained
// model. Every structural fact the loader relies on is checked here instead, so a bad file is an
// error that names it, never a crash.
#include <QString>
#include <QStringList>

namespace sl::language {

struct WhisperModelInfo {
    int vocabularySize = 0;   // 51864 English-only, 51865 multilingual, 51866 large-v3
    int audioState = 0;       // width of the network: 384 tiny, 512 base, 768 small, ...
    int audioLayers = 0;
    int textLayers = 0;
    int mels = 0;             // 80, or 128 for large-v3
    int tensors = 0;
    QString weightType;       // "f32", "f16", "q5_0", ...
    bool multilingual() const { return vocabularySize >= 51865; }
};

// Reads the whole structure of `file` (the weights are skipped, not read). Throws sl::Error
// "<file>: not a usable whisper.cpp model: <what is wrong>" for a missing or unreadable file, a
// different format (GGUF, PyTorch .pt), a truncated file, impossible sizes, an unknown weight type,
// a missing, duplicated, unknown or misshapen tensor.
WhisperModelInfo checkWhisperModel(const QString &file);

}  // namespace sl::language
