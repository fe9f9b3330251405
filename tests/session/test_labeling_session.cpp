#include "core/common/error.h"
#include "core/session/labeling_session.h"
#include "core/store/label_source.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace sl;
using namespace sl::store;

namespace {

// A project with one clip (v/1) and the dataset's labels of it, imported as `importAnnotator`.
qint64 oneClipProject(const QString &folder, const QString &importAnnotator, const QList<QPair<Target, double>> &labels)
{
    auto project = Project::create(folder, QStringLiteral("p"), LabelScale());
    Clip clip;
    clip.videoId = QStringLiteral("v");
    clip.clipId = QStringLiteral("1");
    clip.mediaPath = QStringLiteral("a.mp4");
    clip.split = QStringLiteral("train");
    const qint64 clipId = project->clips().add(clip);
    const qint64 dataset = project->annotators().ensure(importAnnotator, QStringLiteral("dataset")).id;
    for (const auto &[target, value] : labels)
        project->labels().set(clipId, dataset, target, value);
    project->settings().setValue(QString::fromLatin1(SettingKey::ImportAnnotator), importAnnotator);
    return clipId;
}

}  // namespace

class TestLabelingSession : public QObject {
    Q_OBJECT
private slots:
    void writesLabelsAtOnceAndAnnounces()
    {
        QTemporaryDir dir;
        const qint64 clipId = oneClipProject(dir.path(), QStringLiteral("dataset"), {{Target::M, 1.0}});
        session::LabelingSession session(Project::open(dir.path()), QStringLiteral("ana"));
        QCOMPARE(session.annotator().name, QStringLiteral("ana"));
        QCOMPARE(session.referenceAnnotatorName(), QStringLiteral("dataset"));
        QSignalSpy spy(&session, &session::LabelingSession::labelChanged);
        QVERIFY(session.setLabel(clipId, Target::T, -2.0));
        QVERIFY(!session.setLabel(clipId, Target::T, -2.0));
        QCOMPARE(spy.count(), 1);
        QVERIFY_THROWS_EXCEPTION(Error, session.setLabel(clipId, Target::T, 7.0));
        QCOMPARE(session.ownLabel(clipId, Target::T), std::optional<double>(-2.0));

        const QList<ClipOverview> overview = session.loadOverview();
        QCOMPARE(overview.size(), 1);
        QCOMPARE(overview.first().own[targetIndex(Target::T)], std::optional<double>(-2.0));
        QCOMPARE(overview.first().reference[targetIndex(Target::M)], std::optional<double>(1.0));
        QCOMPARE(overview.first().own[targetIndex(Target::M)], std::optional<double>());
        // Who labelled what, for the clip list's annotator filter.
        QCOMPARE(overview.first().labelledBy.value(session.referenceAnnotatorId()), quint8(1u << targetIndex(Target::M)));
        QCOMPARE(overview.first().labelledBy.value(session.annotator().id), quint8(1u << targetIndex(Target::T)));

        session.setTranscript(clipId, QStringLiteral("corrected words"));
        QCOMPARE(session.clip(clipId)->transcript, QStringLiteral("corrected words"));
        QCOMPARE(session.clip(clipId)->transcriptSource, QStringLiteral("edited"));
        // Written at once: a second connection sees it without the session closing.
        auto other = Project::open(dir.path());
        const qint64 ana = other->annotators().find(QStringLiteral("ana"))->id;
        QCOMPARE(other->labels().value(clipId, ana, Target::T), std::optional<double>(-2.0));
    }

    void referenceLabelsAreTheChosenAnnotators()
    {
        // Issue 17: a view compares the model with yours, the dataset's or the adjudicated label.
        QTemporaryDir dir;
        const qint64 clipId = oneClipProject(dir.path(), QStringLiteral("mosi"), {{Target::M, 1.0}, {Target::A, -0.5}});
        session::LabelingSession session(Project::open(dir.path()), QStringLiteral("ana"));
        using session::LabelReference;
        QVERIFY(session.setLabel(clipId, Target::M, -2.0));
        const session::ReferenceLabels mine = session.referenceLabels(clipId, LabelReference::Mine);
        QCOMPARE(mine.annotator, QStringLiteral("ana"));
        QCOMPARE(mine.values[0], std::optional<double>(-2.0));
        QCOMPARE(mine.values[2], std::optional<double>());
        const session::ReferenceLabels dataset = session.referenceLabels(clipId, LabelReference::Dataset);
        QCOMPARE(dataset.annotator, QStringLiteral("mosi"));
        QCOMPARE(dataset.values[0], std::optional<double>(1.0));
        QCOMPARE(dataset.values[2], std::optional<double>(-0.5));
        // No adjudicated annotator yet: none, and said so by the empty name.
        session::ReferenceLabels adjudicated = session.referenceLabels(clipId, LabelReference::Adjudicated);
        QVERIFY(adjudicated.annotator.isEmpty());
        QVERIFY(!adjudicated.any());
        {
            auto other = Project::open(dir.path());
            const qint64 judge = other->annotators().ensure(QString::fromLatin1(kAdjudicatedAnnotator), QStringLiteral("adjudicated")).id;
            other->labels().set(clipId, judge, Target::M, 0.5);
        }
        adjudicated = session.referenceLabels(clipId, LabelReference::Adjudicated);
        QCOMPARE(adjudicated.annotator, QStringLiteral("adjudicated"));
        QCOMPARE(adjudicated.values[0], std::optional<double>(0.5));
        // Browsing without a name: "yours" is nobody's.
        session::LabelingSession browsing(Project::open(dir.path()), QString());
        QVERIFY(browsing.referenceLabels(clipId, LabelReference::Mine).annotator.isEmpty());
        QCOMPARE(session::referenceFromKey(session::referenceKey(LabelReference::Adjudicated)), LabelReference::Adjudicated);
        QCOMPARE(session::referenceFromKey(QStringLiteral("nonsense")), LabelReference::Dataset);
    }

    void blindLabellingIsAProjectSetting()
    {
        QTemporaryDir dir;
        Project::create(dir.path(), QStringLiteral("p"), LabelScale());
        {
            session::LabelingSession session(Project::open(dir.path()), QStringLiteral("ana"));
            QVERIFY(!session.isBlind());  // off by default
            QSignalSpy spy(&session, &session::LabelingSession::blindChanged);
            session.setBlind(true);
            session.setBlind(true);
            QCOMPARE(spy.count(), 1);
        }
        // Kept in the project: another annotator opening it later works blind too.
        session::LabelingSession other(Project::open(dir.path()), QStringLiteral("bo"));
        QVERIFY(other.isBlind());
        other.setBlind(false);
        QVERIFY(!session::LabelingSession(Project::open(dir.path()), QStringLiteral("ana")).isBlind());
    }
};

QTEST_GUILESS_MAIN(TestLabelingSession)
#include "test_labeling_session.moc"
