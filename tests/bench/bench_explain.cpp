// bench_explain PROJECT: time of all explanations of one clip (exact Shapley values, 32-step
// integrated gradients, the KAN curves and the clip's view of them, the causal masks) per
// architecture, on the project's real features (test split), and the whole test split explained
// in batches, in clips per second. The models are freshly initialised with the settings `train`
// uses by default: the time of a forward/backward pass does not depend on the weights' values.
// Prints numbers; never run as a test (see README.md here).
#include "core/ml/explain/causal_masks.h"
#include "core/ml/explain/integrated_gradients.h"
#include "core/ml/explain/kan_curves.h"
#include "core/ml/explain/shapley.h"
#include "core/ml/model_factory.h"
#include "core/training/project_data.h"

#include "core/common/error.h"
#include "core/store/project.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>
#include <algorithm>
#include <functional>

using namespace sl;
using namespace sl::ml::explain;

namespace {

// Milliseconds spent in each part of the explanations, summed over calls.
struct PartTimes {
    double shapley = 0, gradients = 0, kan = 0, masks = 0;
    double total() const { return shapley + gradients + kan + masks; }
};

double millisecondsOf(const std::function<void()> &work)
{
    QElapsedTimer timer;
    timer.start();
    work();
    return double(timer.nsecsElapsed()) / 1e6;
}

// Everything the CLI computes for these clips (KAN curves with the clips as their dataset).
PartTimes explainAll(ml::SentimentModel &model, const ml::ModelInput &clips, const Baseline &baseline)
{
    PartTimes times;
    times.shapley = millisecondsOf([&] { shapleyValues(model, clips, baseline); });
    times.gradients = millisecondsOf([&] { integratedGradients(model, clips, baseline, IntegratedGradientsOptions{}); });
    times.kan = millisecondsOf([&] {
        kanCurves(model, clips);
        kanClipViews(model, clips);
    });
    times.masks = millisecondsOf([&] { causalMasks(model, clips); });
    return times;
}

}  // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    if (argc < 2) {
        out << "usage: bench_explain PROJECT (a project with extracted features, e.g. the demo project)\n";
        return 2;
    }
    try {
        auto project = store::Project::open(QString::fromLocal8Bit(argv[1]));
        const training::ProjectFeatures features = training::projectFeatures(*project);
        const training::ClipSet test = training::loadClips(*project, features, training::clipsOfSplit(*project, QStringLiteral("test")), QString(), false);
        const std::int64_t n = test.data.size();
        if (n == 0) {
            out << "the project has no test clips\n";
            return 1;
        }
        ml::ModelConfig config;
        for (ml::Modality m : ml::kModalities)
            config.dims[ml::index(m)] = features.sets[ml::index(m)] ? features.sets[ml::index(m)]->dims : 1;
        out << "test clips: " << n << ", LibTorch threads: " << torch::get_num_threads() << "\n";
        out << "architecture   per clip: median    max   (Shapley / IG / KAN / masks, mean)   test split batched\n";
        for (const char *architecture : {"late-fusion", "e-mib", "l-mib", "c-mib", "kan-mcp", "camib"}) {
            torch::manual_seed(1111);
            auto model = ml::createModel(architecture, config);
            const Baseline baseline = makeBaseline(BaselineKind::Zeros, config.dims);
            explainAll(*model, clipsInput(test.data, torch::arange(1)), baseline);  // warm-up
            std::vector<double> perClip;
            PartTimes parts;
            for (std::int64_t i = 0; i < n; ++i) {
                const PartTimes clip = explainAll(*model, clipsInput(test.data, torch::tensor({i})), baseline);
                perClip.push_back(clip.total());
                parts.shapley += clip.shapley / double(n);
                parts.gradients += clip.gradients / double(n);
                parts.kan += clip.kan / double(n);
                parts.masks += clip.masks / double(n);
            }
            std::sort(perClip.begin(), perClip.end());
            const double batchSeconds = explainAll(*model, clipsInput(test.data, torch::arange(n)), baseline).total() / 1000.0;
            out << QStringLiteral("%1 %2 ms %3 ms   (%4 / %5 / %6 / %7 ms)   %8 clips/s (%9 s)\n")
                       .arg(QString::fromLatin1(architecture), -14)
                       .arg(perClip[perClip.size() / 2], 9, 'f', 1)
                       .arg(perClip.back(), 6, 'f', 1)
                       .arg(parts.shapley, 0, 'f', 1)
                       .arg(parts.gradients, 0, 'f', 1)
                       .arg(parts.kan, 0, 'f', 1)
                       .arg(parts.masks, 0, 'f', 1)
                       .arg(double(n) / batchSeconds, 0, 'f', 1)
                       .arg(batchSeconds, 0, 'f', 2);
            out.flush();
        }
        return 0;
    } catch (const Error &error) {
        out << error.message() << "\n";
        return 1;
    }
}
