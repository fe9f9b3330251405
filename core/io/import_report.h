#pragma once
// What an import did, or would have done: every problem found, with file and line.
#include "core/common/error.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <functional>

namespace sl::io {

struct ImportOptions {
    QString annotator = QStringLiteral("dataset");  // owner of the imported labels
    bool skipBad = false;  // false: any problem imports nothing; true: import the good rows
    QString split = QStringLiteral("train");  // folder import only: split of every clip
    // Folder import: the length of a video in seconds (<= 0 when unknown), to check its
    // transcript's cues against (core/io reads no media; the caller probes). Unset: not checked.
    std::function<double(const QString &videoFile)> mediaSeconds;
};

struct ImportReport {
    QString source;
    int clipsImported = 0;
    int labelsImported = 0;
    QList<Problem> problems;  // all of them, also those of skipped rows
    QStringList skipped;      // "video_id/clip_id" (or file names) left out because of problems
    bool committed = false;   // false: the project was not changed at all
};

}  // namespace sl::io
