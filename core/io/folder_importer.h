#pragma once
// Import of a plain folder of video files, each with an optional transcript beside it
// (<name>.srt, <name>.vtt or <name>.txt, looked for in that order: timed formats first).
#include "core/io/import_report.h"

namespace sl::store {
class Project;
}

namespace sl::io {

// Walks `folder` recursively. video_id = the sub-folder path (the folder's own name for files at
// its top), clip_id = the file name without extension. Problems: unreadable or non-UTF-8
// transcripts, malformed subtitle files, two videos with the same ids, clips already in the project.
ImportReport importVideoFolder(store::Project &project, const QString &folder, const ImportOptions &options);

}  // namespace sl::io
