#pragma once
// Speech for a clip, synthesized by the external program espeak-ng.
#include "core/demo/prosody.h"

#include <QString>

namespace sl::demo {

inline constexpr const char *kVoice = "en-us";

// The SSML handed to espeak-ng: the pitch range has no command-line option, so it goes in a
// <prosody> element; the text is escaped.
QString speechMarkup(const QString &text, const Prosody &prosody);

// Writes the spoken text to wavPath (22,050 Hz mono) and returns its length in seconds.
// Throws sl::Error naming wavPath when espeak-ng is missing or fails.
double synthesizeSpeech(const QString &text, const Prosody &prosody, const QString &wavPath);

}  // namespace sl::demo
