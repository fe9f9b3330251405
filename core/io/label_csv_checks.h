#pragma once
// Checks on single label.csv values that do not depend on the rest of the file. The ids become
// folder and file names (Raw/<video_id>/<clip_id>.mp4), so they must not be able to leave the
// dataset folder.
#include <QString>
#include <QStringList>

namespace sl::io {

// The splits MMSA-FET recognises, spelled exactly so: train, valid, test.
QStringList labelSplits();

// Empty when the id can safely name a file or folder inside the dataset folder; otherwise the
// reason it cannot ("contains '/'", "is '..'", ...).
QString checkDatasetId(const QString &id);

// Empty for a known split; otherwise a sentence such as
// "unknown split 'dev' (expected train, valid or test)".
QString checkSplit(const QString &mode);

}  // namespace sl::io
