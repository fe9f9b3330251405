#include "core/ml/fused_lstm.h"

#include <torch/csrc/autograd/custom_function.h>

#include <algorithm>
#include <atomic>
#include <bit>
#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace sl::ml {

namespace {

// ---- Activations -------------------------------------------------------------------------------
// float: branch-free versions that GCC vectorises when they are inlined into the cell loops
// (std::exp and std::tanh are library calls it cannot vectorise without -ffast-math; scalar they
// cost ~12 ns each, vectorised ~0.5-1 ns with AVX2). Relative error measured over [-30, 30]:
// exp 1e-7, sigmoid 1.5e-7, tanh 3e-7 (a few ulp); the tests compare with torch::nn::LSTM.
// double: the library functions, for exact gradient checks.

// e^x = 2^n e^r with n = round(x / ln 2) and |r| <= ln(2) / 2, e^r by its Taylor polynomial of
// degree 7 (truncation error (ln2/2)^8 / 8! < 6e-9, below float's rounding). n is rounded by
// adding 1.5 * 2^23, which leaves n in the low mantissa bits; ln 2 is split in a part exact in
// few bits and a remainder (Cody-Waite) so that x - n ln 2 loses nothing.
// Bit-mask select: GCC keeps a loop scalar around ?: or std::min on floats (under the default
// -ftrapping-math a comparison or division in a branch must not be speculated), not around this.
inline float pick(bool condition, float ifTrue, float ifFalse)
{
    const std::uint32_t mask = 0u - static_cast<std::uint32_t>(condition);
    return std::bit_cast<float>((std::bit_cast<std::uint32_t>(ifTrue) & mask) |
                                (std::bit_cast<std::uint32_t>(ifFalse) & ~mask));
}

inline float expApprox(float x)
{
    constexpr float kLog2e = 1.44269504088896341f;
    constexpr float kLn2High = 0.693359375f;
    constexpr float kLn2Low = -2.12194440e-4f;
    constexpr float kRoundShift = 12582912.0f;  // 1.5 * 2^23
    x = pick(x < -87.0f, -87.0f, pick(x > 88.0f, 88.0f, x));  // 2^n stays normal; NaN stays
    const float shifted = x * kLog2e + kRoundShift;
    const float n = shifted - kRoundShift;
    const float r = (x - n * kLn2High) - n * kLn2Low;
    float p = 1.0f / 5040.0f;
    p = p * r + 1.0f / 720.0f;
    p = p * r + 1.0f / 120.0f;
    p = p * r + 1.0f / 24.0f;
    p = p * r + 1.0f / 6.0f;
    p = p * r + 0.5f;
    p = p * r + 1.0f;
    p = p * r + 1.0f;
    const std::uint32_t exponent =
        std::bit_cast<std::uint32_t>(shifted) - std::bit_cast<std::uint32_t>(kRoundShift) + 127u;
    return p * std::bit_cast<float>(exponent << 23);
}

inline float sigmoidOf(float x)
{
    return 1.0f / (1.0f + expApprox(-x));
}

// tanh|x| = 1 - 2 / (e^{2|x|} + 1), except near 0 where that subtraction would cancel: there the
// odd Taylor series up to x^11 (next term < 1e-10 relative for |x| < 0.25).
inline float tanhOf(float x)
{
    const float a = std::abs(x);
    const float a2 = a * a;
    float series = 1382.0f / 155925.0f;
    series = -series * a2 + 62.0f / 2835.0f;
    series = series * a2 - 17.0f / 315.0f;
    series = series * a2 + 2.0f / 15.0f;
    series = series * a2 - 1.0f / 3.0f;
    series = a + a * a2 * series;
    const float viaExp = 1.0f - 2.0f / (expApprox(2.0f * a) + 1.0f);
    return std::copysign(pick(a < 0.25f, series, viaExp), x);
}

inline double sigmoidOf(double x)
{
    return 1.0 / (1.0 + std::exp(-x));
}

inline double tanhOf(double x)
{
    return std::tanh(x);
}

// ---- One time step of the whole batch ----------------------------------------------------------
// Raw views of the (batch, time, .) row-major buffers a pass works on.
template <typename Scalar>
struct Sequences {
    Scalar *gates;      // (4 hidden) per row: pre-activations i, f, g, o, then their activations
    Scalar *cells;      // c_t
    Scalar *tanhCells;  // tanh(c_t)
    Scalar *states;     // h_t
    std::int64_t batch, time, hidden;
    const Scalar *zeroCell;  // c_{-1} = 0, (hidden)
    // W_hh^T (hidden, 4 hidden) when the step adds h_{t-1} W_hh^T itself (small batches), null
    // when a BLAS call has already added it.
    const Scalar *weightHhT;

    std::int64_t row(std::int64_t b, std::int64_t t) const { return b * time + t; }
    const Scalar *previousCell(std::int64_t b, std::int64_t t) const
    {
        return t > 0 ? cells + (row(b, t) - 1) * hidden : zeroCell;
    }
};

// Forced inline so that each instruction-set variant below gets its own vectorised copy. The
// per-row functions take __restrict parameters: GCC keeps that promise through inlining, and
// without it the loops need more run-time alias checks than it is willing to emit.
#if defined(__GNUC__)
#define SL_ALWAYS_INLINE [[gnu::always_inline]] inline
#else
#define SL_ALWAYS_INLINE inline
#endif

// out (n) += sum_k coefficients[k] * rows[k] (rows: count x n, row-major): a matrix product
// written as axpys, so that the inner loop vectorises over n without reordering any sum.
template <typename Scalar>
SL_ALWAYS_INLINE void addRowCombination(Scalar *__restrict out,
                                        const Scalar *__restrict coefficients,
                                        const Scalar *__restrict rows, std::int64_t count,
                                        std::int64_t n)
{
    for (std::int64_t k = 0; k < count; ++k) {
        const Scalar a = coefficients[k];
        const Scalar *__restrict row = rows + k * n;
        for (std::int64_t j = 0; j < n; ++j)
            out[j] += a * row[j];
    }
}

// One sample's step: gates (4 hidden) holds the pre-activations i, f, g, o and is overwritten
// with the activations (backward needs them); c_t, tanh(c_t) and h_t are written.
template <typename Scalar>
SL_ALWAYS_INLINE void rowForward(Scalar *__restrict gates, const Scalar *__restrict previousCell,
                                 Scalar *__restrict cell, Scalar *__restrict tanhCell,
                                 Scalar *__restrict state, std::int64_t hidden)
{
    for (std::int64_t j = 0; j < hidden; ++j) {
        const Scalar i = sigmoidOf(gates[j]);
        const Scalar f = sigmoidOf(gates[hidden + j]);
        const Scalar g = tanhOf(gates[2 * hidden + j]);
        const Scalar o = sigmoidOf(gates[3 * hidden + j]);
        const Scalar c = f * previousCell[j] + i * g;
        const Scalar tc = tanhOf(c);
        gates[j] = i;
        gates[hidden + j] = f;
        gates[2 * hidden + j] = g;
        gates[3 * hidden + j] = o;
        cell[j] = c;
        tanhCell[j] = tc;
        state[j] = o * tc;
    }
}

// The same step backwards: dh = dL/dh_t from the output plus what came back from step t+1
// through W_hh; cellGrad carries dL/dc_t from step t+1 in and dL/dc_{t-1} out; gateGrads
// receives the gradients of the four pre-activations.
template <typename Scalar>
SL_ALWAYS_INLINE void rowBackward(const Scalar *__restrict gates,
                                  const Scalar *__restrict previousCell,
                                  const Scalar *__restrict tanhCell,
                                  const Scalar *__restrict outputGrad,
                                  const Scalar *__restrict recurrentGrad,
                                  Scalar *__restrict cellGrad, Scalar *__restrict gateGrads,
                                  std::int64_t hidden)
{
    for (std::int64_t j = 0; j < hidden; ++j) {
        const Scalar i = gates[j], f = gates[hidden + j], g = gates[2 * hidden + j],
                     o = gates[3 * hidden + j], tc = tanhCell[j];
        const Scalar dh = outputGrad[j] + recurrentGrad[j];
        const Scalar dc = dh * o * (Scalar(1) - tc * tc) + cellGrad[j];
        gateGrads[j] = dc * g * i * (Scalar(1) - i);
        gateGrads[hidden + j] = dc * previousCell[j] * f * (Scalar(1) - f);
        gateGrads[2 * hidden + j] = dc * i * (Scalar(1) - g * g);
        gateGrads[3 * hidden + j] = dh * tc * o * (Scalar(1) - o);
        cellGrad[j] = dc * f;
    }
}

// Step t for every sample. gates[:, t] holds x_t W_ih^T + b, plus h_{t-1} W_hh^T unless
// s.weightHhT is set, in which case it is added here.
template <typename Scalar>
SL_ALWAYS_INLINE void cellsForward(const Sequences<Scalar> &s, std::int64_t t)
{
    const std::int64_t hidden = s.hidden;
    for (std::int64_t b = 0; b < s.batch; ++b) {
        const std::int64_t row = s.row(b, t);
        if (s.weightHhT && t > 0)
            addRowCombination(s.gates + row * 4 * hidden, s.states + (row - 1) * hidden,
                              s.weightHhT, hidden, 4 * hidden);
        rowForward(s.gates + row * 4 * hidden, s.previousCell(b, t), s.cells + row * hidden,
                   s.tanhCells + row * hidden, s.states + row * hidden, hidden);
    }
}

// Gradients flowing back through step t (the forward pass's buffers are read only).
template <typename Scalar>
struct StepGradients {
    const Scalar *outputGrads;  // dL/dh_t from the output, (batch, time, hidden)
    Scalar *recurrentGrads;     // dL/dh_t from step t+1 through W_hh, (batch, hidden)
    Scalar *cellGrads;          // (batch, hidden): dL/dc_t from step t+1 in, dL/dc_{t-1} out
    Scalar *gateGrads;          // dL/d(pre-activation) of i, f, g, o, (batch, time, 4 hidden)
    // W_hh (4 hidden, hidden) when the step computes the next recurrentGrads itself (small
    // batches), null when a BLAS call does it after the step.
    const Scalar *weightHh;
};

template <typename Scalar>
SL_ALWAYS_INLINE void cellsBackward(const Sequences<Scalar> &s, const StepGradients<Scalar> &d,
                                    std::int64_t t)
{
    const std::int64_t hidden = s.hidden;
    for (std::int64_t b = 0; b < s.batch; ++b) {
        const std::int64_t row = s.row(b, t);
        rowBackward<Scalar>(s.gates + row * 4 * hidden, s.previousCell(b, t),
                            s.tanhCells + row * hidden, d.outputGrads + row * hidden,
                            d.recurrentGrads + b * hidden, d.cellGrads + b * hidden,
                            d.gateGrads + row * 4 * hidden, hidden);
        if (d.weightHh && t > 0) {  // dL/dh_{t-1} = gate gradients W_hh
            Scalar *recurrent = d.recurrentGrads + b * hidden;
            std::fill(recurrent, recurrent + hidden, Scalar(0));
            addRowCombination(recurrent, d.gateGrads + row * 4 * hidden, d.weightHh, 4 * hidden,
                              hidden);
        }
    }
}

// x86-64 builds target SSE2 only; the float loops run ~4x faster with AVX2 + FMA, so they are
// compiled a second time for it and picked at run time when the CPU has both.
#if defined(__GNUC__) && defined(__x86_64__)
#define SL_FUSED_LSTM_AVX2 1
[[gnu::target("avx2,fma")]] void cellsForwardAvx2(const Sequences<float> &s, std::int64_t t)
{
    cellsForward(s, t);
}

[[gnu::target("avx2,fma")]] void cellsBackwardAvx2(const Sequences<float> &s,
                                                   const StepGradients<float> &d, std::int64_t t)
{
    cellsBackward(s, d, t);
}

bool cpuHasAvx2Fma()
{
    static const bool has = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    return has;
}
#endif

void stepForward(const Sequences<float> &s, std::int64_t t)
{
#ifdef SL_FUSED_LSTM_AVX2
    if (cpuHasAvx2Fma())
        return cellsForwardAvx2(s, t);
#endif
    cellsForward(s, t);
}

void stepForward(const Sequences<double> &s, std::int64_t t)
{
    cellsForward(s, t);
}

void stepBackward(const Sequences<float> &s, const StepGradients<float> &d, std::int64_t t)
{
#ifdef SL_FUSED_LSTM_AVX2
    if (cpuHasAvx2Fma())
        return cellsBackwardAvx2(s, d, t);
#endif
    cellsBackward(s, d, t);
}

void stepBackward(const Sequences<double> &s, const StepGradients<double> &d, std::int64_t t)
{
    cellsBackward(s, d, t);
}

// ---- Whole sequences ---------------------------------------------------------------------------
// Up to this batch size the steps multiply by W_hh themselves: an addmm through LibTorch costs
// about 1 us of dispatch and BLAS set-up, more than the product of one or two rows (measured with
// hidden 50 and 64: batch 1 ~40% faster per step, batch 2 even, batch 4 and up slower).
constexpr std::int64_t kDirectRecurrenceMaxBatch = 2;

// What the forward pass leaves for the backward pass, all (batch, time, .) and contiguous.
struct ForwardTensors {
    torch::Tensor states;     // h_t, the output
    torch::Tensor gates;      // activated i, f, g, o
    torch::Tensor cells;      // c_t
    torch::Tensor tanhCells;  // tanh(c_t)
};

template <typename Scalar>
Sequences<Scalar> sequencesOf(const ForwardTensors &f, const std::vector<Scalar> &zeroCell,
                              const Scalar *weightHhT = nullptr)
{
    return {f.gates.data_ptr<Scalar>(),
            f.cells.data_ptr<Scalar>(),
            f.tanhCells.data_ptr<Scalar>(),
            f.states.data_ptr<Scalar>(),
            f.states.size(0),
            f.states.size(1),
            f.states.size(2),
            zeroCell.data(),
            weightHhT};
}

template <typename Scalar>
void runForwardSteps(ForwardTensors &f, const torch::Tensor &weightHhT)
{
    const std::vector<Scalar> zeroCell(static_cast<std::size_t>(f.states.size(2)), Scalar(0));
    const bool direct = f.states.size(0) <= kDirectRecurrenceMaxBatch;
    const torch::Tensor denseWeightHhT = direct ? weightHhT.contiguous() : torch::Tensor();
    const Sequences<Scalar> s =
        sequencesOf(f, zeroCell, direct ? denseWeightHhT.data_ptr<Scalar>() : nullptr);
    for (std::int64_t t = 0; t < s.time; ++t) {
        if (t > 0 && !direct) {
            // gates[:, t] += h_{t-1} W_hh^T, in place on the strided slices (no copies: BLAS
            // takes their row stride as leading dimension).
            f.gates.select(1, t).addmm_(f.states.select(1, t - 1), weightHhT);
        }
        stepForward(s, t);
    }
}

// Requires contiguous float or double tensors of checked shapes. The input projection of all
// steps and both biases is one GEMM; then the recurrence.
ForwardTensors forwardPass(const torch::Tensor &input, const torch::Tensor &weightIh,
                           const torch::Tensor &weightHh, const torch::Tensor &biasIh,
                           const torch::Tensor &biasHh)
{
    const std::int64_t batch = input.size(0), time = input.size(1), inputs = input.size(2),
                       hidden = weightHh.size(1);
    ForwardTensors f;
    f.gates = torch::addmm(biasIh + biasHh, input.view({batch * time, inputs}), weightIh.t())
                  .view({batch, time, 4 * hidden});
    f.states = torch::empty({batch, time, hidden}, input.options());
    f.cells = torch::empty_like(f.states);
    f.tanhCells = torch::empty_like(f.states);
    const torch::Tensor weightHhT = weightHh.t();
    if (input.scalar_type() == torch::kFloat)
        runForwardSteps<float>(f, weightHhT);
    else
        runForwardSteps<double>(f, weightHhT);
    return f;
}

// Gradients of the four gate pre-activations at every step, (batch, time, 4 hidden).
template <typename Scalar>
torch::Tensor gateGradients(const ForwardTensors &f, const torch::Tensor &stateGrads,
                            const torch::Tensor &weightHh)
{
    const std::int64_t batch = f.states.size(0), hidden = f.states.size(2);
    const std::vector<Scalar> zeroCell(static_cast<std::size_t>(hidden), Scalar(0));
    const Sequences<Scalar> s = sequencesOf(f, zeroCell);
    torch::Tensor gateGrads = torch::empty_like(f.gates);
    torch::Tensor recurrentGrads = torch::zeros({batch, hidden}, f.states.options());
    std::vector<Scalar> cellGrads(static_cast<std::size_t>(batch * hidden), Scalar(0));
    const bool direct = batch <= kDirectRecurrenceMaxBatch;
    const StepGradients<Scalar> d{stateGrads.data_ptr<Scalar>(), recurrentGrads.data_ptr<Scalar>(),
                                  cellGrads.data(), gateGrads.data_ptr<Scalar>(),
                                  direct ? weightHh.data_ptr<Scalar>() : nullptr};
    for (std::int64_t t = s.time - 1; t >= 0; --t) {
        stepBackward(s, d, t);
        if (t > 0 && !direct)
            torch::mm_out(recurrentGrads, gateGrads.select(1, t), weightHh);
    }
    return gateGrads;
}

class FusedLstmFunction : public torch::autograd::Function<FusedLstmFunction> {
public:
    static torch::Tensor forward(torch::autograd::AutogradContext *ctx, const torch::Tensor &input,
                                 const torch::Tensor &weightIh, const torch::Tensor &weightHh,
                                 const torch::Tensor &biasIh, const torch::Tensor &biasHh)
    {
        ForwardTensors f = forwardPass(input, weightIh, weightHh, biasIh, biasHh);
        ctx->save_for_backward({input, weightIh, weightHh, f.states, f.gates, f.cells,
                                f.tanhCells});
        return f.states;
    }

    static torch::autograd::variable_list backward(torch::autograd::AutogradContext *ctx,
                                                   torch::autograd::variable_list grads)
    {
        // Under create_graph the gradients would have to be differentiable themselves; they are
        // computed on raw memory, so say so instead of returning wrong second derivatives.
        if (torch::GradMode::is_enabled())
            throw std::runtime_error(
                "fused LSTM: double backward (create_graph) is not supported");
        const torch::autograd::variable_list saved = ctx->get_saved_variables();
        const torch::Tensor &input = saved[0], &weightIh = saved[1], &weightHh = saved[2];
        ForwardTensors f{saved[3], saved[4], saved[5], saved[6]};
        const torch::Tensor stateGrads = grads[0].contiguous();
        const torch::Tensor gateGrads = input.scalar_type() == torch::kFloat
                                            ? gateGradients<float>(f, stateGrads, weightHh)
                                            : gateGradients<double>(f, stateGrads, weightHh);
        const std::int64_t batch = input.size(0), time = input.size(1), inputs = input.size(2),
                           hidden = weightHh.size(1);
        const torch::Tensor rows = gateGrads.view({batch * time, 4 * hidden});
        torch::Tensor inputGrad, weightIhGrad, weightHhGrad, biasIhGrad, biasHhGrad;
        if (ctx->needs_input_grad(0))
            inputGrad = rows.mm(weightIh).view({batch, time, inputs});
        if (ctx->needs_input_grad(1))
            weightIhGrad = rows.t().mm(input.view({batch * time, inputs}));
        if (ctx->needs_input_grad(2)) {
            // h_{t-1} of every step stacked like the gate gradients (h_{-1} = 0), so that dW_hh
            // is one GEMM over all steps.
            torch::Tensor previousStates = torch::zeros_like(f.states);
            if (time > 1)
                previousStates.slice(1, 1).copy_(f.states.slice(1, 0, time - 1));
            weightHhGrad = rows.t().mm(previousStates.view({batch * time, hidden}));
        }
        if (ctx->needs_input_grad(3) || ctx->needs_input_grad(4)) {
            // Both biases enter as a sum, so they share one gradient (copied, so that the two
            // .grad tensors never alias).
            const torch::Tensor biasGrad = rows.sum(0);
            if (ctx->needs_input_grad(3))
                biasIhGrad = biasGrad;
            if (ctx->needs_input_grad(4))
                biasHhGrad = ctx->needs_input_grad(3) ? biasGrad.clone() : biasGrad;
        }
        return {inputGrad, weightIhGrad, weightHhGrad, biasIhGrad, biasHhGrad};
    }
};

std::string shapeOf(const torch::Tensor &t)
{
    std::string s = "(";
    for (std::int64_t d = 0; d < t.dim(); ++d)
        s += (d ? ", " : "") + std::to_string(t.size(d));
    return s + ")";
}

void checkShapes(const torch::Tensor &input, const torch::Tensor &weightIh,
                 const torch::Tensor &weightHh, const torch::Tensor &biasIh,
                 const torch::Tensor &biasHh)
{
    const bool ok = input.dim() == 3 && weightHh.dim() == 2 && weightIh.dim() == 2 &&
                    biasIh.dim() == 1 && biasHh.dim() == 1 &&
                    weightHh.size(0) == 4 * weightHh.size(1) &&
                    weightIh.size(0) == weightHh.size(0) && weightIh.size(1) == input.size(2) &&
                    biasIh.size(0) == weightHh.size(0) && biasHh.size(0) == weightHh.size(0);
    if (!ok)
        throw std::invalid_argument(
            "fused LSTM: shapes do not fit: input " + shapeOf(input) + " (batch, time, inputs), "
            "weight_ih " + shapeOf(weightIh) + " (4 hidden, inputs), weight_hh " +
            shapeOf(weightHh) + " (4 hidden, hidden), biases " + shapeOf(biasIh) + " and " +
            shapeOf(biasHh) + " (4 hidden)");
}

std::atomic<bool> fusedEnabled{true};

}  // namespace

void setFusedLstmEnabled(bool enabled)
{
    fusedEnabled = enabled;
}

bool fusedLstmEnabled()
{
    return fusedEnabled;
}

bool fusedLstmSupports(const torch::Tensor &input, const torch::Tensor &weightIh)
{
    const auto onCpuLike = [&](const torch::Tensor &t) {
        return t.device().is_cpu() && t.layout() == torch::kStrided &&
               t.scalar_type() == input.scalar_type();
    };
    return (input.scalar_type() == torch::kFloat || input.scalar_type() == torch::kDouble) &&
           onCpuLike(input) && onCpuLike(weightIh);
}

torch::Tensor fusedLstm(const torch::Tensor &input, const torch::Tensor &weightIh,
                        const torch::Tensor &weightHh, const torch::Tensor &biasIh,
                        const torch::Tensor &biasHh)
{
    checkShapes(input, weightIh, weightHh, biasIh, biasHh);
    for (const torch::Tensor *t : {&weightHh, &biasIh, &biasHh})
        if (!fusedLstmSupports(input, weightIh) || !fusedLstmSupports(*t, weightIh))
            throw std::invalid_argument(
                "fused LSTM: needs CPU float32 or float64 tensors of one dtype, got input " +
                std::string(input.toString()) + " and parameters " + weightIh.toString() +
                ", " + weightHh.toString() + ", " + biasIh.toString() + ", " +
                biasHh.toString());
    const torch::Tensor x = input.contiguous(), wih = weightIh.contiguous(),
                        whh = weightHh.contiguous();
    const bool recordGraph = torch::GradMode::is_enabled() &&
                             (x.requires_grad() || wih.requires_grad() || whh.requires_grad() ||
                              biasIh.requires_grad() || biasHh.requires_grad());
    if (!recordGraph)
        return forwardPass(x, wih, whh, biasIh, biasHh).states;
    return FusedLstmFunction::apply(x, wih, whh, biasIh, biasHh);
}

}  // namespace sl::ml
