// Loading a project's features into tensors without a second copy, and predicting its clips a
// chunk at a time (issue 14: a MOSEI-size project must train within 1.5x its features' memory).
// The project here is built through the store with clips of different lengths, so that padding,
// audio pooling and the cap on steps all matter:
//  - one clip's tensor rows are checked against values pooled and compressed by hand here;
//  - predictions made in chunks of several sizes must equal one load of every clip to the last
//    bit, for an untrained model and for the predictions a training stores with its model
//    (checked against the model file read back and run on one load of all clips).
// LibTorch (through project_data.h) before any Qt header.
#include "core/training/chunked_prediction.h"
#include "core/training/project_data.h"
#include "core/training/project_training.h"

#include "core/ml/model_factory.h"
#include "core/ml/model_file.h"
#include "core/common/error.h"
#include "core/store/project.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace sl;

namespace {

constexpr std::array<int, 3> kDims{3, 2, 2};
const char *const kCodes[3] = {"T", "A", "V"};

// Stored frames of clip n in modality m: from 1 up to 70 audio frames (18 steps after pooling by 4)
// and, for one clip, 300 video frames, beyond the 128-step cap.
int framesOf(int n, int m)
{
    if (m == 2 && n == 4)
        return 300;
    return m == 1 ? 1 + (n * 13) % 70 : 1 + (n * 5) % 9;
}

float valueOf(int n, int m, int frame, int d) { return float((n + 1) * (d + 1)) * std::sin(0.7f * float(frame + m)) * 3.0f; }

QString buildProject(const QString &folder, int clips)
{
    auto project = store::Project::create(folder, QStringLiteral("chunks"), LabelScale());
    const qint64 dataset = project->annotators().ensure(QStringLiteral("dataset"), QStringLiteral("dataset")).id;
    project->settings().setValue(QString::fromLatin1(store::SettingKey::ImportAnnotator), QStringLiteral("dataset"));
    std::array<qint64, 3> sets{};
    for (int m = 0; m < 3; ++m) {
        store::FeatureSet wanted;
        wanted.modality = QString::fromLatin1(kCodes[m]);
        wanted.name = wanted.extractor = QStringLiteral("chunk-%1").arg(m);
        wanted.extractorVersion = QStringLiteral("1");
        wanted.configHash = QStringLiteral("c");
        wanted.paramsJson = QStringLiteral("{}");
        wanted.dims = kDims[size_t(m)];
        for (int d = 0; d < wanted.dims; ++d)
            wanted.dimNames << QStringLiteral("d%1").arg(d);
        sets[size_t(m)] = project->features().ensureSet(wanted).id;
    }
    for (int n = 0; n < clips; ++n) {
        store::Clip clip;
        clip.videoId = QStringLiteral("v%1").arg(n);
        clip.clipId = QStringLiteral("0");
        clip.mediaPath = QStringLiteral("media/%1.mp4").arg(n);
        clip.split = store::splitNames()[n % 3];
        const qint64 id = project->clips().add(clip);
        project->labels().set(id, dataset, Target::M, double((n * 7) % 13 - 6) / 2.0);
        for (int m = 0; m < 3; ++m) {
            store::ClipFeatures f;
            f.frames = framesOf(n, m);
            f.dims = kDims[size_t(m)];
            for (int t = 0; t < f.frames; ++t) {
                f.times.push_back(0.04f * float(t));
                for (int d = 0; d < f.dims; ++d)
                    f.data.push_back(valueOf(n, m, t, d));
            }
            project->features().store(sets[size_t(m)], id, f);
        }
    }
    return folder;
}

ml::ModelConfig configFor()
{
    ml::ModelConfig config;
    for (int m = 0; m < 3; ++m)
        config.dims[size_t(m)] = kDims[size_t(m)];
    return config;
}

void verifySame(const ml::Predictions &a, const ml::Predictions &b)
{
    QCOMPARE(a.multimodal.size(), b.multimodal.size());
    for (size_t i = 0; i < a.multimodal.size(); ++i)
        QCOMPARE(a.multimodal[i], b.multimodal[i]);  // bit for bit: the same tensors reach the model
    for (size_t m = 0; m < 3; ++m)
        QCOMPARE(a.unimodal[m], b.unimodal[m]);
}

}  // namespace

class TestChunkedLoading : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        buildProject(m_dir.path(), 23);
        m_project = store::Project::open(m_dir.path());
        m_features = training::projectFeatures(*m_project);
        m_clips = training::clipsOfSplit(*m_project, {});
        QCOMPARE(m_clips.size(), 23);
    }

    void rowsArePooledCompressedAndPadded()
    {
        const training::ClipSet all = training::loadClips(*m_project, m_features, m_clips, QString(), false);
        // Longest clip per modality, worked out here: text 9 steps; audio ceil(70 / 4) = 18;
        // video 300 frames capped at 128 steps.
        int text = 0, audio = 0;
        for (int n = 0; n < 23; ++n) {
            text = std::max(text, framesOf(n, 0));
            audio = std::max(audio, (framesOf(n, 1) + 3) / 4);
        }
        QCOMPARE(all.data.features[0].size(1), text);
        QCOMPARE(all.data.features[1].size(1), audio);
        QCOMPARE(all.data.features[2].size(1), 128);
        QCOMPARE(all.data.lengths[2][indexOf(4)].item<std::int64_t>(), 128);
        // Clip 3's audio by hand: means of four frames (fewer in the last step), then
        // sign(x) log(1 + |x|); zeros after its last step.
        const int n = 3, frames = framesOf(n, 1);
        const int steps = (frames + 3) / 4;
        QCOMPARE(all.data.lengths[1][indexOf(n)].item<std::int64_t>(), steps);
        const torch::Tensor rows = all.data.features[1][indexOf(n)];
        for (int s = 0; s < audio; ++s)
            for (int d = 0; d < kDims[1]; ++d) {
                double expected = 0;
                if (s < steps) {
                    double sum = 0;
                    int count = 0;
                    for (int t = 4 * s; t < std::min(frames, 4 * s + 4); ++t, ++count)
                        sum += valueOf(n, 1, t, d);
                    const double mean = double(float(sum / count));
                    expected = std::copysign(std::log1p(std::fabs(mean)), mean);
                }
                QVERIFY2(std::fabs(rows[s][d].item<double>() - expected) < 1e-6,
                         qPrintable(QStringLiteral("step %1 dim %2: %3 vs %4").arg(s).arg(d).arg(rows[s][d].item<double>()).arg(expected)));
            }
    }

    void longestStepsReadsOnlyFrameCounts()
    {
        const training::StepCounts steps =
            training::longestSteps(*m_project, m_features, {m_clips[indexOf(5)], m_clips[indexOf(6)], m_clips[indexOf(7)]});
        int text = 0, audio = 0, video = 0;
        for (int n = 5; n < 8; ++n) {
            text = std::max(text, framesOf(n, 0));
            audio = std::max(audio, (framesOf(n, 1) + 3) / 4);
            video = std::max(video, std::min(128, framesOf(n, 2)));
        }
        QCOMPARE(steps[0], text);
        QCOMPARE(steps[1], audio);
        QCOMPARE(steps[2], video);
    }

    void chunkedPredictionsEqualOneLoad()
    {
        torch::manual_seed(3);
        auto model = ml::createModel("e-mib", configFor());
        const training::ClipSet all = training::loadClips(*m_project, m_features, m_clips, QString(), false);
        // Batches of 4 clips, so that 23 clips make several chunks: a chunk of 5 is rounded up to
        // 8 clips (two batches), the last chunk is shorter.
        const ml::Predictions whole = ml::predict(*model, all.data, ml::BottleneckMode::Mean, 4);
        QCOMPARE(int(whole.multimodal.size()), 23);
        for (int chunk : {1, 5, 12, 1000})
            verifySame(training::predictInChunks(*m_project, m_features, m_clips, *model, chunk, 4), whole);
    }

    void meanBaselineSummedInChunks()
    {
        // Against the explanations' own mean over one tensor of the train split (float sums), and
        // for one dim against a sum worked out here from the loaded rows in double.
        const QList<qint64> train = training::clipsOfSplit(*m_project, QStringLiteral("train"));
        const std::array<std::int64_t, 3> dims{kDims[0], kDims[1], kDims[2]};
        const training::ClipSet whole = training::loadClips(*m_project, m_features, train, QString(), false);
        const ml::explain::Baseline expected = ml::explain::makeBaseline(ml::explain::BaselineKind::Mean, dims, &whole.data);
        for (int chunk : {1, 3, 100}) {
            const ml::explain::Baseline got = training::meanBaselineInChunks(*m_project, m_features, train, dims, chunk);
            for (size_t m = 0; m < 3; ++m)
                QVERIFY(torch::allclose(got.values[m], expected.values[m], 1e-5, 1e-6));
        }
        double sum = 0, steps = 0;
        for (std::int64_t i = 0; i < whole.data.size(); ++i)
            for (std::int64_t t = 0; t < whole.data.lengths[1][i].item<std::int64_t>(); ++t, ++steps)
                sum += whole.data.features[1][i][t][1].item<double>();
        const ml::explain::Baseline got = training::meanBaselineInChunks(*m_project, m_features, train, dims, 2);
        QVERIFY(std::fabs(got.values[1][1].item<double>() - sum / steps) < 1e-6);
        QVERIFY_THROWS_EXCEPTION(sl::Error, training::meanBaselineInChunks(*m_project, m_features, {}, dims));
    }

    void trainingStoresThePredictionsOfItsModelFile()
    {
        training::TrainRequest request;
        request.architecture = QStringLiteral("late-fusion");
        request.trainer.epochs = 2;
        const training::TrainOutcome outcome = training::trainOnProject(*m_project, request);
        QCOMPARE(outcome.evaluations.size(), size_t(3));
        ml::LoadedModel loaded = ml::loadModel(outcome.modelFile.toStdString());
        const training::ClipSet all = training::loadClips(*m_project, m_features, m_clips, QString(), false);
        const ml::Predictions expected = ml::predict(*loaded.model, all.data, ml::BottleneckMode::Mean);
        QHash<qint64, double> stored;
        for (const store::PredictionRecord &p : m_project->models().predictions(outcome.modelId))
            if (p.target == Target::M)
                stored.insert(p.clipId, p.value);
        QCOMPARE(stored.size(), 23);
        for (int i = 0; i < m_clips.size(); ++i)
            QVERIFY(std::fabs(stored.value(m_clips[i]) - expected.multimodal[size_t(i)]) < 1e-9);
    }

private:
    // Where the clip built as number n (video "v<n>") is in m_clips, the order loadClips uses.
    int indexOf(int n) const
    {
        for (int i = 0; i < m_clips.size(); ++i)
            if (m_project->clips().find(m_clips[i])->videoId == QStringLiteral("v%1").arg(n))
                return i;
        qFatal("no clip v%d", n);
    }

    QTemporaryDir m_dir;
    std::unique_ptr<store::Project> m_project;
    training::ProjectFeatures m_features;
    QList<qint64> m_clips;
};

QTEST_GUILESS_MAIN(TestChunkedLoading)
#include "test_chunked_loading.moc"
