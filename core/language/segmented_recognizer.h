#pragma once
// Speech recognition of a clip's speech segments instead of the whole clip (issue 15): the voice
// activity network (core/audio/silero_vad.h) finds where someone speaks, each stretch of speech
// goes to the recogniser on its own, and the words come back on the clip's time line. Silence,
// music and noise between the segments never reach the recogniser, which would otherwise hear
// words in them; and a long clip reaches it in utterance-sized pieces.
#include "core/audio/speech_segments.h"
#include "core/language/recognition.h"

#include <memory>

namespace sl::audio {
class SileroVad;
}

namespace sl::language {

// Segments handed to the recogniser: pauses shorter than 0.3 s stay inside one segment (a
// recogniser does better with whole phrases), and every segment is widened by 0.2 s on both sides
// (within the clip) so that no word loses its first or last sound.
audio::SegmentOptions recognitionSegmentOptions();

// The speech segments of a clip's 16 kHz mono audio with recognitionSegmentOptions(). Without the
// voice activity network (a build without its weights) the whole clip is one segment.
std::vector<audio::SpeechSegment> speechSegmentsForRecognition(std::span<const float> samples);

class SegmentedRecognizer : public Recognizer {
public:
    // `vad` null: every clip goes to `inner` whole, as before.
    SegmentedRecognizer(std::unique_ptr<Recognizer> inner, std::shared_ptr<const audio::SileroVad> vad);

    // The words of every segment, their times moved onto the clip's time line, the texts joined
    // by spaces; the language is the one the recogniser heard in the segment with the most words.
    // A clip without speech gives no words.
    Recognition recognize(std::span<const float> samples, const QString &language) override;

private:
    std::unique_ptr<Recognizer> m_inner;
    std::shared_ptr<const audio::SileroVad> m_vad;
};

}  // namespace sl::language
