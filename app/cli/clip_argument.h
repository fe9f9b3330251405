#pragma once
// The --clip VIDEO_ID/CLIP_ID argument several commands take.
#include <QString>
#include <optional>

namespace sl::store {
class Project;
}

namespace sl::cli {

struct ClipKey {
    QString videoId;
    QString clipId;
};

// Splits at the first '/' (video ids are plain names); empty when either part is missing.
std::optional<ClipKey> parseClipKey(const QString &text);

// The clip's database id; throws sl::Error naming the project when it holds no such clip.
qint64 clipIdOf(const store::Project &project, const ClipKey &key);

}  // namespace sl::cli
