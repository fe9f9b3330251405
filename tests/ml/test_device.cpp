// Device tests of core/ml without Qt, so that they build wherever LibTorch does (the standalone
// build of core/ml on a GPU machine without Qt, issue 21). Two modes, one CTest entry each:
//   test_ml_device cpu    checks that need no GPU: model files round-trip bit for bit, training
//                         is deterministic, a CUDA request that cannot be met falls back to the
//                         CPU with a note, the fused CPU kernels refuse what they do not handle.
//   test_ml_device cuda   every architecture trains and predicts on CUDA; CPU and CUDA agree on
//                         predictions and explanations of the same weights; files saved on one
//                         device load on the other; a CUDA failure in training falls back to
//                         the CPU; the LSTM runs through cuDNN and AdamW through LibTorch's step.
//                         Exits with 77 (CTest: "Skipped") when this LibTorch has no CUDA device.
//
// Tolerances between CPU and CUDA: cuDNN computes float32 RNNs in TF32 on Ampere and newer cards
// by default (10-bit mantissa, relative rounding ~5e-4 per product), and summation orders differ,
// so predictions on a label scale of [-3, 3] are compared to 5e-3 absolute; explanations, which
// are differences of such predictions (Shapley, integrated gradients) or values in [0, 1] (masks),
// to the same bound plus 1% of their magnitude. The measured largest differences are printed.
#include "core/ml/device.h"
#include "core/ml/explain/baseline.h"
#include "core/ml/explain/causal_masks.h"
#include "core/ml/explain/integrated_gradients.h"
#include "core/ml/explain/kan_curves.h"
#include "core/ml/explain/shapley.h"
#include "core/ml/fused_adamw.h"
#include "core/ml/fused_lstm.h"
#include "core/ml/model_factory.h"
#include "core/ml/model_file.h"
#include "core/ml/sequence_encoder.h"
#include "core/ml/trainer.h"
#include "tests/ml/synthetic_data.h"

#include <torch/csrc/autograd/function.h>
#include <torch/cuda.h>
#include <torch/torch.h>
#include <torch/version.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include <unistd.h>

using namespace sl::ml;

namespace {

constexpr int kSkipped = 77;  // CTest's SKIP_RETURN_CODE for this test
constexpr double kPredictionTolerance = 5e-3;
const std::array<std::int64_t, 3> kDims{6, 5, 4};

int failures = 0;

// A failed check prints where and why and the test goes on, so one run reports every problem
// (the first 40 in full: a tolerance missed on every value of a curve would flood the log).
#define VERIFY(condition, message)                                                              \
    do {                                                                                       \
        if (!(condition) && ++failures <= 40) {                                                \
            std::printf("FAIL %s:%d: %s (%s)\n", __FILE__, __LINE__, #condition,               \
                        std::string(message).c_str());                                         \
        }                                                                                      \
    } while (false)

std::string tempPath(const std::string &name)
{
    return (std::filesystem::temp_directory_path() /
            ("sentilens_test_device_" + std::to_string(::getpid()) + "_" + name))
        .string();
}

FeatureContract contractFor(const std::array<std::int64_t, 3> &dims)
{
    FeatureContract c;
    for (Modality m : kModalities)
        c[m].dim = dims[index(m)];
    return c;
}

std::vector<std::string> architectureNames()
{
    std::vector<std::string> names;
    for (const ArchitectureInfo &info : architectures())
        names.push_back(info.name);
    return names;
}

const Dataset &data()
{
    static const Dataset d = [] {
        SyntheticSpec spec;
        spec.samples = 64;
        return makeSyntheticDataset(spec);
    }();
    return d;
}

TrainerOptions shortTraining(const std::string &device)
{
    TrainerOptions options;
    options.epochs = 2;
    options.batchSize = 16;
    options.patience = 0;
    options.device = device;
    return options;
}

std::shared_ptr<SentimentModel> freshModel(const std::string &architecture, std::uint64_t seed)
{
    torch::manual_seed(seed);
    return createModel(architecture, tinyConfig(architecture, kDims));
}

// Predictions for the first 16 clips, in bottleneck-mean mode, as doubles on the CPU.
torch::Tensor predictions(SentimentModel &model)
{
    model.eval();
    torch::NoGradGuard noGrad;
    return model.forward(data().batch(torch::arange(16))).prediction.detach().to(torch::kCPU, torch::kFloat64);
}

double maxDifference(const torch::Tensor &a, const torch::Tensor &b)
{
    return (a - b).abs().max().item<double>();
}

void save(const std::string &path, SentimentModel &model)
{
    ModelDescription d;
    d.contract = contractFor(kDims);
    d.labelScale = "mosi";
    saveModel(path, model, d);
}

LoadedModel load(const std::string &path, const std::string &device)
{
    LoadOptions options;
    options.device = device;
    return loadModel(path, options);
}

// Three AdamW steps with fixed gradients on one parameter; its values afterwards, on the CPU.
template <class Optimizer>
torch::Tensor adamWSteps(const torch::Device &device, torch::ScalarType dtype)
{
    torch::manual_seed(5);
    const torch::TensorOptions on = torch::TensorOptions(device).dtype(dtype);
    torch::Tensor p = torch::randn({40}, on).set_requires_grad(true);
    const torch::Tensor gradient = torch::randn({40}, on);
    Optimizer optimizer(std::vector<torch::Tensor>{p}, torch::optim::AdamWOptions(1e-2).weight_decay(0.01));
    for (int i = 0; i < 3; ++i) {
        p.mutable_grad() = gradient.clone();
        optimizer.step();
    }
    return p.detach().cpu();
}

// ---- CPU ---------------------------------------------------------------------------------------

// Saved and loaded on the CPU, every architecture predicts exactly what it did before; the same
// seed trains to the same weights.
void cpuRoundTripAndDeterminism()
{
    for (const std::string &arch : architectureNames()) {
        auto first = freshModel(arch, 21);
        train(*first, data(), Dataset{}, shortTraining("cpu"));
        auto second = freshModel(arch, 21);
        train(*second, data(), Dataset{}, shortTraining("cpu"));
        const torch::Tensor expected = predictions(*first);
        VERIFY(torch::isfinite(expected).all().item<bool>(), arch + ": predictions not finite");
        VERIFY(maxDifference(expected, predictions(*second)) == 0.0, arch + ": same seed, other weights");

        const std::string file = tempPath(arch + "_cpu.slm");
        save(file, *first);
        LoadedModel loaded = load(file, "cpu");
        std::filesystem::remove(file);
        VERIFY(loaded.model->device().is_cpu(), arch);
        VERIFY(loaded.deviceNote.empty(), arch + ": " + loaded.deviceNote);
        VERIFY(maxDifference(expected, predictions(*loaded.model)) == 0.0, arch + ": file round trip");
    }
}

// A device that does not exist (no CUDA here, or not 64 of them there) is replaced by the CPU in
// training and in loading, each time with a note that says so.
void unmetCudaRequestFallsBack()
{
    auto model = freshModel("e-mib", 3);
    const TrainingResult result = train(*model, data(), Dataset{}, shortTraining("cuda:64"));
    VERIFY(result.record.device == "cpu", result.record.device);
    VERIFY(result.record.deviceNote.find("using the CPU") != std::string::npos, result.record.deviceNote);
    VERIFY(model->device().is_cpu(), "trained model left the CPU");

    const std::string file = tempPath("unmet.slm");
    save(file, *model);
    LoadedModel loaded = load(file, "cuda:64");
    std::filesystem::remove(file);
    VERIFY(loaded.model->device().is_cpu(), "loaded model not on the CPU");
    VERIFY(loaded.deviceNote.find("using the CPU") != std::string::npos, loaded.deviceNote);
}

void fusedKernelsTakeOnlyWhatTheyHandle()
{
    const torch::Tensor x = torch::randn({2, 3, 4});
    const torch::Tensor w = torch::randn({8, 4});
    VERIFY(fusedLstmSupports(x, w), "float CPU input refused");
    VERIFY(!fusedLstmSupports(x.to(torch::kFloat16), w.to(torch::kFloat16)), "half input accepted");
    VERIFY(!fusedLstmSupports(x, w.to(torch::kFloat64)), "mixed dtypes accepted");
    // float64 is not FusedAdamW's case: it must take LibTorch's step, to the last bit.
    VERIFY(torch::equal(adamWSteps<FusedAdamW>(torch::kCPU, torch::kFloat64),
                        adamWSteps<torch::optim::AdamW>(torch::kCPU, torch::kFloat64)),
           "FusedAdamW on float64 differs from LibTorch's AdamW");
}

// ---- CUDA --------------------------------------------------------------------------------------

struct Worst {
    std::string what;
    double difference = 0;
    int compared = 0;
    void note(const std::string &name, double d)
    {
        ++compared;
        if (d > difference) {
            difference = d;
            what = name;
        }
    }
};
Worst worstPrediction, worstExplanation;

void checkClose(double cpu, double cuda, const std::string &what, Worst &worst)
{
    const double d = std::abs(cpu - cuda);
    worst.note(what, d);
    VERIFY(d <= kPredictionTolerance + 0.01 * std::abs(cpu),
          what + ": CPU " + std::to_string(cpu) + ", CUDA " + std::to_string(cuda));
}

void compareExplanations(const std::string &arch, SentimentModel &onCpu, SentimentModel &onCuda)
{
    const explain::Baseline baseline = explain::makeBaseline(explain::BaselineKind::Mean, kDims, &data());
    const ModelInput clips = explain::clipsInput(data(), torch::arange(6));

    const auto shapleyCpu = explain::shapleyValues(onCpu, clips, baseline);
    const auto shapleyCuda = explain::shapleyValues(onCuda, clips, baseline);
    VERIFY(shapleyCpu.size() == shapleyCuda.size(), arch);
    for (size_t c = 0; c < std::min(shapleyCpu.size(), shapleyCuda.size()); ++c)
        for (std::size_t m = 0; m < kModalityCount; ++m)
            checkClose(shapleyCpu[c].phi[m], shapleyCuda[c].phi[m], arch + " Shapley", worstExplanation);

    // A fixed number of steps on both sides: the adaptive refinement could otherwise stop at a
    // different count on either side of its threshold.
    explain::IntegratedGradientsOptions ig;
    ig.steps = ig.maxSteps = 64;
    const auto igCpu = explain::integratedGradients(onCpu, clips, baseline, ig);
    const auto igCuda = explain::integratedGradients(onCuda, clips, baseline, ig);
    VERIFY(igCpu.size() == igCuda.size(), arch);
    for (size_t c = 0; c < std::min(igCpu.size(), igCuda.size()); ++c)
        for (std::size_t m = 0; m < kModalityCount; ++m) {
            VERIFY(igCpu[c].steps[m].size() == igCuda[c].steps[m].size(), arch);
            for (size_t t = 0; t < std::min(igCpu[c].steps[m].size(), igCuda[c].steps[m].size()); ++t)
                checkClose(igCpu[c].steps[m][t], igCuda[c].steps[m][t], arch + " integrated gradients",
                           worstExplanation);
        }

    if (explain::hasKan(onCpu)) {
        const explain::KanCurves a = explain::kanCurves(onCpu, clips);
        const explain::KanCurves b = explain::kanCurves(onCuda, clips);
        VERIFY(a.available && b.available && a.edges.size() == b.edges.size(), arch + " KAN curves");
        for (size_t e = 0; e < std::min(a.edges.size(), b.edges.size()); ++e) {
            VERIFY(a.edges[e].total.size() == b.edges[e].total.size(), arch);
            for (size_t i = 0; i < std::min(a.edges[e].total.size(), b.edges[e].total.size()); ++i)
                checkClose(a.edges[e].total[i], b.edges[e].total[i], arch + " KAN curves", worstExplanation);
        }
    }

    const explain::CausalMasks masksCpu = explain::causalMasks(onCpu, clips);
    const explain::CausalMasks masksCuda = explain::causalMasks(onCuda, clips);
    VERIFY(masksCpu.available == masksCuda.available, arch + " causal masks");
    if (masksCpu.available && masksCuda.available) {
        VERIFY(masksCpu.meanMask.size() == masksCuda.meanMask.size(), arch);
        for (size_t j = 0; j < std::min(masksCpu.meanMask.size(), masksCuda.meanMask.size()); ++j)
            checkClose(masksCpu.meanMask[j], masksCuda.meanMask[j], arch + " causal masks", worstExplanation);
    }
}

// Per architecture: trained on `device`; saved from there and loaded on it and on the CPU, which
// agree; trained on the CPU, saved there and loaded on `device`, which agrees with the CPU. With
// device "cpu" (the cpu mode) the same steps run with both sides on the CPU: the file round trips
// and the explanation plumbing are checked without a GPU, and the CUDA run exercises no new code.
void everyArchitectureOn(const std::string &device)
{
    const bool cuda = device == "cuda";
    for (const std::string &arch : architectureNames()) {
        auto model = freshModel(arch, 31);
        const torch::Tensor before = predictions(*model);
        const TrainingResult result = train(*model, data(), Dataset{}, shortTraining(device));
        std::printf("  %-12s trained on %s in %.2f s\n", arch.c_str(), result.record.device.c_str(),
                    result.record.seconds);
        VERIFY(result.record.device.rfind(device, 0) == 0, arch + " trained on " + result.record.device);
        VERIFY(result.record.deviceNote.empty(), arch + ": " + result.record.deviceNote);
        VERIFY(model->device().is_cuda() == cuda, arch + ": model not on " + device + " after training");
        const torch::Tensor onCuda = predictions(*model);
        VERIFY(torch::isfinite(onCuda).all().item<bool>(), arch + ": CUDA predictions not finite");
        VERIFY(maxDifference(before, onCuda) > 1e-4, arch + ": training on CUDA changed nothing");

        const std::string fromCuda = tempPath(arch + "_from_cuda.slm");
        save(fromCuda, *model);
        LoadedModel cpu = load(fromCuda, "cpu");
        LoadedModel there = load(fromCuda, device);
        std::filesystem::remove(fromCuda);
        VERIFY(cpu.model->device().is_cpu() && there.model->device().is_cuda() == cuda, arch + ": devices after loading");
        const double sameDevice = maxDifference(onCuda, predictions(*there.model));
        VERIFY(sameDevice <= 1e-6, arch + ": CUDA file round trip differs by " + std::to_string(sameDevice));
        const double crossDevice = maxDifference(onCuda, predictions(*cpu.model));
        worstPrediction.note(arch + " saved on " + device + ", loaded on the CPU", crossDevice);
        VERIFY(crossDevice <= kPredictionTolerance, arch + ": CPU vs CUDA " + std::to_string(crossDevice));

        auto cpuTrained = freshModel(arch, 32);
        train(*cpuTrained, data(), Dataset{}, shortTraining("cpu"));
        const std::string fromCpu = tempPath(arch + "_from_cpu.slm");
        save(fromCpu, *cpuTrained);
        LoadedModel onGpu = load(fromCpu, device);
        std::filesystem::remove(fromCpu);
        VERIFY(onGpu.model->device().is_cuda() == cuda, arch + ": CPU file not loaded on " + device);
        const double cpuToCuda = maxDifference(predictions(*cpuTrained), predictions(*onGpu.model));
        worstPrediction.note(arch + " saved on the CPU, loaded on " + device, cpuToCuda);
        VERIFY(cpuToCuda <= kPredictionTolerance, arch + ": CPU file on CUDA " + std::to_string(cpuToCuda));

        compareExplanations(arch, *cpu.model, *there.model);
    }
    std::printf("  largest CPU/%s prediction difference: %.3g (%s), of %d compared\n", device.c_str(),
                worstPrediction.difference, worstPrediction.what.c_str(), worstPrediction.compared);
    std::printf("  largest CPU/%s explanation difference: %.3g (%s), of %d values compared\n", device.c_str(),
                worstExplanation.difference, worstExplanation.what.c_str(), worstExplanation.compared);
    VERIFY(worstExplanation.compared > 0, "no explanation was compared");
}

// A CUDA error in the middle of training (here raised from the progress callback once the model
// is on the GPU: a real out-of-memory cannot be provoked reliably) restarts training on the CPU
// and the record says why.
void cudaFailureFallsBackToCpu()
{
    auto model = freshModel("c-mib", 41);
    bool raised = false;
    const TrainingResult result =
        train(*model, data(), Dataset{}, shortTraining("cuda"), {}, [&](const TrainingProgress &) {
            if (!raised && model->device().is_cuda()) {
                raised = true;
                TORCH_CHECK(false, "simulated CUDA out of memory");
            }
        });
    VERIFY(raised, "the callback never saw the model on CUDA");
    VERIFY(result.record.device == "cpu", result.record.device);
    VERIFY(result.record.deviceNote.find("CUDA failed") != std::string::npos &&
              result.record.deviceNote.find("simulated CUDA out of memory") != std::string::npos,
          result.record.deviceNote);
    VERIFY(model->device().is_cpu(), "model not back on the CPU");
    VERIFY(result.record.steps > 0, "no training on the CPU after the failure");
    std::printf("  fallback note: %s\n", result.record.deviceNote.c_str());
}

bool graphHas(const torch::Tensor &output, const std::string &nodeName)
{
    std::vector<torch::autograd::Node *> stack{output.grad_fn().get()};
    std::set<torch::autograd::Node *> seen;
    while (!stack.empty()) {
        torch::autograd::Node *node = stack.back();
        stack.pop_back();
        if (!node || !seen.insert(node).second)
            continue;
        if (node->name().find(nodeName) != std::string::npos)
            return true;
        for (const auto &edge : node->next_edges())
            stack.push_back(edge.function.get());
    }
    return false;
}

// On CUDA the fused CPU LSTM steps aside for LibTorch's module, which runs cuDNN's LSTM where
// cuDNN is available; FusedAdamW takes LibTorch's own AdamW step (the same numbers exactly).
void cudaUsesLibTorchModules()
{
    const torch::Device cuda(torch::kCUDA);
    SequenceEncoder encoder(5, 7, SequenceEncoderKind::Lstm);
    encoder->to(cuda);
    encoder->train();
    const torch::Tensor x = torch::randn({3, 9, 5}, cuda);
    VERIFY(!fusedLstmSupports(x, encoder->named_parameters()["lstm.weight_ih_l0"]), "fused LSTM took CUDA input");
    const torch::Tensor out = encoder->forward(x, torch::full({3}, 9, torch::TensorOptions(cuda).dtype(torch::kInt64)));
    const bool cudnn = torch::cuda::cudnn_is_available();
    std::printf("  cuDNN available: %s; LSTM graph has CudnnRnnBackward: %s\n", cudnn ? "yes" : "no",
                graphHas(out, "CudnnRnn") ? "yes" : "no");
    if (cudnn)
        VERIFY(graphHas(out, "CudnnRnn"), "the LSTM on CUDA did not run through cuDNN");

    VERIFY(torch::equal(adamWSteps<FusedAdamW>(cuda, torch::kFloat32), adamWSteps<torch::optim::AdamW>(cuda, torch::kFloat32)),
           "FusedAdamW on CUDA differs from LibTorch's AdamW");
}

}  // namespace

int main(int argc, char **argv)
{
    const std::string mode = argc > 1 ? argv[1] : "";
    if (mode != "cpu" && mode != "cuda") {
        std::fprintf(stderr, "usage: %s cpu|cuda\n", argv[0]);
        return 2;
    }
    std::printf("LibTorch %s, CUDA devices: %d\n", TORCH_VERSION, cudaDeviceCount());
    if (mode == "cpu") {
        cpuRoundTripAndDeterminism();
        everyArchitectureOn("cpu");
        unmetCudaRequestFallsBack();
        fusedKernelsTakeOnlyWhatTheyHandle();
    } else {
        if (!cudaAvailable()) {
            std::printf("SKIPPED: this LibTorch build has no usable CUDA device\n");
            return kSkipped;
        }
        cudaUsesLibTorchModules();
        cudaFailureFallsBackToCpu();
        everyArchitectureOn("cuda");
    }
    std::printf("%s: %d failed check(s)\n", mode.c_str(), failures);
    return failures == 0 ? 0 : 1;
}
