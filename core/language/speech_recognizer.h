#pragma once
// Speech recognition with PocketSphinx (Debian's 0.8 "5prealpha" library and its US English
// model, package pocketsphinx-en-us), with the time of every recognised word.
#include "core/language/recognition.h"

#include <QString>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

namespace sl::language {

struct RecognizerModel {
    QString language;        // ISO 639 code of what the model recognises ("en")
    QString acousticModel;   // folder with mdef, means, variances, ...
    QString languageModel;   // n-gram model (.lm.bin or ARPA)
    QString dictionary;      // pronunciations

    // The model of pocketsphinx-en-us, where that package installs it.
    static RecognizerModel defaultEnglish();
};

class SpeechRecognizer : public Recognizer {
public:
    static constexpr int kSampleRate = 16000;

    // Loads the model (about a second). Throws sl::Error naming the missing file or folder when the
    // model is not installed, or when PocketSphinx refuses it.
    explicit SpeechRecognizer(const RecognizerModel &model = RecognizerModel::defaultEnglish());
    ~SpeechRecognizer() override;
    SpeechRecognizer(const SpeechRecognizer &) = delete;
    SpeechRecognizer &operator=(const SpeechRecognizer &) = delete;

    // Recognises one utterance of 16 kHz mono 16-bit samples. Throws sl::Error when decoding fails.
    Recognition recognize(std::span<const std::int16_t> samples);
    // The same for float samples; `language` is not used (the model has one).
    Recognition recognize(std::span<const float> samples, const QString &language) override;

    // 16-bit samples from floats in [-1, 1] (values outside are clipped), as PocketSphinx wants them.
    static std::vector<std::int16_t> toPcm16(std::span<const float> samples);

private:
    struct Decoder;
    std::unique_ptr<Decoder> m_decoder;
};

}  // namespace sl::language
