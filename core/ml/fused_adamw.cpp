#include "core/ml/fused_adamw.h"

#include <ATen/Parallel.h>
#include <torch/csrc/autograd/variable.h>

#include <cmath>
#include <sstream>
#include <string>
#include <type_traits>

#if defined(__SSE2__)
#include <immintrin.h>
#endif

namespace sl::ml {

namespace {

// The key of a parameter's entry in the optimizer state, as LibTorch's own step makes it: the
// TensorImpl's address printed to a string up to LibTorch 2.1 (c10::guts::to_string, which 2.x
// removed), the address itself from 2.2 on (pytorch#108480). Chosen by the state map's key type
// so that one source builds against Debian's 1.13 and the CUDA LibTorch 2.x.
template <class Key>
Key stateKey(c10::TensorImpl *impl)
{
    if constexpr (std::is_same_v<Key, std::string>) {
        std::ostringstream text;
        text << impl;
        return text.str();
    } else {
        return impl;
    }
}

// Per-step constants of one parameter tensor, rounded to float once, as LibTorch rounds its
// scalar arguments for a float tensor.
struct UpdateConstants {
    float decay;         // 1 - lr * wd
    float beta1, oneMinusBeta1;
    float beta2, oneMinusBeta2;
    float rootCorrection2;  // sqrt(1 - beta2^t)
    float eps;
    float stepSize;      // lr / (1 - beta1^t)
};

// The loop is written with SSE intrinsics on x86-64 because GCC will not vectorise a std::sqrt
// that may have to set errno (and -fno-math-errno for this file would make it refuse the
// project's precompiled LibTorch header). Both loops do the same operations in the same order.
void update(float *__restrict param, const float *__restrict grad, float *__restrict mean,
            float *__restrict meanSquare, std::int64_t begin, std::int64_t end,
            const UpdateConstants &c)
{
    std::int64_t i = begin;
#if defined(__SSE2__)
    const __m128 decay = _mm_set1_ps(c.decay), beta1 = _mm_set1_ps(c.beta1),
                 oneMinusBeta1 = _mm_set1_ps(c.oneMinusBeta1), beta2 = _mm_set1_ps(c.beta2),
                 oneMinusBeta2 = _mm_set1_ps(c.oneMinusBeta2),
                 rootCorrection2 = _mm_set1_ps(c.rootCorrection2), eps = _mm_set1_ps(c.eps),
                 stepSize = _mm_set1_ps(c.stepSize);
    for (; i + 4 <= end; i += 4) {
        const __m128 g = _mm_loadu_ps(grad + i);
        const __m128 p = _mm_mul_ps(_mm_loadu_ps(param + i), decay);
        const __m128 m = _mm_add_ps(_mm_mul_ps(_mm_loadu_ps(mean + i), beta1), _mm_mul_ps(oneMinusBeta1, g));
        const __m128 v = _mm_add_ps(_mm_mul_ps(_mm_loadu_ps(meanSquare + i), beta2),
                                    _mm_mul_ps(oneMinusBeta2, _mm_mul_ps(g, g)));
        _mm_storeu_ps(mean + i, m);
        _mm_storeu_ps(meanSquare + i, v);
        const __m128 denominator = _mm_add_ps(_mm_div_ps(_mm_sqrt_ps(v), rootCorrection2), eps);
        _mm_storeu_ps(param + i, _mm_sub_ps(p, _mm_mul_ps(stepSize, _mm_div_ps(m, denominator))));
    }
#endif
    for (; i < end; ++i) {
        const float g = grad[i];
        const float p = param[i] * c.decay;
        const float m = mean[i] * c.beta1 + c.oneMinusBeta1 * g;
        const float v = meanSquare[i] * c.beta2 + c.oneMinusBeta2 * (g * g);
        mean[i] = m;
        meanSquare[i] = v;
        param[i] = p - c.stepSize * (m / (std::sqrt(v) / c.rootCorrection2 + c.eps));
    }
}

bool fusable(const torch::Tensor &p)
{
    if (!p.grad().defined())
        return true;  // skipped by the step
    const torch::Tensor &g = p.grad();
    return p.device().is_cpu() && p.scalar_type() == torch::kFloat32 && p.is_contiguous() &&
           !g.is_sparse() && g.scalar_type() == torch::kFloat32 && g.device().is_cpu();
}

}  // namespace

bool FusedAdamW::canFuse() const
{
    for (const torch::optim::OptimizerParamGroup &group : param_groups_) {
        if (static_cast<const torch::optim::AdamWOptions &>(group.options()).amsgrad())
            return false;
        for (const torch::Tensor &p : group.params())
            if (!fusable(p))
                return false;
    }
    return true;
}

torch::Tensor FusedAdamW::step(LossClosure closure)
{
    if (!canFuse())
        return torch::optim::AdamW::step(std::move(closure));
    torch::NoGradGuard noGrad;
    torch::Tensor loss;
    if (closure) {
        at::AutoGradMode enable(true);
        loss = closure();
    }
    for (torch::optim::OptimizerParamGroup &group : param_groups_) {
        const auto &options = static_cast<const torch::optim::AdamWOptions &>(group.options());
        const double beta1 = std::get<0>(options.betas());
        const double beta2 = std::get<1>(options.betas());
        for (torch::Tensor &p : group.params()) {
            if (!p.grad().defined())
                continue;
            using Key = std::decay_t<decltype(state_.begin()->first)>;
            const Key key = stateKey<Key>(p.unsafeGetTensorImpl());
            auto found = state_.find(key);
            if (found == state_.end()) {
                auto fresh = std::make_unique<torch::optim::AdamWParamState>();
                fresh->step(0);
                fresh->exp_avg(torch::zeros_like(p, torch::MemoryFormat::Contiguous));
                fresh->exp_avg_sq(torch::zeros_like(p, torch::MemoryFormat::Contiguous));
                found = state_.emplace(key, std::move(fresh)).first;
            }
            auto &state = static_cast<torch::optim::AdamWParamState &>(*found->second);
            state.step(state.step() + 1);
            const auto t = static_cast<double>(state.step());
            const UpdateConstants c{
                static_cast<float>(1.0 - options.lr() * options.weight_decay()),
                static_cast<float>(beta1),
                static_cast<float>(1.0 - beta1),
                static_cast<float>(beta2),
                static_cast<float>(1.0 - beta2),
                static_cast<float>(std::sqrt(1.0 - std::pow(beta2, t))),
                static_cast<float>(options.eps()),
                static_cast<float>(options.lr() / (1.0 - std::pow(beta1, t)))};
            const torch::Tensor grad = p.grad().contiguous();
            float *param = p.data_ptr<float>();
            const float *g = grad.data_ptr<float>();
            float *mean = state.exp_avg().data_ptr<float>();
            float *meanSquare = state.exp_avg_sq().data_ptr<float>();
            // Below ~32k elements the threads' start-up costs more than the loop.
            at::parallel_for(0, p.numel(), 32768, [&](std::int64_t begin, std::int64_t end) {
                update(param, g, mean, meanSquare, begin, end, c);
            });
            // Written through a raw pointer: tell autograd, as an in-place operation would, so
            // that a graph still holding the old values refuses to run backward.
            torch::autograd::impl::bump_version(p);
        }
    }
    return loss;
}

}  // namespace sl::ml
