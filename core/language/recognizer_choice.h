#pragma once
// Which speech recogniser transcript resolution uses: PocketSphinx with its US English model by
// default, or Whisper when the user has pointed SentiLens at a whisper.cpp model file (a project
// setting, core/jobs/asr_model_setting.h). Speech is recognised only in a language the chosen
// recogniser knows.
#include "core/language/recognition.h"
#include "core/language/speech_recognizer.h"

#include <QString>
#include <memory>

namespace sl::language {

class RecognizerChoice {
public:
    static RecognizerChoice pocketSphinx(const RecognizerModel &model = RecognizerModel::defaultEnglish());
    // Checks the model file at once (whisper_model_file.h); throws sl::Error naming the file when it
    // is not a usable model, or when this SentiLens was built without whisper.cpp.
    static RecognizerChoice whisper(const QString &modelFile);

    // Whether speech in `language` (ISO 639-1) may be sent to this recogniser.
    bool supports(const QString &language) const;
    // Whether the recogniser tells the language it heard (Whisper's multilingual models).
    bool detectsLanguage() const;
    // A new recogniser (loading takes a second or more), fed the clip's speech segments rather than
    // the whole clip (segmented_recognizer.h); throws sl::Error as its constructor does.
    std::unique_ptr<Recognizer> create() const;
    QString whisperModel() const { return m_whisperModel; }

private:
    RecognizerModel m_pocketSphinx;
    QString m_whisperModel;
    int m_whisperVocabulary = 0;  // tells English-only, multilingual and large-v3 models apart
};

// Whether this build includes whisper.cpp (cmake/SentiLensWhisper.cmake).
bool whisperAvailable();

}  // namespace sl::language
