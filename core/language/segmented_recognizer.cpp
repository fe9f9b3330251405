#include "core/language/segmented_recognizer.h"

#include "core/audio/silero_vad.h"

#include <algorithm>
#include <cmath>

namespace sl::language {

namespace {

std::vector<audio::SpeechSegment> segmentsWith(const audio::SileroVad *vad, std::span<const float> samples)
{
    const double seconds = double(samples.size()) / audio::SileroVad::kSampleRate;
    if (!vad)
        return {{0.0, seconds}};
    return audio::detectSpeech(*vad, samples, recognitionSegmentOptions());
}

}  // namespace

audio::SegmentOptions recognitionSegmentOptions()
{
    audio::SegmentOptions options;
    options.minSilenceSeconds = 0.3;
    options.padSeconds = 0.2;
    return options;
}

std::vector<audio::SpeechSegment> speechSegmentsForRecognition(std::span<const float> samples)
{
    return segmentsWith(audio::SileroVad::shared().get(), samples);
}

SegmentedRecognizer::SegmentedRecognizer(std::unique_ptr<Recognizer> inner, std::shared_ptr<const audio::SileroVad> vad)
    : m_inner(std::move(inner)), m_vad(std::move(vad))
{
}

Recognition SegmentedRecognizer::recognize(std::span<const float> samples, const QString &language)
{
    if (!m_vad)
        return m_inner->recognize(samples, language);
    Recognition all;
    qsizetype mostWords = 0;
    for (const audio::SpeechSegment &segment : segmentsWith(m_vad.get(), samples)) {
        const auto first = std::size_t(std::lround(segment.startSeconds * audio::SileroVad::kSampleRate));
        const auto last = std::min(samples.size(), std::size_t(std::lround(segment.endSeconds * audio::SileroVad::kSampleRate)));
        if (last <= first)
            continue;
        Recognition part = m_inner->recognize(samples.subspan(first, last - first), language);
        for (RecognizedWord word : part.words) {
            word.startSeconds += segment.startSeconds;
            word.endSeconds += segment.startSeconds;
            all.words << word;
        }
        if (!part.text.isEmpty())
            all.text += (all.text.isEmpty() ? QString() : QStringLiteral(" ")) + part.text;
        if (!part.language.isEmpty() && (all.language.isEmpty() || part.words.size() > mostWords)) {
            all.language = part.language;
            mostWords = part.words.size();
        }
    }
    return all;
}

}  // namespace sl::language
