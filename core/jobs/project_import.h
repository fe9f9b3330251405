#pragma once
// One import of outside data into a project, as `sentilens-cli import` and the window's
// File > Import both do it: what the source is (MMSA feature pickle, label.csv, MMSA dataset folder,
// folder of videos), a new project made for it with the labels' scale, the import itself, the
// clips' languages, and on failure or cancel the project made for it removed again.
#include "core/common/label_scale.h"
#include "core/io/import_report.h"

#include <QString>
#include <atomic>
#include <functional>
#include <optional>

namespace sl::jobs {

enum class ImportSourceKind { FeaturePickle, LabelCsv, DatasetFolder, VideoFolder };

// What `source` is: a .pkl file, a .csv file, a folder with label.csv, else a folder of videos.
// Throws sl::Error naming the path when it does not exist or is a file of another kind.
ImportSourceKind importSourceKind(const QString &source);
QString importSourceKindName(ImportSourceKind kind);  // "mmsa-pickle", "mmsa", "mmsa", "video-folder"

// The scale a new project takes for a label.csv (or the dataset folder holding it): CH-SIMS when
// every label is a 0.2 step in -1..1, MOSI otherwise. Throws sl::Error for an unreadable file.
LabelScale detectLabelCsvScale(const QString &source);

// Removes the database files of a project made for an import that failed, and its folder when the
// import made that too (rmdir removes only an empty folder, so nothing of the user's goes).
void removeCreatedProject(const QString &folder, bool removeFolder);

// "N problem(s) in SOURCE; nothing was imported:" and the first five as file:line: message.
QString describeImportProblems(const io::ImportReport &report);

struct ProjectImportOptions {
    QString annotator = QStringLiteral("dataset");
    std::optional<LabelScale> scale;  // of a new project; empty: detected from the labels
    QString split = QStringLiteral("train");  // folder of videos only
    bool skipBad = false;  // label.csv and video folders: import the good rows
    QString language;  // empty: identified from each transcript
    // Called with the stage ("reading", "checking", "writing", "importing"), work done and total
    // (total 0 when the stage cannot tell how far it is).
    std::function<void(const QString &stage, qint64 done, qint64 total)> progress;
    // Set from another thread to stop: the import rolls back and a project made for it is removed.
    const std::atomic<bool> *cancel = nullptr;
};

struct ProjectImportResult {
    QString projectFolder;
    bool created = false;  // the project was made by this import
    ImportSourceKind kind = ImportSourceKind::VideoFolder;
    io::ImportReport report;
};

// Imports `source` into the project at `projectFolder`, creating it when there is none. All or
// nothing: throws sl::Error (naming the file and the problem, or "cancelled") and leaves no project
// behind that it made; an existing project is left as it was. Rows with problems (label.csv, video
// folders, without skipBad) write nothing: the result's report then has committed == false and
// lists them, and a project made for the import is removed.
ProjectImportResult importIntoProject(const QString &projectFolder, const QString &source, const ProjectImportOptions &options);

}  // namespace sl::jobs
