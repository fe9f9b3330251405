#pragma once
// Import of an MMSA-style dataset folder: label.csv plus clips at Raw/<video_id>/<clip_id>.<ext>.
#include "core/io/import_report.h"

namespace sl::store {
class Project;
}

namespace sl::io {

// Video file extensions looked for under Raw/, in this order.
QStringList videoExtensions();

// `source` is the dataset folder or its label.csv. Checks every row (format, label scale of the
// project, clip file present and inside the dataset folder) before writing anything. A clip the
// project already holds needs no clip file: it gets the annotator's labels (so several people's
// label files for one dataset can be compared), unless that annotator labelled it already. Writes in one
// transaction. Throws sl::Error only when the source as a whole is
// unusable (no label.csv, not UTF-8, required column missing) or the database fails.
ImportReport importMmsaDataset(store::Project &project, const QString &source, const ImportOptions &options);

}  // namespace sl::io
