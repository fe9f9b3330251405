#pragma once
// Audio for analysis: one channel of 32-bit float samples at 16 kHz, whatever the file holds.
#include <QString>

#include <vector>

namespace sl::media {

inline constexpr int kAnalysisSampleRate = 16000;

// Decodes the main audio stream of a clip (.mp4, .mkv, ...) or of an audio file (.wav, .flac,
// .mp3, ...) with libavformat/libavcodec and resamples it with libswresample to 16 kHz. Channels
// are averaged into one (so two identical channels keep their amplitude). Samples lie in [-1, 1]
// for integer sources. Throws sl::Error naming the file when it is missing, empty, corrupt,
// truncated, has no audio stream, uses a codec this build cannot decode, or holds no samples.
std::vector<float> decodeAudioMono16k(const QString &path);

}  // namespace sl::media
