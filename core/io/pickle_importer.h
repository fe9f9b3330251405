#pragma once
// Import of an MMSA feature pickle into a project: splits, clips (ids video$_$clip), raw_text as
// transcript, labels (M and T/A/V) under one annotator, and each modality's array as a feature set
// named after the file. Callable from the CLI and from a window's import dialog alike.
#include "core/common/label_scale.h"
#include "core/io/import_report.h"
#include "core/io/mmsa_feature_file.h"

#include <functional>

namespace sl::store {
class Project;
}

namespace sl::io {

struct PickleImportOptions {
    QString annotator = QStringLiteral("dataset");
    // Called with what is being done ("reading", "checking", "writing"), work done and total.
    std::function<void(const QString &stage, qint64 done, qint64 total)> progress;
};

// The scale a new project takes for these labels: CH-SIMS when every label (M, T, A, V) lies on its
// 0.2 steps in -1..1, MOSI otherwise. MOSI when the file has no labels.
LabelScale detectScale(const MmsaFeatureFile &file);

// Checks every clip (not yet in the project, labels on the project's scale) before writing, then
// writes everything in one transaction. Throws sl::Error naming the file and the first problem;
// the project is then unchanged.
ImportReport importMmsaFeatures(store::Project &project, const MmsaFeatureFile &file, const PickleImportOptions &options);

// Reads, checks and imports a pickle file (readMmsaFeatureFile + importMmsaFeatures).
ImportReport importFeaturePickle(store::Project &project, const QString &path, const PickleImportOptions &options);

}  // namespace sl::io
