#pragma once
// A lead's batches in a project: which annotator is to label which clip (table `assignments`),
// made with planBatches, and how far each annotator has come with their batch.
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace sl::store {
class Project;
}

namespace sl::agreement {

struct BatchRequest {
    QStringList annotators;  // created as human annotators when new
    double overlap = 0.2;    // share of the clips every annotator labels
    quint64 seed = 1;
    QString split;           // empty: every clip
};

struct BatchProgress {
    QString annotator;
    int clips = 0;     // assigned to them, overlap included
    int overlap = 0;   // of those, labelled by everyone
    int labelled = 0;  // of those, with their M label
};

// Replaces the named annotators' assignments with a new plan, in one unit of work. Throws
// sl::Error naming the project for no annotator, a name given twice, a model's or the adjudicated
// annotator's name, an unknown split or a share outside 0..1.
QList<BatchProgress> assignBatches(store::Project &project, const BatchRequest &request);

// Every annotator with an assignment, by name.
QList<BatchProgress> batchProgress(const store::Project &project);

// The clips assigned to the annotator (empty when they have no batch).
QSet<qint64> assignedClips(const store::Project &project, qint64 annotatorId);

}  // namespace sl::agreement
