// Benchmark (not a test): training time per epoch and inference latency per clip for every
// architecture, on fixed synthetic tensors shaped like word-aligned MOSI (T 768, A 74, V 47 dims,
// 50 frames each) and a fixed CPU thread count. tests/bench/ml/bench_models.py runs the same
// models in PyTorch for Python on the same shapes for comparison. Both print the fastest epoch and
// the fastest block of clips: on a machine shared with other work, the minimum is the number least
// disturbed by it.
//   bench_models [threads=2] [samples=256] [epochs=3] [clips=100] [architecture=all]
#include "core/ml/model_factory.h"
#include "core/ml/trainer.h"
#include "tests/ml/synthetic_data.h"

#include <ATen/Parallel.h>
#include <torch/utils.h>
#include <torch/version.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

using namespace sl::ml;

namespace {

double secondsSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char **argv)
{
    const int threads = argc > 1 ? std::atoi(argv[1]) : 2;
    const std::int64_t samples = argc > 2 ? std::atoll(argv[2]) : 256;
    const int epochs = argc > 3 ? std::atoi(argv[3]) : 3;
    const int clips = argc > 4 ? std::atoi(argv[4]) : 100;
    const std::string only = argc > 5 ? argv[5] : "";
    at::set_num_threads(threads);

    SyntheticSpec spec;
    spec.samples = samples;
    spec.dims = {768, 74, 47};
    spec.maxTime = {50, 50, 50};
    spec.variableLengths = false;
    const Dataset data = makeSyntheticDataset(spec);

    std::printf("threads %d, %lld samples, batch 32, dims 768/74/47, 50 frames, LibTorch %s\n",
                threads, static_cast<long long>(samples), TORCH_VERSION);
    std::printf("%-12s %16s %18s\n", "arch", "train s/epoch", "infer ms/clip");
    for (const ArchitectureInfo &info : architectures()) {
        if (!only.empty() && info.name != only)
            continue;
        ModelConfig config;
        config.dims = spec.dims;
        torch::manual_seed(1);
        auto model = createModel(info.name, config);

        TrainerOptions options;
        options.batchSize = 32;
        options.threads = threads;
        options.patience = 0;
        options.epochs = 1;
        train(*model, data, Dataset{}, options);  // warm-up: allocator, first-call costs
        options.epochs = epochs;
        double perEpoch = 1e300;
        auto start = std::chrono::steady_clock::now();
        train(*model, data, Dataset{}, options, {}, [&](const TrainingProgress &p) {
            if (p.kind != TrainingProgress::Kind::Epoch)
                return;
            perEpoch = std::min(perEpoch, secondsSince(start));
            start = std::chrono::steady_clock::now();
        });

        model->eval();
        torch::NoGradGuard noGrad;
        for (int i = 0; i < 10; ++i)
            model->forward(data.batch(torch::tensor({i % samples})));
        double perClip = 1e300;
        const int block = std::max(1, clips / 5);
        for (int b = 0; b < 5; ++b) {
            start = std::chrono::steady_clock::now();
            for (int i = 0; i < block; ++i)
                model->forward(data.batch(torch::tensor({(b * block + i) % samples})));
            perClip = std::min(perClip, secondsSince(start) / block * 1000.0);
        }
        std::printf("%-12s %16.3f %18.3f\n", info.name.c_str(), perEpoch, perClip);
    }
    return 0;
}
