// Feature extraction over a project: good clips get features, bad ones get a problem naming the
// file while the others go on, a second run does only stale work, and a cancelled run resumes.
#include "core/demo/demo_project.h"
#include "core/features/acoustic_features.h"
#include "core/features/visual_features.h"
#include "core/jobs/extraction_job.h"
#include "core/jobs/media_extractors.h"
#include "core/store/project.h"
#include "tests/support/temp_project.h"

#include <QProcess>
#include <QtTest>

using namespace sl;

namespace {

void ffmpeg(const QStringList &args)
{
    QProcess process;
    process.start(QStringLiteral("ffmpeg"), QStringList{QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-y")} + args);
    QVERIFY(process.waitForFinished(60000));
    QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
}

qint64 addClip(store::Project &project, const QString &clipId, const QString &file)
{
    store::Clip clip;
    clip.videoId = QStringLiteral("bad");
    clip.clipId = clipId;
    clip.mediaPath = project.storedPath(file);
    clip.split = QStringLiteral("test");
    return project.clips().add(clip);
}

QString problemOf(const store::Project &project, qint64 clip, const QString &stage)
{
    for (const store::ClipProblem &problem : project.features().problems(clip))
        if (problem.stage == stage)
            return problem.message;
    return {};
}

}  // namespace

class TestExtractionJob : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        demo::DemoOptions options;
        options.clipCount = 6;
        m_project = m_dir.filePath(QStringLiteral("p"));
        demo::buildDemoProject(m_project, options, false);
        auto project = store::Project::open(m_project);
        const QString silent = m_dir.filePath(QStringLiteral("silent.mp4"));
        ffmpeg({QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"), QStringLiteral("testsrc=size=160x120:rate=15"),
                QStringLiteral("-t"), QStringLiteral("1"), QStringLiteral("-c:v"), QStringLiteral("libx264"),
                QStringLiteral("-pix_fmt"), QStringLiteral("yuv420p"), silent});
        m_silent = addClip(*project, QStringLiteral("silent"), silent);
        const QString good = project->absolutePath(project->clips().list().first().mediaPath);
        QFile source(good);
        QVERIFY(source.open(QIODevice::ReadOnly));
        const QByteArray bytes = source.readAll();
        const QString truncated = sl::test::writeFile(m_dir, QStringLiteral("truncated.mp4"), bytes.left(bytes.size() / 3));
        m_truncated = addClip(*project, QStringLiteral("truncated"), truncated);
        const QString text = sl::test::writeFile(m_dir, QStringLiteral("notes.mp4"), "this is not a video\n");
        m_text = addClip(*project, QStringLiteral("text"), text);
        m_missing = addClip(*project, QStringLiteral("missing"), m_dir.filePath(QStringLiteral("gone.mp4")));
    }

    void extractsGoodClipsAndRecordsTheBadOnes()
    {
        jobs::ExtractionJob job(m_project, {jobs::acousticExtractorFactory(), jobs::visualExtractorFactory(15.0)}, 2);
        QList<jobs::ExtractionProgress> seen;
        const jobs::ExtractionReport report = job.run([&](const jobs::ExtractionProgress &p) { seen << p; });
        QCOMPARE(seen.size(), 20);  // 10 clips x 2 extractors
        QCOMPARE(seen.last().done, 20);
        QVERIFY(seen.last().etaSeconds == 0);
        QVERIFY(!report.cancelled);

        auto project = store::Project::open(m_project);
        store::FeatureRepository features = project->features();
        QCOMPARE(features.sets().size(), 2);
        const store::FeatureSet acoustic = features.sets()[0];
        const store::FeatureSet visual = features.sets()[1];
        QCOMPARE(acoustic.modality, QStringLiteral("A"));
        QCOMPARE(acoustic.dimNames.size(), acoustic.dims);
        QCOMPARE(visual.modality, QStringLiteral("V"));
        // Each set is stamped with its extractor's version: a new version makes old sets stale.
        QCOMPARE(acoustic.extractorVersion, QString::fromLatin1(features::kAcousticExtractorVersion));
        QCOMPARE(visual.extractorVersion, QString::fromLatin1(features::kVisualExtractorVersion));

        for (const store::Clip &clip : project->clips().list()) {
            if (clip.videoId == QLatin1String("bad"))
                continue;
            const auto a = features.load(acoustic.id, clip.id);
            const auto v = features.load(visual.id, clip.id);
            QVERIFY2(a && v, qPrintable(clip.key()));
            // 10 ms hop over the clip, 15 fps video: counts and times agree with the duration.
            QVERIFY(std::abs(a->frames - *clip.durationSeconds * 100) < 10);
            QVERIFY(std::abs(v->frames - *clip.durationSeconds * 15) <= 2);
            QVERIFY(std::is_sorted(v->times.begin(), v->times.end()));
            QVERIFY(v->times.back() <= *clip.durationSeconds);
            // The demo face is found in (almost) every frame.
            int faces = 0;
            for (int f = 0; f < v->frames; ++f)
                faces += v->data[size_t(f * v->dims)] > 0.5f ? 1 : 0;
            QVERIFY2(faces >= 0.95 * v->frames, qPrintable(QStringLiteral("%1: face in %2 of %3 frames").arg(clip.key()).arg(faces).arg(v->frames)));
        }
        // The clip without sound: visual features, and an acoustic problem that says why.
        QVERIFY(features.load(visual.id, m_silent));
        QVERIFY(!features.load(acoustic.id, m_silent));
        QVERIFY2(problemOf(*project, m_silent, QStringLiteral("acoustic")).contains(QStringLiteral("no audio")),
                 qPrintable(problemOf(*project, m_silent, QStringLiteral("acoustic"))));
        for (qint64 bad : {m_truncated, m_text, m_missing})
            for (const char *stage : {"acoustic", "visual"})
                QVERIFY2(!problemOf(*project, bad, QString::fromLatin1(stage)).isEmpty(), stage);
        QVERIFY(problemOf(*project, m_missing, QStringLiteral("visual")).contains(QStringLiteral("gone.mp4")));
        QVERIFY(problemOf(*project, m_text, QStringLiteral("acoustic")).contains(QStringLiteral("notes.mp4")));
        QCOMPARE(report.failed, 7);
        QCOMPARE(report.extracted, 13);

        // A second run only retries what is missing.
        const jobs::ExtractionReport again = job.run();
        QCOMPARE(again.alreadyCached, 13);
        QCOMPARE(again.extracted, 0);
        QCOMPARE(again.failed, 7);
    }

    void aCancelledRunResumesWhereItStopped()
    {
        // Another setting is another feature set: everything is stale for it.
        jobs::ExtractionJob job(m_project, {jobs::visualExtractorFactory(5.0)}, 1);
        std::atomic_bool cancel{false};
        const jobs::ExtractionReport first = job.run([&](const jobs::ExtractionProgress &p) {
            if (p.done - p.failed >= 2)
                cancel = true;
        }, &cancel);
        QVERIFY(first.cancelled);
        QVERIFY(first.extracted >= 2);
        QVERIFY(first.extracted + first.failed < 10);
        const jobs::ExtractionReport second = job.run();
        QVERIFY(!second.cancelled);
        QCOMPARE(second.alreadyCached, first.extracted);
        QCOMPARE(first.extracted + second.extracted, 7);  // 6 demo clips + the silent one have video
    }

private:
    QTemporaryDir m_dir;
    QString m_project;
    qint64 m_silent = 0, m_truncated = 0, m_text = 0, m_missing = 0;
};

QTEST_GUILESS_MAIN(TestExtractionJob)
#include "test_extraction_job.moc"
