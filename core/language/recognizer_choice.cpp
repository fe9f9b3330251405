#include "core/language/recognizer_choice.h"

#include "core/common/error.h"
#include "core/audio/silero_vad.h"
#include "core/language/segmented_recognizer.h"
#include "core/language/whisper_model_file.h"

#ifdef SENTILENS_HAVE_WHISPER
#include "core/language/whisper_recognizer.h"
#endif

namespace sl::language {

RecognizerChoice RecognizerChoice::pocketSphinx(const RecognizerModel &model)
{
    RecognizerChoice choice;
    choice.m_pocketSphinx = model;
    return choice;
}

RecognizerChoice RecognizerChoice::whisper(const QString &modelFile)
{
#ifdef SENTILENS_HAVE_WHISPER
    RecognizerChoice choice;
    choice.m_whisperModel = modelFile;
    choice.m_whisperVocabulary = checkWhisperModel(modelFile).vocabularySize;
    return choice;
#else
    throw Error(QStringLiteral("%1: this SentiLens was built without whisper.cpp, so it cannot use Whisper models "
                               "(packaging/install-deps.sh fetches its source; build again)").arg(modelFile));
#endif
}

bool RecognizerChoice::supports(const QString &language) const
{
#ifdef SENTILENS_HAVE_WHISPER
    if (!m_whisperModel.isEmpty()) {
        WhisperModelInfo kind;
        kind.vocabularySize = m_whisperVocabulary;
        return whisperSupportsLanguage(kind, language);
    }
#endif
    return language == m_pocketSphinx.language;
}

bool RecognizerChoice::detectsLanguage() const
{
    WhisperModelInfo kind;
    kind.vocabularySize = m_whisperVocabulary;
    return !m_whisperModel.isEmpty() && kind.multilingual();
}

std::unique_ptr<Recognizer> RecognizerChoice::create() const
{
    std::unique_ptr<Recognizer> recognizer;
#ifdef SENTILENS_HAVE_WHISPER
    if (!m_whisperModel.isEmpty())
        recognizer = std::make_unique<WhisperRecognizer>(m_whisperModel);
#endif
    if (!recognizer)
        recognizer = std::make_unique<SpeechRecognizer>(m_pocketSphinx);
    // Either recogniser hears only the clip's speech segments (segmented_recognizer.h).
    try {
        return std::make_unique<SegmentedRecognizer>(std::move(recognizer), audio::SileroVad::shared());
    } catch (const std::runtime_error &error) {
        throw Error(QString::fromStdString(error.what()));  // a damaged weights file, named in the message
    }
}

bool whisperAvailable()
{
#ifdef SENTILENS_HAVE_WHISPER
    return true;
#else
    return false;
#endif
}

}  // namespace sl::language
