#pragma once
// What an import did, or would have done: every problem found, with file and line.
#include "core/common/error.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace sl::io {

struct ImportOptions {
    QString annotator = QStringLiteral("dataset");  // owner of the imported labels
    bool skipBad = false;  // false: any problem imports nothing; true: import the good rows
    QString split = QStringLiteral("train");  // folder import only: split of every clip
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
