#pragma once
// What a speech recogniser hears in a clip, whichever recogniser it is (PocketSphinx or Whisper),
// and the interface the transcript resolution drives them through.
#include <QList>
#include <QString>
#include <span>

namespace sl::language {

struct RecognizedWord {
    QString text;
    double startSeconds = 0;
    double endSeconds = 0;
    double confidence = 0;  // the recogniser's probability of this word, 0..1
};

struct Recognition {
    QString text;                 // the words joined by spaces
    QList<RecognizedWord> words;  // in time order; silences, noises and sentence marks left out
    QString language;             // ISO 639-1 code of what was heard; empty when the recogniser does not tell
    // Mean word confidence; 0 when nothing was recognised.
    double confidence() const;
};

class Recognizer {
public:
    virtual ~Recognizer() = default;
    // Recognises one clip of 16 kHz mono samples in [-1, 1]. `language` is the ISO 639-1 code the
    // clip is expected to be in, empty when unknown (a recogniser that can tell then says what it
    // heard in Recognition::language). Throws sl::Error when recognition fails.
    virtual Recognition recognize(std::span<const float> samples, const QString &language) = 0;
};

}  // namespace sl::language
