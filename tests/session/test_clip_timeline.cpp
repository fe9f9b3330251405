// The timeline under the player (core/session/clip_timeline): which stored feature columns become
// lanes and how their values are shown. A real SQLite project with hand-made acoustic and visual
// feature sets; every expected value is written out here, not taken from the code under test.
#include "core/session/clip_timeline.h"
#include "core/store/project.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace sl;

namespace {

store::FeatureSet setOf(const QString &modality, const QStringList &names)
{
    store::FeatureSet set;
    set.modality = modality;
    set.name = modality == QLatin1String("A") ? QStringLiteral("acoustic-test") : QStringLiteral("visual-test");
    set.extractor = QStringLiteral("test");
    set.extractorVersion = QStringLiteral("1");
    set.configHash = modality;
    set.paramsJson = QStringLiteral("{}");
    set.dims = int(names.size());
    set.dimNames = names;
    return set;
}

const session::TimelineSeries *lane(const session::ClipTimeline &timeline, const QString &name)
{
    for (const auto &curve : timeline.curves)
        if (curve.name == name)
            return &curve;
    return nullptr;
}

}  // namespace

class TestClipTimeline : public QObject {
    Q_OBJECT

private slots:
    void voiceActivityAndExpressionValenceAreLanes()
    {
        QTemporaryDir dir;
        auto project = store::Project::create(dir.path(), QStringLiteral("p"), LabelScale());
        store::Clip clip;
        clip.videoId = QStringLiteral("v");
        clip.clipId = QStringLiteral("1");
        clip.mediaPath = QStringLiteral("media/v.mp4");
        clip.split = QStringLiteral("train");
        const qint64 id = project->clips().add(clip);

        const auto acoustic = project->features().ensureSet(setOf(QStringLiteral("A"), {"loudness_db", "speech_prob"}));
        project->features().store(acoustic.id, id, store::ClipFeatures{3, 2, {0.0f, 0.01f, 0.02f}, {-30, 0.1f, -20, 0.9f, -25, 0.5f}});
        const auto visual = project->features().ensureSet(
            setOf(QStringLiteral("V"), {"face_present", "motion_energy", "expr_valence"}));
        project->features().store(visual.id, id, store::ClipFeatures{3, 3, {0.0f, 0.5f, 1.0f}, {1, 0.2f, 0.75f, 0, 0.3f, 0.4f, 1, 0.1f, -0.5f}});

        const session::ClipTimeline timeline = session::loadClipTimeline(*project, id);
        const auto *speech = lane(timeline, QStringLiteral("speech"));
        QVERIFY(speech);
        QVERIFY(speech->fromAudio);
        QCOMPARE(speech->times, (QVector<double>{0.0, double(0.01f), double(0.02f)}));
        QCOMPARE(speech->values, (QVector<double>{double(0.1f), double(0.9f), 0.5}));

        const auto *valence = lane(timeline, QStringLiteral("valence"));
        QVERIFY(valence);
        QVERIFY(!valence->fromAudio);
        QCOMPARE(valence->values.size(), 3);
        QCOMPARE(valence->values[0], 0.75);
        QVERIFY(std::isnan(valence->values[1]));  // no face in that frame: a gap, not 0.4
        QCOMPARE(valence->values[2], -0.5);

        // Columns that a feature set lacks make no lane (pitch, smile here).
        QVERIFY(!lane(timeline, QStringLiteral("pitch (Hz)")));
        QVERIFY(!lane(timeline, QStringLiteral("smile")));
        QVERIFY(lane(timeline, QStringLiteral("motion")));
        QVERIFY(lane(timeline, QStringLiteral("loudness (dB)")));
    }
};

QTEST_GUILESS_MAIN(TestClipTimeline)
#include "test_clip_timeline.moc"
