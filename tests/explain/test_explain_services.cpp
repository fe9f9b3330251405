// The pipelines and services that issue 17 moved out of the widgets, tested without any widget on
// a generated 6-clip demo project with two small late-fusion models:
//  - the playlist's Shapley values (explain::shapleyContributions) against the prediction that
//    training stored: f(none) plus the three values is f(all) (efficiency), per clip;
//  - a live take (explain::analyseTake) against late fusion's own arithmetic, M = b + sum_m w_m p_m
//    with w and b read from the model file, and kept (explain::keepTake by project path): file,
//    clip row and cues as analysed, a second take of the same name refused;
//  - the explanation views' numbers (explain::explainProject): whose labels, the scale, every
//    model's summary; labelOwner's three cases worked by hand;
//  - the Models dock's service (training::ModelRegistry): the comparison's changed clips against
//    the two models' stored predictions, ranked here by hand; an unknown model refused; the review
//    queue's clip names;
//  - the dialogs' path services for the speech recogniser and the text encoder: errors name the file.
// LibTorch (through project_training.h) before any Qt header.
#include "core/training/project_training.h"
#include "core/explain/project_explanation.h"

#include "core/common/error.h"
#include "core/explain/shapley_contributions.h"
#include "core/explain/take_analysis.h"
#include "core/jobs/text_encoder_setting.h"
#include "core/language/asr_model_setting.h"
#include "core/ml/model_file.h"
#include "core/store/project.h"
#include "core/training/model_registry.h"
#include "core/training/review_queue.h"
#include "tests/support_gui/extracted_demo.h"

#include <QtTest>

#include <algorithm>
#include <cmath>

using namespace sl;

namespace {

// The message of the sl::Error `run` throws, or empty when it throws none.
template <typename Run>
QString errorOf(Run run)
{
    try {
        run();
    } catch (const Error &error) {
        return error.message();
    }
    return {};
}

double parameterValue(ml::SentimentModel &model, const std::string &name, std::int64_t index)
{
    for (const auto &item : model.named_parameters())
        if (item.key() == name)
            return item.value().detach().to(torch::kFloat64).flatten()[index].item<double>();
    qFatal("the model has no parameter %s", name.c_str());
}

}  // namespace

class TestExplainServices : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("demo"));
        test::buildExtractedDemo(m_path, 6);
        auto project = store::Project::open(m_path);
        training::TrainRequest request;
        request.architecture = QStringLiteral("late-fusion");
        request.trainer.epochs = 2;
        m_first = training::trainOnProject(*project, request).modelId;
        request.trainer.epochs = 3;
        const training::TrainOutcome second = training::trainOnProject(*project, request);
        m_second = second.modelId;
        m_secondFile = second.modelFile;
        project->models().setActive(m_second);
    }

    void playlistShapleyValuesAddUpToTheStoredPrediction()
    {
        auto project = store::Project::open(m_path);
        QList<qint64> ids;
        QHash<qint64, double> stored;
        for (const store::PredictionRecord &p : project->models().predictions(m_second))
            if (p.target == Target::M) {
                ids << p.clipId;
                stored.insert(p.clipId, p.value);
            }
        QCOMPARE(ids.size(), 6);
        const explain::ShapleyContributions result = explain::shapleyContributions(m_path, ids);
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        QCOMPARE(result.modelName, project->models().find(m_second)->name);
        QCOMPARE(result.byClip.size(), ids.size());
        QVERIFY(result.insights.isEmpty());  // late fusion has neither a KAN nor a causal mask
        for (qint64 id : ids) {
            const explain::Contributions c = result.byClip.value(id);
            QVERIFY(c.shapley);
            QVERIFY(c.start.has_value());
            const double sum = *c.start + c.values[0] + c.values[1] + c.values[2];
            QVERIFY2(std::fabs(sum - stored.value(id)) < 1e-4,
                     qPrintable(QStringLiteral("clip %1: f(none) + phi = %2, stored M %3").arg(id).arg(sum).arg(stored.value(id))));
        }

        QVERIFY(explain::shapleyContributions(m_path, {}).byClip.isEmpty());
        const QString missing = m_dir.filePath(QStringLiteral("no-such-project"));
        const explain::ShapleyContributions failed = explain::shapleyContributions(missing, ids);
        QVERIFY(failed.byClip.isEmpty());
        QVERIFY2(failed.error.contains(QStringLiteral("no-such-project")), qPrintable(failed.error));
    }

    void explanationNumbersSayWhoseLabelsAndEveryModel()
    {
        QCOMPARE(explain::labelOwner(QStringLiteral("annotator:dataset")), QStringLiteral("dataset"));
        QCOMPARE(explain::labelOwner(QStringLiteral("annotator:mmsa")), QStringLiteral("dataset: mmsa"));
        QCOMPARE(explain::labelOwner(QStringLiteral("mean")), QStringLiteral("mean"));

        auto project = store::Project::open(m_path);
        const qint64 clip = project->clips().list().first().id;
        const explain::ProjectExplanation clips = explain::explainProject(m_path, {clip});
        QCOMPARE(clips.set.modelId, m_second);
        QCOMPARE(clips.set.clips.size(), 1);
        QCOMPARE(clips.set.clips.first().clipId, clip);
        QCOMPARE(clips.labelOwner, explain::labelOwner(store::LabelSource{}.describe(*project)));
        QVERIFY(clips.models.isEmpty());  // only the dataset view lists the models

        const explain::ProjectExplanation dataset = explain::explainProject(m_path, {});
        QCOMPARE(dataset.set.clips.size(), 6);
        QCOMPARE(dataset.models.size(), 2);
        QCOMPARE(dataset.scale.minimum(), project->labelScale().minimum());
        QCOMPARE(dataset.scale.maximum(), project->labelScale().maximum());

        const QString missing = errorOf([&] { explain::explainProject(m_dir.filePath(QStringLiteral("nowhere")), {}); });
        QVERIFY2(missing.contains(QStringLiteral("nowhere")), qPrintable(missing));
    }

    void registryComparesTheStoredPredictions()
    {
        auto project = store::Project::open(m_path);
        const training::ModelRegistry registry(*project);
        QCOMPARE(registry.activeModelId(), m_second);
        QCOMPARE(registry.models().size(), 2);
        QVERIFY(!registry.model(0));
        QVERIFY(!registry.setActive(987654));
        QCOMPARE(registry.activeModelId(), m_second);
        QVERIFY(!registry.compare(m_first, 987654));

        // By hand: every clip both models predicted, with its M change, largest first.
        QHash<qint64, double> first;
        for (const store::PredictionRecord &p : project->models().predictions(m_first))
            if (p.target == Target::M)
                first.insert(p.clipId, p.value);
        QList<QPair<qint64, double>> expected;
        for (const store::PredictionRecord &p : project->models().predictions(m_second))
            if (p.target == Target::M && first.contains(p.clipId))
                expected << qMakePair(p.clipId, p.value - first.value(p.clipId));
        std::sort(expected.begin(), expected.end(), [](const auto &a, const auto &b) { return std::fabs(a.second) > std::fabs(b.second); });

        const std::optional<training::RegistryComparison> comparison = registry.compare(m_first, m_second);
        QVERIFY(comparison.has_value());
        QVERIFY(!comparison->metrics.isEmpty());
        QCOMPARE(comparison->clips.size(), expected.size());
        for (int i = 0; i < expected.size(); ++i) {
            const training::ChangedClip &changed = comparison->clips[i];
            QVERIFY2(std::fabs(std::fabs(changed.change.change()) - std::fabs(expected[i].second)) < 1e-9, qPrintable(QString::number(i)));
            const std::optional<store::Clip> clip = project->clips().find(changed.change.clipId);
            QVERIFY(clip.has_value());
            QCOMPARE(changed.name, QStringLiteral("%1/%2").arg(clip->videoId, clip->clipId));
            QCOMPARE(changed.split, clip->split);
        }

        // The review queue names its clips itself, so its dock needs no store.
        const training::ReviewQueue queue = training::buildReviewQueue(m_path, -1, 4);
        QVERIFY2(queue.error.isEmpty(), qPrintable(queue.error));
        QVERIFY(!queue.disagreements.isEmpty());
        for (const training::ReviewEntry &entry : queue.disagreements) {
            const std::optional<store::Clip> clip = project->clips().find(entry.clipId);
            QVERIFY(clip.has_value());
            QCOMPARE(queue.clipNames.value(entry.clipId), QStringLiteral("%1/%2").arg(clip->videoId, clip->clipId));
        }

        QVERIFY(registry.setActive(m_first));
        QCOMPARE(store::Project::open(m_path)->models().activeModelId(), m_first);
        QVERIFY(registry.setActive(m_second));
    }

    void dialogSettingsGoThroughThePath()
    {
        QCOMPARE(language::asrModelChoice(m_path), QString());
        const QString bogus = m_dir.filePath(QStringLiteral("not-a-model.bin"));
        const QString asr = errorOf([&] { language::chooseAsrModel(m_path, bogus); });
        QVERIFY2(asr.contains(QStringLiteral("not-a-model.bin")), qPrintable(asr));
        QCOMPARE(language::asrModelChoice(m_path), QString());  // nothing stored

        QVERIFY(!jobs::textEncoderChoice(m_path));
        const QString encoder = errorOf([&] {
            jobs::chooseTextEncoder(m_path, jobs::TextEncoderSetting{bogus, m_dir.filePath(QStringLiteral("vocab.txt")), false});
        });
        QVERIFY2(encoder.contains(QStringLiteral("not-a-model.bin")) || encoder.contains(QStringLiteral("vocab.txt")), qPrintable(encoder));
        QVERIFY(!jobs::textEncoderChoice(m_path));
        jobs::chooseTextEncoder(m_path, std::nullopt);  // clearing nothing is fine
        QVERIFY(!jobs::textEncoderChoice(m_path));
    }

    // Last: the kept take adds a seventh clip.
    void aTakeIsAnalysedByTheModelsOwnArithmeticAndKept()
    {
        auto project = store::Project::open(m_path);
        const QString source = project->absolutePath(project->clips().list().first().mediaPath);
        const QString work = m_dir.filePath(QStringLiteral("work"));
        QVERIFY(QDir().mkpath(work));
        const QString take = QDir(work).filePath(QStringLiteral("take.") + QFileInfo(source).suffix());
        QVERIFY(QFile::copy(source, take));

        const explain::TakeAnalysis analysis = explain::analyseTake(m_path, take, work);
        QVERIFY2(analysis.error.isEmpty(), qPrintable(analysis.error));
        QVERIFY(analysis.multimodal.has_value());
        QCOMPARE(analysis.modelName, project->models().find(m_second)->name);
        QVERIFY(analysis.durationSeconds > 0);
        // Late fusion: M = b + sum_m w_m p_m, the weights and bias from the model file.
        const ml::LoadedModel loaded = ml::loadModel(m_secondFile.toStdString());
        double expected = parameterValue(*loaded.model, "fusion_bias", 0);
        for (size_t m = 0; m < 3; ++m) {
            QVERIFY2(analysis.unimodal[m].has_value(), qPrintable(QString::number(m)));
            expected += parameterValue(*loaded.model, "fusion_weights", std::int64_t(m)) * *analysis.unimodal[m];
        }
        QVERIFY2(std::fabs(*analysis.multimodal - expected) < 1e-4,
                 qPrintable(QStringLiteral("M %1, b + sum w p %2").arg(*analysis.multimodal).arg(expected)));
        // The project is untouched until the take is kept.
        const int clips = int(project->clips().count());
        QCOMPARE(int(store::Project::open(m_path)->clips().count()), clips);

        const qint64 id = explain::keepTake(m_path, analysis, QStringLiteral("take-one"));
        auto after = store::Project::open(m_path);
        QCOMPARE(int(after->clips().count()), clips + 1);
        const std::optional<store::Clip> kept = after->clips().find(id);
        QVERIFY(kept.has_value());
        QCOMPARE(kept->videoId, QStringLiteral("takes"));
        QCOMPARE(kept->clipId, QStringLiteral("take-one"));
        QCOMPARE(kept->split, QStringLiteral("train"));
        QCOMPARE(kept->transcript, analysis.transcript);
        QCOMPARE(after->clips().cues(id).size(), analysis.cues.size());
        const QString file = after->absolutePath(kept->mediaPath);
        QCOMPARE(QFileInfo(file).size(), QFileInfo(take).size());

        const QString twice = errorOf([&] { explain::keepTake(m_path, analysis, QStringLiteral("take-one")); });
        QVERIFY2(twice.contains(QStringLiteral("take-one")) && twice.contains(QStringLiteral("already exists")), qPrintable(twice));
        QCOMPARE(int(store::Project::open(m_path)->clips().count()), clips + 1);

        const explain::TakeAnalysis gone = explain::analyseTake(m_path, QDir(work).filePath(QStringLiteral("gone.mp4")), work);
        QVERIFY2(gone.error.contains(QStringLiteral("gone.mp4")) && gone.error.contains(QStringLiteral("missing")), qPrintable(gone.error));
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
    qint64 m_first = 0;
    qint64 m_second = 0;
    QString m_secondFile;
};

QTEST_GUILESS_MAIN(TestExplainServices)
#include "test_explain_services.moc"
