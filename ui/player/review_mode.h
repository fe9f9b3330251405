#pragma once
// Which modalities an annotator may perceive while judging a clip. Unimodal labels (T, A, V) must
// be given with the other modalities withheld, otherwise the face or the voice leaks into the
// judgement of the words.

namespace sl::ui {

enum class ReviewMode { All, TextOnly, AudioOnly, VideoOnly };

constexpr bool showsVideo(ReviewMode mode)
{
    return mode == ReviewMode::All || mode == ReviewMode::VideoOnly;
}

constexpr bool playsAudio(ReviewMode mode)
{
    return mode == ReviewMode::All || mode == ReviewMode::AudioOnly;
}

}  // namespace sl::ui
