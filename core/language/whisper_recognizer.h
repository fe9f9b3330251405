#pragma once
// Speech recognition with Whisper (whisper.cpp, built from npm nodejs-whisper's source tree; see
// cmake/SentiLensWhisper.cmake) and a ggml model file that the user supplies: English, Mandarin
// and the other languages the model was trained on, with a time and a probability for every word
// (whisper.cpp's token-level timestamps) and the language it heard.
#include "core/language/recognition.h"
#include "core/language/whisper_model_file.h"

#include <memory>

struct whisper_context;

namespace sl::language {

class WhisperRecognizer : public Recognizer {
public:
    // Checks the file (whisper_model_file.h) and the processor, then loads the model. Throws
    // sl::Error naming the file for a file that is not a usable model, or when whisper.cpp refuses it.
    explicit WhisperRecognizer(const QString &modelFile);
    ~WhisperRecognizer() override;
    WhisperRecognizer(const WhisperRecognizer &) = delete;
    WhisperRecognizer &operator=(const WhisperRecognizer &) = delete;

    // With `language` empty the model tells the language (multilingual models) and reports it.
    Recognition recognize(std::span<const float> samples, const QString &language) override;

    const WhisperModelInfo &info() const { return m_info; }

private:
    QString m_file;
    WhisperModelInfo m_info;
    whisper_context *m_context = nullptr;
};

// Whether a model of this kind recognises `language` (ISO 639-1): an English-only model only "en",
// a multilingual one every language of Whisper's list that its vocabulary has a token for.
bool whisperSupportsLanguage(const WhisperModelInfo &model, const QString &language);

}  // namespace sl::language
