#include "core/jobs/extraction_job.h"

#include "core/common/error.h"
#include "core/store/project.h"
#include "core/store/savepoint.h"

#include <QSet>
#include <QElapsedTimer>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>

namespace sl::jobs {

namespace {

struct WorkItem {
    int extractor = 0;  // index into the job's extractors
    ClipInput clip;
};

struct WorkResult {
    WorkItem item;
    std::optional<features::FeatureMatrix> matrix;
    QString error;
};

// Results travel from the workers to the writing thread through this queue. It is bounded so that
// workers never run far ahead of what is safely written (memory stays small, and a cancel stops
// the job within a clip or two).
class ResultQueue {
public:
    explicit ResultQueue(size_t capacity) : m_capacity(capacity) {}

    void push(WorkResult result)
    {
        {
            std::unique_lock lock(m_mutex);
            m_space.wait(lock, [&] { return m_results.size() < m_capacity; });
            m_results.push_back(std::move(result));
        }
        m_ready.notify_one();
    }
    std::optional<WorkResult> pop(const std::function<bool()> &finished)
    {
        std::unique_lock lock(m_mutex);
        m_ready.wait(lock, [&] { return !m_results.empty() || finished(); });
        if (m_results.empty())
            return std::nullopt;
        WorkResult result = std::move(m_results.front());
        m_results.pop_front();
        m_space.notify_one();
        return result;
    }
    void wake() { m_ready.notify_all(); }

private:
    size_t m_capacity;
    std::mutex m_mutex;
    std::condition_variable m_ready;
    std::condition_variable m_space;
    std::deque<WorkResult> m_results;
};

store::ClipFeatures toClipFeatures(const features::FeatureMatrix &matrix)
{
    store::ClipFeatures features;
    features.frames = int(matrix.frames());
    features.dims = int(matrix.dims());
    features.times.assign(matrix.times.begin(), matrix.times.end());
    features.data = matrix.values;
    return features;
}

}  // namespace

ExtractionJob::ExtractionJob(QString projectPath, QList<ClipExtractorFactory> extractors, int workers, store::ClipShard shard)
    : m_projectPath(std::move(projectPath)), m_extractors(std::move(extractors)), m_workers(std::max(1, workers)), m_shard(shard)
{
}

ExtractionReport ExtractionJob::run(const std::function<void(const ExtractionProgress &)> &progress,
                                    const std::atomic_bool *cancel)
{
    QElapsedTimer clock;
    clock.start();
    auto project = store::Project::open(m_projectPath);
    store::FeatureRepository repository = project->features();

    // What is stale: per extractor, the clips that its feature set does not hold yet.
    QList<store::FeatureSet> sets;
    QList<QString> stages;
    std::vector<WorkItem> work;
    ExtractionReport report;
    QList<store::Clip> clips = project->clips().list();
    clips.removeIf([this](const store::Clip &clip) { return !m_shard.contains(clip); });
    for (int e = 0; e < m_extractors.size(); ++e) {
        const std::unique_ptr<ClipExtractor> probe = m_extractors[e]();
        sets << repository.ensureSet(probe->featureSet());
        stages << probe->stage();
        const QList<qint64> missing = repository.clipsWithout(sets.last().id);
        const QSet<qint64> stale(missing.cbegin(), missing.cend());
        for (const store::Clip &clip : clips) {
            if (!stale.contains(clip.id)) {
                ++report.alreadyCached;
                continue;
            }
            ClipInput input{clip.id, clip.key(), project->absolutePath(clip.mediaPath), project->absolutePath(clip.audioPath),
                            clip.transcript, clip.durationSeconds.value_or(0.0)};
            work.push_back({e, input});
        }
    }

    ExtractionProgress state;
    state.total = int(work.size());
    std::atomic_int next{0};
    std::atomic_int running{0};
    ResultQueue results{static_cast<size_t>(m_workers)};
    const auto cancelled = [cancel] { return cancel && cancel->load(); };
    std::vector<std::thread> threads;
    const int workerCount = std::min<int>(m_workers, std::max<size_t>(1, work.size()));
    running = workerCount;
    for (int w = 0; w < workerCount; ++w) {
        threads.emplace_back([&] {
            std::vector<std::unique_ptr<ClipExtractor>> extractors;
            for (const ClipExtractorFactory &factory : m_extractors)
                extractors.push_back(factory());
            for (int i = next++; i < int(work.size()) && !cancelled(); i = next++) {
                WorkResult result{work[size_t(i)], std::nullopt, {}};
                try {
                    result.matrix = extractors[size_t(result.item.extractor)]->extract(result.item.clip);
                } catch (const Error &error) {
                    result.error = error.message();
                } catch (const std::exception &error) {
                    result.error = QStringLiteral("%1: %2").arg(result.item.clip.mediaFile, QString::fromUtf8(error.what()));
                }
                results.push(std::move(result));
            }
            --running;
            results.wake();
        });
    }

    // Writing happens here, one clip at a time, so every finished clip is safe on disk.
    std::optional<Error> writeFailure;
    while (auto result = results.pop([&] { return running == 0; })) {
        if (writeFailure)
            continue;  // drain the workers, write nothing more
        const WorkItem &item = result->item;
        const QString stage = stages[item.extractor];
        try {
            store::Savepoint savepoint(project->db());
            if (result->matrix) {
                repository.store(sets[item.extractor].id, item.clip.clipId, toClipFeatures(*result->matrix));
                repository.clearProblem(item.clip.clipId, stage);
                ++report.extracted;
            } else {
                const store::ClipProblem problem{item.clip.clipId, stage, result->error};
                repository.recordProblem(problem);
                report.problems << problem;
                ++report.failed;
                ++state.failed;
            }
            savepoint.commit();
        } catch (const Error &error) {
            writeFailure = error;
            next = int(work.size());  // stop handing out work
        }
        ++state.done;
        state.lastClip = item.clip.key;
        const double elapsed = clock.elapsed() / 1000.0;
        state.unitsPerSecond = elapsed > 0 ? state.done / elapsed : 0;
        state.etaSeconds = state.unitsPerSecond > 0 ? (state.total - state.done) / state.unitsPerSecond : -1;
        if (progress)
            progress(state);
    }
    for (std::thread &thread : threads)
        thread.join();
    if (writeFailure)
        throw *writeFailure;
    report.cancelled = cancelled() && state.done < state.total;
    report.seconds = clock.elapsed() / 1000.0;
    return report;
}

}  // namespace sl::jobs
