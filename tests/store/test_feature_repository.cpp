#include "core/common/error.h"
#include "core/store/project.h"
#include "tests/support/store_location.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace sl;
using namespace sl::store;

namespace {
FeatureSet acousticSet(const QString &hash)
{
    FeatureSet set;
    set.modality = QStringLiteral("A");
    set.name = QStringLiteral("acoustic-basic");
    set.extractor = QStringLiteral("sentilens.acoustic");
    set.extractorVersion = QStringLiteral("1");
    set.configHash = hash;
    set.paramsJson = QStringLiteral("{\"hop_ms\":10}");
    set.dims = 3;
    set.dimNames = {QStringLiteral("log_f0"), QStringLiteral("voicing"), QStringLiteral("rms")};
    return set;
}

qint64 addClip(const Project &project, const QString &id)
{
    Clip clip;
    clip.videoId = QStringLiteral("v");
    clip.clipId = id;
    clip.mediaPath = id + QStringLiteral(".mp4");
    clip.split = QStringLiteral("train");
    return project.clips().add(clip);
}
}  // namespace

class TestFeatureRepository : public QObject {
    Q_OBJECT
private slots:
    void setsAreFoundByExtractorVersionAndConfiguration()
    {
        QTemporaryDir dir;
        SL_PROJECT_LOCATION(location, dir);
        auto project = Project::create(location, QStringLiteral("p"), LabelScale());
        FeatureRepository features = project->features();
        const FeatureSet a = features.ensureSet(acousticSet(QStringLiteral("h1")));
        QVERIFY(a.id > 0);
        QCOMPARE(features.ensureSet(acousticSet(QStringLiteral("h1"))).id, a.id);
        const FeatureSet b = features.ensureSet(acousticSet(QStringLiteral("h2")));  // another setting
        QVERIFY(b.id != a.id);
        QCOMPARE(features.sets().size(), 2);
        QCOMPARE(features.set(a.id)->dimNames, acousticSet({}).dimNames);
        FeatureSet bad = acousticSet(QStringLiteral("h3"));
        bad.dimNames.removeLast();
        QVERIFY_THROWS_EXCEPTION(Error, features.ensureSet(bad));
    }

    void matricesRoundTripExactly()
    {
        QTemporaryDir dir;
        SL_PROJECT_LOCATION(location, dir);
        qint64 setId = 0, first = 0, second = 0;
        ClipFeatures stored;
        stored.frames = 2;
        stored.dims = 3;
        stored.times = {0.0f, 0.01f};
        stored.data = {1.5f, -0.25f, 3.0e-7f, 0.0f, -1e30f, 42.125f};
        {
            auto project = Project::create(location, QStringLiteral("p"), LabelScale());
            first = addClip(*project, QStringLiteral("1"));
            second = addClip(*project, QStringLiteral("2"));
            FeatureRepository features = project->features();
            setId = features.ensureSet(acousticSet(QStringLiteral("h"))).id;
            QCOMPARE(features.clipsWithout(setId), (QList<qint64>{first, second}));
            features.store(setId, first, stored);
            ClipFeatures wrong = stored;
            wrong.data.pop_back();
            QVERIFY_THROWS_EXCEPTION(Error, features.store(setId, second, wrong));
        }
        auto project = Project::open(location);
        FeatureRepository features = project->features();
        const auto loaded = features.load(setId, first);
        QVERIFY(loaded);
        QCOMPARE(loaded->frames, 2);
        QCOMPARE(loaded->dims, 3);
        QCOMPARE(loaded->times, stored.times);
        QCOMPARE(loaded->data, stored.data);
        QVERIFY(!features.load(setId, second));
        QCOMPARE(features.clipsWithout(setId), QList<qint64>{second});
        QCOMPARE(features.clipCount(setId), 1);
    }

    void problemsAreKeptPerClipAndStage()
    {
        QTemporaryDir dir;
        SL_PROJECT_LOCATION(location, dir);
        auto project = Project::create(location, QStringLiteral("p"), LabelScale());
        const qint64 clip = addClip(*project, QStringLiteral("1"));
        FeatureRepository features = project->features();
        features.recordProblem({clip, QStringLiteral("acoustic"), QStringLiteral("1.mp4: has no audio stream")});
        features.recordProblem({clip, QStringLiteral("visual"), QStringLiteral("1.mp4: truncated")});
        features.recordProblem({clip, QStringLiteral("acoustic"), QStringLiteral("1.mp4: still no audio")});
        QCOMPARE(features.problems(clip).size(), 2);
        QCOMPARE(features.problems(clip).first().message, QStringLiteral("1.mp4: still no audio"));
        features.clearProblem(clip, QStringLiteral("visual"));
        QCOMPARE(features.problems().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestFeatureRepository)
#include "test_feature_repository.moc"
