#pragma once
// Summary numbers of a project, as `sentilens-cli stats` and the GUI's status show them.
#include "core/common/label_scale.h"

#include <QList>
#include <QMap>
#include <QString>

namespace sl::store {

class Project;

struct LabelSummary {
    QString annotator;
    Target target = Target::M;
    int count = 0;
    double mean = 0;
    double minimum = 0;
    double maximum = 0;
    int negative = 0;  // value < 0
    int neutral = 0;   // value == 0
    int positive = 0;  // value > 0
};

struct ProjectStats {
    QString name;
    QString labelScale;
    int clipCount = 0;
    QMap<QString, int> clipsPerSplit;  // train / valid / test
    int clipsWithTranscript = 0;
    int clipsWithLowConfidenceTranscript = 0;  // recognised, but the recogniser was unsure
    QMap<QString, int> clipsPerLanguage;       // ISO code -> clips; '' for clips of unknown language
    int clipsWithDuration = 0;
    double totalDurationSeconds = 0;
    int clipsWithoutMultimodalLabel = 0;  // no annotator has given M
    int historyEntries = 0;
    QList<LabelSummary> labels;  // per annotator and target
};

ProjectStats computeStats(const Project &project);

}  // namespace sl::store
