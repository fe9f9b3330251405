#pragma once
// A transcript file kept beside a clip: same base name, extension .srt, .vtt or .txt.
#include <QString>

namespace sl::language {

// The sidecar transcript of a media file, or an empty string. When several exist, timed formats
// win (.srt, then .vtt, then .txt), because their cues give the tokens times.
QString sidecarTranscriptFor(const QString &mediaFile);

}  // namespace sl::language
