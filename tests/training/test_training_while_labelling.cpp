// Issue 18, defect 4, with the real jobs: trainings started as the window starts them
// (runTrainingJob on a thread of its own; late fusion and KAN-MCP by turns, each registering its
// model and predictions) while the window's session moves between clips and labels them, an
// explanation thread explains the active model's clips (and stores them), and another program
// (the sqlite3 shell) writes to the project now and then. A fixed number of trainings; every read
// and write must succeed, every training must register its model, every label must be there and
// the file must pass PRAGMA integrity_check.
#include "core/training/project_explanations.h"
#include "core/training/training_job.h"

#include "core/common/error.h"
#include "core/session/labeling_session.h"
#include "core/store/project.h"
#include "core/store/sql.h"
#include "tests/cli/toy_project.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <atomic>
#include <thread>

using namespace sl;

namespace {
constexpr int kTrainings = 4;
}

class TestTrainingWhileLabelling : public QObject {
    Q_OBJECT
private slots:
    void trainingNavigationAndExplanationsAtOnce()
    {
        QTemporaryDir dir;
        const QString project = test::buildToyProject(dir.filePath(QStringLiteral("toy")));
        session::LabelingSession window(store::Project::open(project), QStringLiteral("ana"));
        const QList<store::ClipOverview> clips = window.loadOverview();
        QVERIFY(clips.size() >= 8);

        std::atomic_bool trainingDone{false};
        QStringList trainingErrors;
        QList<qint64> models;
        std::thread training([&] {
            for (int i = 0; i < kTrainings; ++i) {
                training::TrainingSettings settings =
                    training::recommendedSettings(i % 2 ? QStringLiteral("kan-mcp") : QStringLiteral("late-fusion"));
                settings.epochs = 6;
                settings.patience = 0;
                settings.device = QStringLiteral("cpu");
                const training::TrainingJobResult result = training::runTrainingJob(project, settings, {}, nullptr);
                if (!result.error.isEmpty())
                    trainingErrors << result.error;
                models << result.modelId;
            }
            trainingDone = true;
        });
        std::atomic_int explained{0};
        QStringList explanationErrors;
        std::thread explanations([&] {
            while (!trainingDone) {
                try {
                    auto opened = store::Project::open(project);
                    if (opened->models().activeModelId() == 0)
                        continue;
                    training::ExplainRequest request;
                    request.clipIds = {clips[explained % clips.size()].id};
                    request.steps = 8;
                    training::explainClips(*opened, request);
                    ++explained;
                } catch (const Error &error) {
                    explanationErrors << error.message();
                    return;
                }
            }
        });

        QStringList problems;
        int rounds = 0;
        while (!trainingDone && problems.isEmpty()) {
            const store::ClipOverview &clip = clips[rounds % clips.size()];
            try {
                window.setLabel(clip.id, Target::M, double(rounds % 7) - 3.0);
                window.flushPending(5000);
                window.reloadActiveModel();
                if (window.loadOverview().size() != clips.size())
                    problems << QStringLiteral("round %1: clips missing from the overview").arg(rounds);
                window.cues(clips[(rounds + 1) % clips.size()].id);
            } catch (const Error &error) {
                problems << QStringLiteral("round %1: %2").arg(rounds).arg(error.message());
            }
            if (rounds % 5 == 0) {  // another program writes
                QProcess shell;
                shell.start(QStringLiteral("sqlite3"), {QStringLiteral("-cmd"), QStringLiteral(".timeout 10000"),
                                                        window.project().databasePath(),
                                                        QStringLiteral("INSERT INTO project_settings(key, value) VALUES ('cli', '%1') "
                                                                       "ON CONFLICT(key) DO UPDATE SET value = excluded.value;")
                                                            .arg(rounds)});
                if (!shell.waitForFinished(30000) || shell.exitCode() != 0)
                    problems << QStringLiteral("sqlite3: ") + QString::fromUtf8(shell.readAllStandardError());
            }
            ++rounds;
        }
        training.join();
        explanations.join();
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        QVERIFY2(trainingErrors.isEmpty(), qPrintable(trainingErrors.join(QLatin1Char('\n'))));
        QVERIFY2(explanationErrors.isEmpty(), qPrintable(explanationErrors.join(QLatin1Char('\n'))));
        QCOMPARE(models.size(), kTrainings);
        QVERIFY(!models.contains(0));
        qInfo("%d trainings, %d window rounds, %d clips explained meanwhile", kTrainings, rounds, int(explained));
        QVERIFY(rounds > 0);

        // After the last training, as the window does when a job reports back.
        window.reloadActiveModel();
        QCOMPARE(window.activeModelId(), models.last());
        auto opened = store::Project::open(project);
        QCOMPARE(store::scalar(opened->db(), QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
        const qint64 ana = opened->annotators().find(QStringLiteral("ana"))->id;
        for (int i = 0; i < std::min<int>(rounds, int(clips.size())); ++i)
            QVERIFY(opened->labels().value(clips[i].id, ana, Target::M).has_value());
        for (qint64 model : models)
            QCOMPARE(opened->models().predictions(model).size(), clips.size() * 4);
    }
};

QTEST_GUILESS_MAIN(TestTrainingWhileLabelling)
#include "test_training_while_labelling.moc"
