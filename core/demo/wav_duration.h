#pragma once
// Length of the speech espeak-ng wrote, read from the WAV header.
#include <QString>

namespace sl::demo {

// Seconds of audio in a PCM WAV file; throws sl::Error naming the file when it is not one.
double wavDurationSeconds(const QString &path);

}  // namespace sl::demo
