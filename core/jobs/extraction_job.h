#pragma once
// Feature extraction over a project as a cancellable job. Worker threads decode and extract; the
// thread that runs the job writes each finished clip to the project at once, so an interrupted run
// resumes where it stopped and a clip that cannot be read is recorded while the others go on.
// Only stale work is done: a clip already in a feature set (same extractor, version, settings) is
// skipped.
#include "core/jobs/clip_extractor.h"
#include "core/store/clip_shard.h"

#include <QList>
#include <QString>
#include <atomic>
#include <functional>

namespace sl::jobs {

struct ExtractionProgress {
    int done = 0;       // clip x extractor units finished (extracted or failed)
    int total = 0;
    int failed = 0;
    double unitsPerSecond = 0;
    double etaSeconds = -1;  // -1 while unknown
    QString lastClip;
};

struct ExtractionReport {
    int extracted = 0;
    int alreadyCached = 0;
    int failed = 0;
    bool cancelled = false;
    double seconds = 0;
    QList<store::ClipProblem> problems;
};

class ExtractionJob {
public:
    // With a shard, only its clips are looked at (counted, extracted, reported as cached).
    ExtractionJob(QString projectPath, QList<ClipExtractorFactory> extractors, int workers = 2, store::ClipShard shard = {});

    // Runs on the calling thread (which opens its own connection to the project) and returns when
    // everything is done or `cancel` was set (within one clip per worker). Throws sl::Error when
    // the project cannot be opened or written.
    ExtractionReport run(const std::function<void(const ExtractionProgress &)> &progress = {},
                         const std::atomic_bool *cancel = nullptr);

private:
    QString m_projectPath;
    QList<ClipExtractorFactory> m_extractors;
    int m_workers;
    store::ClipShard m_shard;
};

}  // namespace sl::jobs
