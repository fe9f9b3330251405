// The extraction job's threads (workers extract, the job's thread writes each clip) running while
// the window's session labels on the main thread and another job thread reads, over one project:
// a fixed number of clips and rounds, no media (the extractor computes its features from the clip
// id), so that it runs in a second and under ThreadSanitizer (tests/tsan/run.sh). Every feature
// row and every label must land, with nothing read half-written (issue 18, defect 4).
#include "core/common/error.h"
#include "core/jobs/extraction_job.h"
#include "core/session/labeling_session.h"
#include "core/store/project.h"

#include <QTemporaryDir>
#include <QtTest>
#include <atomic>
#include <thread>

using namespace sl;

namespace {

constexpr int kClips = 60;
constexpr int kFrames = 5;

// Features that tell which clip and frame they came from, so a mix-up between threads shows.
class CountingExtractor : public jobs::ClipExtractor {
public:
    store::FeatureSet featureSet() const override
    {
        store::FeatureSet set;
        set.modality = QStringLiteral("A");
        set.name = QStringLiteral("counting");
        set.extractor = QStringLiteral("test");
        set.extractorVersion = QStringLiteral("1");
        set.configHash = QStringLiteral("c0ffee");
        set.paramsJson = QStringLiteral("{}");
        set.dims = 2;
        set.dimNames = {QStringLiteral("clip"), QStringLiteral("frame")};
        return set;
    }
    QString stage() const override { return QStringLiteral("acoustic"); }
    features::FeatureMatrix extract(const jobs::ClipInput &clip) override
    {
        features::FeatureMatrix matrix;
        matrix.names = {"clip", "frame"};
        for (int frame = 0; frame < kFrames; ++frame) {
            matrix.times.push_back(frame * 0.1);
            matrix.values.push_back(float(clip.clipId));
            matrix.values.push_back(float(frame));
        }
        return matrix;
    }
};

}  // namespace

class TestJobSessionThreads : public QObject {
    Q_OBJECT
private slots:
    void extractionLabellingAndReadsAtOnce()
    {
        QTemporaryDir dir;
        QList<qint64> clips;
        {
            auto project = store::Project::create(dir.path(), QStringLiteral("threads"), LabelScale());
            for (int i = 0; i < kClips; ++i) {
                store::Clip clip;
                clip.videoId = QStringLiteral("v");
                clip.clipId = QString::number(i);
                clip.mediaPath = QStringLiteral("%1.mp4").arg(i);
                clip.split = QStringLiteral("train");
                clips << project->clips().add(clip);
            }
        }
        session::LabelingSession window(store::Project::open(dir.path()), QStringLiteral("ana"));
        std::atomic_bool cancel{false};
        std::atomic_int progressCalls{0};
        jobs::ExtractionReport report;
        QString jobError;
        std::thread job([&] {
            try {
                jobs::ExtractionJob extraction(dir.path(), {[] { return std::make_unique<CountingExtractor>(); }}, 3);
                report = extraction.run([&](const jobs::ExtractionProgress &) { ++progressCalls; }, &cancel);
            } catch (const Error &error) {
                jobError = error.message();
            }
        });
        std::atomic_bool stop{false};
        QString readerError;
        std::atomic_int reads{0};
        std::thread reader([&] {
            try {
                while (!stop) {
                    auto project = store::Project::open(dir.path());
                    project->features().sets();
                    project->labels().all();
                    ++reads;
                }
            } catch (const Error &error) {
                readerError = error.message();
            }
        });
        // The annotator meanwhile: a label on every clip, the clip list after each.
        for (int i = 0; i < kClips; ++i) {
            QVERIFY(window.setLabel(clips[i], Target::M, double(i % 7) - 3.0));
            QCOMPARE(window.loadOverview().size(), kClips);
        }
        QTRY_COMPARE_WITH_TIMEOUT(window.flushPending(0), 0, 10000);
        job.join();
        stop = true;
        reader.join();
        QVERIFY2(jobError.isEmpty(), qPrintable(jobError));
        QVERIFY2(readerError.isEmpty(), qPrintable(readerError));
        QCOMPARE(report.extracted, kClips);
        QCOMPARE(report.failed, 0);
        QCOMPARE(progressCalls.load(), kClips);
        QVERIFY(reads > 0);

        auto project = store::Project::open(dir.path());
        const store::FeatureSet set = project->features().sets().first();
        const qint64 ana = project->annotators().find(QStringLiteral("ana"))->id;
        for (int i = 0; i < kClips; ++i) {
            const auto features = project->features().load(set.id, clips[i]);
            QVERIFY(features);
            QCOMPARE(features->frames, kFrames);
            QCOMPARE(features->data[0], float(clips[i]));  // this clip's own rows
            QCOMPARE(features->data[2 * kFrames - 1], float(kFrames - 1));
            QCOMPARE(project->labels().value(clips[i], ana, Target::M), std::optional<double>(double(i % 7) - 3.0));
        }
        QCOMPARE(project->labels().history().size(), kClips);
    }
};

QTEST_GUILESS_MAIN(TestJobSessionThreads)
#include "test_job_session_threads.moc"
