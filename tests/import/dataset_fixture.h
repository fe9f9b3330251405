#pragma once
// Builds small MMSA-style dataset folders for the import and export tests.
#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace sl::test {

// Writes label.csv with `csv` and an (undecoded) media file Raw/<video_id>/<clip_id>.mp4 for each
// "video_id/clip_id" in `clips`. The importer only checks that clip files exist, so their content
// does not matter here; decoding is tested with real clips elsewhere.
QString makeDataset(const QTemporaryDir &dir, const QString &name, const QByteArray &csv, const QStringList &clips);

// The SIMS-style label.csv used by several tests (pandas formatting, Chinese text, quotes, commas).
QByteArray simsStyleCsv();
QStringList simsStyleClips();

}  // namespace sl::test
