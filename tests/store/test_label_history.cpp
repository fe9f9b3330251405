#include "core/common/error.h"
#include "core/store/project.h"
#include "core/store/savepoint.h"
#include "core/store/sql.h"
#include "tests/support/store_location.h"

#include <QThread>
#include <atomic>
#include <thread>

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace sl::store;
using sl::Target;

namespace {
qint64 addClip(const Project &project, const QString &clipId)
{
    Clip clip;
    clip.videoId = QStringLiteral("video_1");
    clip.clipId = clipId;
    clip.mediaPath = QStringLiteral("Raw/video_1/%1.mp4").arg(clipId);
    clip.split = QStringLiteral("train");
    return project.clips().add(clip);
}
}  // namespace

class TestLabelHistory : public QObject {
    Q_OBJECT
private slots:
    void everyChangeIsRecordedWithOldAndNewValue()
    {
        QTemporaryDir dir;
        SL_PROJECT_LOCATION(location, dir);
        auto project = Project::create(location, QStringLiteral("p"), sl::LabelScale(sl::LabelScale::Kind::Mosi));
        const qint64 clip = addClip(*project, QStringLiteral("0001"));
        const qint64 ann = project->annotators().ensure(QStringLiteral("ana")).id;
        LabelRepository labels = project->labels();

        QVERIFY(labels.set(clip, ann, Target::T, 1.5, QStringLiteral("first look")));
        QVERIFY(labels.set(clip, ann, Target::T, -0.5));
        QVERIFY(!labels.set(clip, ann, Target::T, -0.5));  // same value: nothing written
        QVERIFY(labels.set(clip, ann, Target::T, std::nullopt));
        QVERIFY(labels.set(clip, ann, Target::M, 2.0));

        const QList<LabelChange> history = labels.history(clip);
        QCOMPARE(history.size(), 4);
        QCOMPARE(history[0].oldValue, std::optional<double>());
        QCOMPARE(history[0].newValue, std::optional<double>(1.5));
        QCOMPARE(history[0].note, QStringLiteral("first look"));
        QCOMPARE(history[1].oldValue, std::optional<double>(1.5));
        QCOMPARE(history[1].newValue, std::optional<double>(-0.5));
        QCOMPARE(history[2].oldValue, std::optional<double>(-0.5));
        QCOMPARE(history[2].newValue, std::optional<double>());
        QCOMPARE(history[3].target, Target::M);
        QCOMPARE(history[3].annotatorId, ann);
        QVERIFY(history[0].changedAt.isValid());
        QVERIFY(history[0].changedAt <= history[3].changedAt);

        QCOMPARE(labels.value(clip, ann, Target::T), std::optional<double>());
        QCOMPARE(labels.value(clip, ann, Target::M), std::optional<double>(2.0));
    }

    void aLabelWrittenWhileAnotherConnectionWritesWaitsForIt()
    {
        // A label typed while a background job holds the write lock must wait out the busy
        // timeout, not fail at once (a deferred read-then-write transaction would fail at once).
        QTemporaryDir dir;
        SL_PROJECT_LOCATION(location, dir);
        auto project = Project::create(location, QStringLiteral("p"), sl::LabelScale(sl::LabelScale::Kind::Mosi));
        const qint64 clip = addClip(*project, QStringLiteral("0001"));
        const qint64 ann = project->annotators().ensure(QStringLiteral("ana")).id;
        std::atomic<bool> locked{false};
        std::thread writer([&] {
            auto other = Project::open(location);
            // The project's write lock on either back end (SQLite's BEGIN IMMEDIATE, PostgreSQL's
            // advisory lock), held for a while by another connection.
            beginWrite(other->db());
            locked = true;
            QThread::msleep(300);
            endWrite(other->db(), true);
        });
        while (!locked)
            QThread::msleep(1);
        bool written = false;
        QString failure;
        try {
            written = project->labels().set(clip, ann, Target::A, 2.0);
        } catch (const sl::Error &error) {
            failure = error.message();
        }
        writer.join();
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        QVERIFY(written);
        QCOMPARE(project->labels().value(clip, ann, Target::A), std::optional<double>(2.0));
        QVERIFY(!inTransaction(project->db()));
    }

    void valuesOutsideTheScaleAreRefusedAndNotRecorded()
    {
        QTemporaryDir dir;
        SL_PROJECT_LOCATION(location, dir);
        auto project = Project::create(location, QStringLiteral("sims"), sl::LabelScale(sl::LabelScale::Kind::Sims));
        const qint64 clip = addClip(*project, QStringLiteral("0001"));
        const qint64 ann = project->annotators().ensure(QStringLiteral("ana")).id;
        LabelRepository labels = project->labels();
        QVERIFY(labels.set(clip, ann, Target::A, -0.8));
        QVERIFY_THROWS_EXCEPTION(sl::Error, labels.set(clip, ann, Target::A, 0.5));
        QVERIFY_THROWS_EXCEPTION(sl::Error, labels.set(clip, ann, Target::A, 1.2));
        QCOMPARE(labels.history(clip).size(), 1);
        QCOMPARE(labels.value(clip, ann, Target::A), std::optional<double>(-0.8));
    }

    void annotatorsKeepTheirOwnValues()
    {
        QTemporaryDir dir;
        SL_PROJECT_LOCATION(location, dir);
        auto project = Project::create(location, QStringLiteral("p"), sl::LabelScale());
        const qint64 clip = addClip(*project, QStringLiteral("0001"));
        const qint64 dataset = project->annotators().ensure(QStringLiteral("dataset"), QStringLiteral("dataset")).id;
        const qint64 person = project->annotators().ensure(QStringLiteral("ana")).id;
        LabelRepository labels = project->labels();
        labels.set(clip, dataset, Target::M, 1.0);
        labels.set(clip, person, Target::M, -2.0);
        QCOMPARE(labels.value(clip, dataset, Target::M), std::optional<double>(1.0));
        QCOMPARE(labels.value(clip, person, Target::M), std::optional<double>(-2.0));
        QCOMPARE(labels.forClip(clip).size(), 2);
        QCOMPARE(labels.forAnnotator(person).size(), 1);
    }

    void historyCannotBeRewritten()
    {
        QTemporaryDir dir;
        SL_PROJECT_LOCATION(location, dir);
        auto project = Project::create(location, QStringLiteral("p"), sl::LabelScale());
        const qint64 clip = addClip(*project, QStringLiteral("0001"));
        const qint64 ann = project->annotators().ensure(QStringLiteral("ana")).id;
        project->labels().set(clip, ann, Target::V, 1.0);
        QSqlQuery update(project->db());
        QVERIFY(!update.exec(QStringLiteral("UPDATE label_history SET new_value = 3")));
        QVERIFY(!update.exec(QStringLiteral("DELETE FROM label_history")));
        QCOMPARE(project->labels().history().size(), 1);
        QCOMPARE(project->labels().history().first().newValue, std::optional<double>(1.0));
    }

    void labelsSurviveClosingAndReopening()
    {
        QTemporaryDir dir;
        SL_PROJECT_LOCATION(location, dir);
        qint64 clip = 0;
        {
            auto project = Project::create(location, QStringLiteral("p"), sl::LabelScale());
            clip = addClip(*project, QStringLiteral("0007"));
            const qint64 ann = project->annotators().ensure(QStringLiteral("ana")).id;
            project->labels().set(clip, ann, Target::M, 0.6);
            project->labels().set(clip, ann, Target::M, 0.8);
        }
        auto reopened = Project::open(location);
        const qint64 ann = reopened->annotators().find(QStringLiteral("ana"))->id;
        QCOMPARE(reopened->labels().value(clip, ann, Target::M), std::optional<double>(0.8));
        QCOMPARE(reopened->labels().history(clip).size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestLabelHistory)
#include "test_label_history.moc"
