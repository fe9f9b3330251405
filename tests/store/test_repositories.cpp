#include "core/common/error.h"
#include "core/store/project.h"
#include "core/store/project_stats.h"
#include "tests/support/store_location.h"

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

using namespace sl::store;
using sl::Target;

namespace {
Clip makeClip(const QString &videoId, const QString &clipId, const QString &split)
{
    Clip clip;
    clip.videoId = videoId;
    clip.clipId = clipId;
    clip.mediaPath = QStringLiteral("Raw/%1/%2.mp4").arg(videoId, clipId);
    clip.split = split;
    return clip;
}
}  // namespace

class TestRepositories : public QObject {
    Q_OBJECT
private slots:
    void projectIsAFolderWithItsDatabase()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("my project"));
        {
            auto project = Project::create(folder, QStringLiteral("Study A"), sl::LabelScale(sl::LabelScale::Kind::Sims));
            QCOMPARE(project->name(), QStringLiteral("Study A"));
            QCOMPARE(project->labelScale().kind(), sl::LabelScale::Kind::Sims);
            QVERIFY(QFile::exists(QDir(folder).filePath(QStringLiteral("project.sqlite"))));
        }
        QVERIFY(Project::existsAt(folder));
        QVERIFY_THROWS_EXCEPTION(sl::Error, Project::create(folder, QStringLiteral("again"), sl::LabelScale()));
        auto byFolder = Project::open(folder);
        QCOMPARE(byFolder->labelScale().name(), QStringLiteral("sims"));
        auto byFile = Project::open(QDir(folder).filePath(QStringLiteral("project.sqlite")));
        QCOMPARE(byFile->name(), QStringLiteral("Study A"));
        QCOMPARE(byFile->absolutePath(QStringLiteral("media/a.mp4")), QDir(folder).filePath(QStringLiteral("media/a.mp4")));
        QCOMPARE(byFile->storedPath(QDir(folder).filePath(QStringLiteral("media/a.mp4"))), QStringLiteral("media/a.mp4"));
        QVERIFY_THROWS_EXCEPTION(sl::Error, Project::open(dir.filePath(QStringLiteral("nowhere"))));
    }

    void clipsAreStoredWithIdsAsStrings()
    {
        QTemporaryDir dir;
        SL_PROJECT_LOCATION(location, dir);
        auto project = Project::create(location, QStringLiteral("p"), sl::LabelScale());
        ClipRepository clips = project->clips();
        Clip first = makeClip(QStringLiteral("03amkBZ"), QStringLiteral("0001"), QStringLiteral("train"));
        first.transcript = QStringLiteral("well, I liked it");
        first.transcriptSource = QStringLiteral("dataset");
        first.durationSeconds = 3.25;
        first.annotation = QStringLiteral("Positive");
        first.extra.insert(QStringLiteral("speaker"), QStringLiteral("s01"));
        const qint64 id = clips.add(first);
        clips.add(makeClip(QStringLiteral("03amkBZ"), QStringLiteral("0002"), QStringLiteral("test")));
        clips.add(makeClip(QStringLiteral("zz"), QStringLiteral("10"), QStringLiteral("train")));

        const Clip stored = *clips.find(id);
        QCOMPARE(stored.clipId, QStringLiteral("0001"));
        QCOMPARE(stored.transcript, first.transcript);
        QCOMPARE(stored.durationSeconds, std::optional<double>(3.25));
        QCOMPARE(stored.extra.value(QStringLiteral("speaker")).toString(), QStringLiteral("s01"));
        QCOMPARE(stored.audioPath, QString());
        QCOMPARE(clips.findByKey(QStringLiteral("03amkBZ"), QStringLiteral("0002"))->split, QStringLiteral("test"));
        QVERIFY(!clips.findByKey(QStringLiteral("03amkBZ"), QStringLiteral("2")));
        QCOMPARE(clips.count(), 3);
        QCOMPARE(clips.count(QStringLiteral("train")), 2);
        QCOMPARE(clips.list(QStringLiteral("train")).last().videoId, QStringLiteral("zz"));

        QVERIFY_THROWS_EXCEPTION(sl::Error, clips.add(first));  // duplicate key
        QVERIFY_THROWS_EXCEPTION(sl::Error, clips.add(makeClip(QStringLiteral("v"), QStringLiteral("1"), QStringLiteral("dev"))));
        QCOMPARE(clips.count(), 3);

        clips.setTranscript(id, QStringLiteral("edited words"), QStringLiteral("edited"));
        clips.setDuration(id, 4.0);
        clips.setCues(id, {{0.0, 1.5, QStringLiteral("edited")}, {1.5, 2.0, QStringLiteral("words")}});
        QCOMPARE(clips.find(id)->transcriptSource, QStringLiteral("edited"));
        QCOMPARE(clips.find(id)->durationSeconds, std::optional<double>(4.0));
        QCOMPARE(clips.cues(id).size(), 2);
        QCOMPARE(clips.cues(id)[1].text, QStringLiteral("words"));
        QCOMPARE(clips.cues(id)[1].startSeconds, 1.5);
    }

    void annotatorsAreEnsuredOnce()
    {
        QTemporaryDir dir;
        SL_PROJECT_LOCATION(location, dir);
        auto project = Project::create(location, QStringLiteral("p"), sl::LabelScale());
        AnnotatorRepository annotators = project->annotators();
        const Annotator a = annotators.ensure(QStringLiteral(" ana "));
        QCOMPARE(a.name, QStringLiteral("ana"));
        QCOMPARE(annotators.ensure(QStringLiteral("ana")).id, a.id);
        annotators.ensure(QStringLiteral("dataset"), QStringLiteral("dataset"));
        QCOMPARE(annotators.list().size(), 2);
        QCOMPARE(annotators.find(QStringLiteral("dataset"))->kind, QStringLiteral("dataset"));
        QVERIFY_THROWS_EXCEPTION(sl::Error, annotators.ensure(QStringLiteral("   ")));
        QVERIFY_THROWS_EXCEPTION(sl::Error, annotators.ensure(QStringLiteral("x"), QStringLiteral("robot")));
    }

    void statsCountWhatIsThere()
    {
        QTemporaryDir dir;
        SL_PROJECT_LOCATION(location, dir);
        auto project = Project::create(location, QStringLiteral("stats"), sl::LabelScale());
        ClipRepository clips = project->clips();
        Clip a = makeClip(QStringLiteral("v"), QStringLiteral("1"), QStringLiteral("train"));
        a.durationSeconds = 2.5;
        a.transcript = QStringLiteral("hello");
        const qint64 ida = clips.add(a);
        Clip b = makeClip(QStringLiteral("v"), QStringLiteral("2"), QStringLiteral("valid"));
        b.durationSeconds = 1.5;
        const qint64 idb = clips.add(b);
        clips.add(makeClip(QStringLiteral("v"), QStringLiteral("3"), QStringLiteral("test")));
        const qint64 ann = project->annotators().ensure(QStringLiteral("dataset"), QStringLiteral("dataset")).id;
        project->labels().set(ida, ann, Target::M, 2.0);
        project->labels().set(idb, ann, Target::M, -1.0);
        project->labels().set(idb, ann, Target::T, 0.0);

        const ProjectStats stats = computeStats(*project);
        QCOMPARE(stats.name, QStringLiteral("stats"));
        QCOMPARE(stats.clipCount, 3);
        QCOMPARE(stats.clipsPerSplit.value(QStringLiteral("valid")), 1);
        QCOMPARE(stats.clipsWithTranscript, 1);
        QCOMPARE(stats.clipsWithDuration, 2);
        QCOMPARE(stats.totalDurationSeconds, 4.0);
        QCOMPARE(stats.clipsWithoutMultimodalLabel, 1);
        QCOMPARE(stats.historyEntries, 3);
        QCOMPARE(stats.labels.size(), 2);
        QCOMPARE(stats.labels[0].target, Target::M);
        QCOMPARE(stats.labels[0].count, 2);
        QCOMPARE(stats.labels[0].mean, 0.5);
        QCOMPARE(stats.labels[0].positive, 1);
        QCOMPARE(stats.labels[0].negative, 1);
        QCOMPARE(stats.labels[1].neutral, 1);
    }
};

QTEST_GUILESS_MAIN(TestRepositories)
#include "test_repositories.moc"
