// Benchmark (not a test): training time per epoch and inference latency per clip for every
// architecture, on fixed synthetic tensors shaped like word-aligned MOSI (T 768, A 74, V 47 dims,
// 50 frames each) and a fixed CPU thread count. tests/bench/ml/bench_models.py runs the same
// models in PyTorch for Python on the same shapes for comparison. Both print the fastest epoch and
// the fastest block of clips: on a machine shared with other work, the minimum is the number least
// disturbed by it. With device "cuda" everything runs on the GPU (the clips are handed over on the
// CPU, as the app does, and moved by the model), timed up to a synchronisation of the device.
// After the table: batch inference throughput in clips per second for batches of 1, 32 and 1024
// clips (the batch already on the device; the fastest of three rounds of at least 0.2 s).
//   bench_models [threads=2] [samples=256] [epochs=3] [clips=100] [architecture=all] [device=cpu]
#include "core/ml/model_factory.h"
#include "core/ml/trainer.h"
#include "tests/ml/synthetic_data.h"

#include <ATen/Parallel.h>
#include <torch/cuda.h>
#include <torch/utils.h>
#include <torch/version.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

using namespace sl::ml;

namespace {

double secondsSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Waits for the GPU's queued work, so that a clock read afterwards includes it (no-op on the CPU).
void finish(const torch::Device &device)
{
    if (device.is_cuda())
        torch::cuda::synchronize();
}

// The batch of `size` clips (indices modulo the sample count) as a model input on `device`.
ModelInput deviceBatch(const Dataset &data, std::int64_t size, const torch::Device &device)
{
    ModelInput input = data.batch(torch::arange(size) % data.size());
    for (ModalityInput &in : input.modalities) {
        in.features = in.features.to(device);
        in.lengths = in.lengths.to(device);
    }
    input.targets = Targets{};
    return input;
}

double clipsPerSecond(SentimentModel &model, const ModelInput &input, std::int64_t size,
                      const torch::Device &device)
{
    for (int i = 0; i < 3; ++i)
        model.forward(input);
    finish(device);
    double best = 0;
    for (int round = 0; round < 3; ++round) {
        const auto start = std::chrono::steady_clock::now();
        std::int64_t passes = 0;
        do {
            model.forward(input);
            ++passes;
            finish(device);
        } while (secondsSince(start) < 0.2);
        best = std::max(best, static_cast<double>(passes * size) / secondsSince(start));
    }
    return best;
}

}  // namespace

int main(int argc, char **argv)
{
    const int threads = argc > 1 ? std::atoi(argv[1]) : 2;
    const std::int64_t samples = argc > 2 ? std::atoll(argv[2]) : 256;
    const int epochs = argc > 3 ? std::atoi(argv[3]) : 3;
    const int clips = argc > 4 ? std::atoi(argv[4]) : 100;
    const std::string only = argc > 5 && std::string(argv[5]) != "all" ? argv[5] : "";
    const std::string deviceName = argc > 6 ? argv[6] : "cpu";
    if (deviceName != "cpu" && deviceName != "cuda") {
        std::fprintf(stderr, "bench_models: device must be cpu or cuda, not '%s'\n", deviceName.c_str());
        return 2;
    }
    if (deviceName == "cuda" && !torch::cuda::is_available()) {
        std::fprintf(stderr, "bench_models: device cuda asked for, but this LibTorch has no usable CUDA device\n");
        return 2;
    }
    const torch::Device device(deviceName == "cuda" ? torch::kCUDA : torch::kCPU);
    at::set_num_threads(threads);

    SyntheticSpec spec;
    spec.samples = samples;
    spec.dims = {768, 74, 47};
    spec.maxTime = {50, 50, 50};
    spec.variableLengths = false;
    const Dataset data = makeSyntheticDataset(spec);

    std::printf("threads %d, %lld samples, batch 32, dims 768/74/47, 50 frames, LibTorch %s, device %s\n",
                threads, static_cast<long long>(samples), TORCH_VERSION, deviceName.c_str());
    std::printf("%-12s %16s %18s\n", "arch", "train s/epoch", "infer ms/clip");
    const std::vector<std::int64_t> batchSizes{1, 32, 1024};
    std::vector<std::pair<std::string, std::vector<double>>> throughput;
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
        options.device = deviceName;
        train(*model, data, Dataset{}, options);  // warm-up: allocator, first-call costs
        options.epochs = epochs;
        double perEpoch = 1e300;
        auto start = std::chrono::steady_clock::now();
        train(*model, data, Dataset{}, options, {}, [&](const TrainingProgress &p) {
            if (p.kind != TrainingProgress::Kind::Epoch)
                return;
            finish(device);
            perEpoch = std::min(perEpoch, secondsSince(start));
            start = std::chrono::steady_clock::now();
        });

        model->eval();
        torch::NoGradGuard noGrad;
        for (int i = 0; i < 10; ++i)
            model->forward(data.batch(torch::tensor({i % samples})));
        double perClip = 1e300;
        const int block = std::max(1, clips / 5);
        finish(device);
        for (int b = 0; b < 5; ++b) {
            start = std::chrono::steady_clock::now();
            for (int i = 0; i < block; ++i)
                model->forward(data.batch(torch::tensor({(b * block + i) % samples})));
            finish(device);
            perClip = std::min(perClip, secondsSince(start) / block * 1000.0);
        }
        std::printf("%-12s %16.3f %18.3f\n", info.name.c_str(), perEpoch, perClip);
        std::fflush(stdout);
        std::vector<double> rates;
        for (std::int64_t size : batchSizes)
            rates.push_back(clipsPerSecond(*model, deviceBatch(data, size, device), size, device));
        throughput.emplace_back(info.name, rates);
    }
    std::printf("\nbatch inference, clips/s\n%-12s %12s %12s %12s\n", "arch", "batch 1", "batch 32", "batch 1024");
    for (const auto &[name, rates] : throughput)
        std::printf("%-12s %12.0f %12.0f %12.0f\n", name.c_str(), rates[0], rates[1], rates[2]);
    return 0;
}
