#pragma once
// Analysing a live take like any clip, without touching the project until the presenter keeps it:
// the take goes into a scratch project of its own (same label scale, same extraction settings, the
// project's active model registered by its file), where the ordinary pipeline runs on it: speech
// recognition for the transcript, acoustic, visual and text features, prediction and the
// modalities' Shapley values. LibTorch stays
// in the .cpp, so widgets can include this header.
#include "core/store/clip_repository.h"

#include <QList>
#include <QString>
#include <array>
#include <optional>

namespace sl::store {
class Project;
}

namespace sl::explain {

struct TakeAnalysis {
    QString takeFile;
    QString scratchProject;   // where the analysis ran (a folder under the work folder)
    double durationSeconds = 0;
    QString transcript;
    QString transcriptSource;  // "asr" for a take, or a sidecar's format
    QList<store::TranscriptCueRecord> cues;
    std::optional<double> multimodal;  // on the label scale (clipped as MMSA clips it)
    QString outside;  // "A, V": modalities in which the take lies outside the model's training data
    std::array<std::optional<double>, 3> unimodal;  // T, A, V (when the model has unimodal heads)
    std::optional<std::array<double, 3>> shapley;   // T, A, V: exact Shapley values of the take
    QString modelName;
    QStringList problems;  // per-modality problems that did not stop the prediction
    QString error;         // empty on success; names the file and the problem
};

// Runs on any thread (opens its own connections). `workFolder` is emptied of a previous analysis.
TakeAnalysis analyseTake(const QString &projectPath, const QString &takeFile, const QString &workFolder);

// Keeps a take: copies it into PROJECT/takes/<name>.<ext> and adds it as a clip of video "takes"
// in the training split (unlabelled, so it shows up for labelling) with the recognised transcript
// and its cues. Returns the new clip's id; throws sl::Error naming the file and the problem.
qint64 keepTake(store::Project &project, const TakeAnalysis &analysis, const QString &name);
// The same for the project at `projectPath` (a folder or a server location), opened for the call:
// the presentation keeps takes through this, without a project handle of its own.
qint64 keepTake(const QString &projectPath, const TakeAnalysis &analysis, const QString &name);

}  // namespace sl::explain
