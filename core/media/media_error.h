#pragma once
// One wording for every media failure: "file: problem", so the clip list can show it as it is.
#include "core/common/error.h"

namespace sl::media {

[[noreturn]] inline void throwMediaError(const QString &file, const QString &problem)
{
    throw sl::Error(sl::Problem{file, 0, problem}.toString());
}

// kind: "audio" or "video"; codec: as MediaInfo names it.
[[noreturn]] inline void throwUnsupportedCodec(const QString &file, const QString &kind, const QString &codec)
{
    throwMediaError(file, QStringLiteral("uses the %1 codec \"%2\", which this build cannot decode (unsupported codec)").arg(kind, codec));
}

}  // namespace sl::media
