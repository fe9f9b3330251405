#pragma once
// A scratch copy of a project's database in a folder of its own, for runs that must leave the
// project as it is (a screenshot of training trains there: the model file and its registration
// land in the copy). Media are not copied: training reads only the stored features and labels.
#include <QString>

namespace sl::ui {

// Copies the SQLite project at `projectPath` (its folder or its project.sqlite) into
// `scratchFolder`: the file as it is when no write-ahead log is beside it, else a consistent
// snapshot (VACUUM INTO, which also takes what is still in the log) through a read-only
// connection. Returns the copy's folder. Throws sl::Error naming the file and the problem, also
// for a server project (there is no file to copy).
QString copyProjectToScratch(const QString &projectPath, const QString &scratchFolder);

// A stand-in for the project at `projectPath` that a run may open and write freely (a screenshot
// run: opening records the annotator, caches explanations): the database copied as above, and
// every other entry of the project folder (media, models) linked, not copied, so that the
// database's relative media paths still resolve. Returns the stand-in's folder. Throws sl::Error
// like copyProjectToScratch, or naming the entry that cannot be linked.
QString scratchStandIn(const QString &projectPath, const QString &scratchFolder);

}  // namespace sl::ui
