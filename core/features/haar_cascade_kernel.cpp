#include "core/features/haar_cascade_kernel.h"

#include <algorithm>
#include <cmath>
#if defined(__x86_64__) || defined(__i386__)
#define SL_HAAR_AVX2 1
#include <immintrin.h>
#endif

// This file is compiled with -ffp-contract=off (core/features/CMakeLists.txt): OpenCV computes
// w0 * a + w1 * b and area * q - s * s as separate products and sums, and a fused multiply-add
// would round differently and flip windows that lie on a threshold.

namespace sl::features::haar {

namespace {

// OpenCV's integrals are 32-bit and may wrap around (the squared sums of a large frame do); the
// sum of one rectangle is still right modulo 2^32, so the corners are combined in unsigned
// arithmetic, which wraps without undefined behaviour.
inline std::uint32_t cornerSum(const std::uint32_t *p, const std::int32_t (&corner)[4])
{
    return p[corner[0]] - p[corner[1]] - p[corner[2]] + p[corner[3]];
}

inline std::int32_t rectangleSum(const std::int32_t *p, const std::int32_t (&corner)[4])
{
    return static_cast<std::int32_t>(cornerSum(reinterpret_cast<const std::uint32_t *>(p), corner));
}

// OpenCV divides every feature value by the window's standard deviation (times the area of the
// normalisation rectangle) and rejects windows that are nearly flat before the first stage.
bool normalisation(const Row &row, int window, float &factor)
{
    const std::int32_t sum = rectangleSum(row.sums + window, row.norm);
    const std::uint32_t squares = cornerSum(row.squares + window, row.norm);
    const double spread = row.normArea * squares - static_cast<double>(sum) * sum;
    if (!(spread > 0.0))
        return false;
    factor = static_cast<float>(1.0 / std::sqrt(spread));
    return row.normArea * factor < 1e-1;
}

float featureValue(const Stump &s, const std::int32_t *window, float factor)
{
    float value = s.weight[0] * static_cast<float>(rectangleSum(window, s.corner[0]))
                  + s.weight[1] * static_cast<float>(rectangleSum(window, s.corner[1]));
    if (s.hasThird)
        value += s.weight[2] * static_cast<float>(rectangleSum(window, s.corner[2]));
    return value * factor;
}

bool stagePasses(const Cascade &cascade, const Stage &stage, const std::int32_t *window, float factor)
{
    // The stage sum is a double in OpenCV, summed in the stumps' order.
    double sum = 0.0;
    for (int k = stage.first; k < stage.first + stage.count; ++k) {
        const Stump &s = cascade.stumps[static_cast<std::size_t>(k)];
        sum += featureValue(s, window, factor) < s.threshold ? s.left : s.right;
    }
    return !(sum < stage.threshold);
}

#ifdef SL_HAAR_AVX2
// ---- AVX2: eight windows of a row at once, lane i being window first + i ----

[[gnu::target("avx2")]] inline __m256i rectangleSums8(const std::int32_t *p, const std::int32_t (&corner)[4])
{
    const __m256i a = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(p + corner[0]));
    const __m256i b = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(p + corner[1]));
    const __m256i c = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(p + corner[2]));
    const __m256i d = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(p + corner[3]));
    return _mm256_add_epi32(_mm256_sub_epi32(_mm256_sub_epi32(a, b), c), d);
}

[[gnu::target("avx2")]] inline __m256 featureValues8(const Stump &s, const std::int32_t *window, __m256 factor)
{
    __m256 value = _mm256_add_ps(
        _mm256_mul_ps(_mm256_set1_ps(s.weight[0]), _mm256_cvtepi32_ps(rectangleSums8(window, s.corner[0]))),
        _mm256_mul_ps(_mm256_set1_ps(s.weight[1]), _mm256_cvtepi32_ps(rectangleSums8(window, s.corner[1]))));
    if (s.hasThird)
        value = _mm256_add_ps(
            value, _mm256_mul_ps(_mm256_set1_ps(s.weight[2]), _mm256_cvtepi32_ps(rectangleSums8(window, s.corner[2]))));
    return _mm256_mul_ps(value, factor);
}

// Bit i set when lane i passes the stage.
[[gnu::target("avx2")]] inline int stagePasses8(const Cascade &cascade, const Stage &stage, const std::int32_t *window,
                                                __m256 factor)
{
    // Two halves of four doubles each: the stage sums stay doubles, as in OpenCV.
    __m256d low = _mm256_setzero_pd();
    __m256d high = _mm256_setzero_pd();
    const Stump *s = cascade.stumps.data() + stage.first;
    for (const Stump *end = s + stage.count; s != end; ++s) {
        const __m256 below = _mm256_cmp_ps(featureValues8(*s, window, factor), _mm256_set1_ps(s->threshold), _CMP_LT_OQ);
        const __m256 leaf = _mm256_blendv_ps(_mm256_set1_ps(s->right), _mm256_set1_ps(s->left), below);
        low = _mm256_add_pd(low, _mm256_cvtps_pd(_mm256_castps256_ps128(leaf)));
        high = _mm256_add_pd(high, _mm256_cvtps_pd(_mm256_extractf128_ps(leaf, 1)));
    }
    const __m256d threshold = _mm256_set1_pd(static_cast<double>(stage.threshold));
    return _mm256_movemask_pd(_mm256_cmp_pd(low, threshold, _CMP_GE_OQ))
           | (_mm256_movemask_pd(_mm256_cmp_pd(high, threshold, _CMP_GE_OQ)) << 4);
}

[[gnu::target("avx2")]] inline __m256d unsignedToDouble(__m128i v)
{
    // No unsigned conversion in AVX2: flip the sign bit, convert as signed, add 2^31 back (exact).
    const __m128i flipped = _mm_xor_si128(v, _mm_set1_epi32(static_cast<int>(0x80000000U)));
    return _mm256_add_pd(_mm256_cvtepi32_pd(flipped), _mm256_set1_pd(2147483648.0));
}

// normalisation() for eight windows: bit i set when lane i is kept; its factor in `factor`.
[[gnu::target("avx2")]] inline int normalisation8(const Row &row, int first, __m256 &factor)
{
    const __m256i sums = rectangleSums8(row.sums + first, row.norm);
    const __m256i squares = rectangleSums8(reinterpret_cast<const std::int32_t *>(row.squares + first), row.norm);
    const __m256d area = _mm256_set1_pd(row.normArea);
    const __m256d zero = _mm256_setzero_pd();
    const __m256d limit = _mm256_set1_pd(1e-1);
    int kept = 0;
    __m128 halves[2];
    for (int h = 0; h < 2; ++h) {
        const __m128i s32 = h == 0 ? _mm256_castsi256_si128(sums) : _mm256_extracti128_si256(sums, 1);
        const __m128i q32 = h == 0 ? _mm256_castsi256_si128(squares) : _mm256_extracti128_si256(squares, 1);
        const __m256d s = _mm256_cvtepi32_pd(s32);
        const __m256d spread = _mm256_sub_pd(_mm256_mul_pd(area, unsignedToDouble(q32)), _mm256_mul_pd(s, s));
        const __m256d positive = _mm256_cmp_pd(spread, zero, _CMP_GT_OQ);
        // Lanes with no spread get a NaN factor here; they are rejected and never use it.
        halves[h] = _mm256_cvtpd_ps(_mm256_div_pd(_mm256_set1_pd(1.0), _mm256_sqrt_pd(spread)));
        const __m256d small = _mm256_cmp_pd(_mm256_mul_pd(area, _mm256_cvtps_pd(halves[h])), limit, _CMP_LT_OQ);
        kept |= _mm256_movemask_pd(_mm256_and_pd(positive, small)) << (4 * h);
    }
    factor = _mm256_set_m128(halves[1], halves[0]);
    return kept;
}

#endif  // SL_HAAR_AVX2

// What the first pass learns of each window.
enum : std::int8_t { kRejectedFlat = -1, kRejectedFirstStage = 0, kPassedFirstStage = 1 };

}  // namespace

void scanRowScalar(const Cascade &cascade, const Row &row, std::vector<int> &accepted)
{
    for (int i = 0; i < row.windows;) {
        float factor = 1.0F;
        if (!normalisation(row, i, factor)) {
            ++i;
            continue;
        }
        const std::int32_t *window = row.sums + i;
        if (!stagePasses(cascade, cascade.stages.front(), window, factor)) {
            i += 2;  // OpenCV skips the next window after a first-stage rejection
            continue;
        }
        bool passes = true;
        for (std::size_t k = 1; k < cascade.stages.size() && passes; ++k)
            passes = stagePasses(cascade, cascade.stages[k], window, factor);
        if (passes)
            accepted.push_back(i);
        ++i;
    }
}

#ifdef SL_HAAR_AVX2
// Three passes over the row:
// 1. the normalisation and the first stage for every window, eight at a time;
// 2. OpenCV's skip rule, which depends on the first stage's verdicts only, picks the windows
//    OpenCV actually tries;
// 3. the remaining stages, stage by stage over the row: each block of eight starts at the next
//    window still alive, so that the lanes stay busy where the survivors thin out (the windows
//    around a face, which pass many stages, are most of the work).
[[gnu::target("avx2")]] void scanRowAvx2(const Cascade &cascade, const Row &row, RowScratch &scratch,
                                         std::vector<int> &accepted)
{
    const int windows = row.windows;
    // Room for one block starting at the last window.
    const std::size_t room = static_cast<std::size_t>((windows + 7) / 8 * 8 + 8);
    scratch.normFactor.resize(room);
    scratch.state.assign(room, 0);
    float *factors = scratch.normFactor.data();
    std::int8_t *state = scratch.state.data();

    for (int first = 0; first < windows; first += 8) {
        __m256 factor;
        const int kept = normalisation8(row, first, factor);
        _mm256_storeu_ps(factors + first, factor);
        const int passed = kept != 0 ? stagePasses8(cascade, cascade.stages.front(), row.sums + first, factor) : 0;
        for (int lane = 0; lane < 8; ++lane)
            state[first + lane] = ((kept >> lane) & 1) == 0 ? kRejectedFlat
                                  : ((passed >> lane) & 1) != 0 ? kPassedFirstStage
                                                                : kRejectedFirstStage;
    }

    // From here on state is 1 for a window still alive, 0 otherwise (also past the last window).
    int alive = 0;
    for (int i = 0; i < windows; ++i) {
        const bool tried = state[i] == kPassedFirstStage;
        const bool skipNext = state[i] == kRejectedFirstStage;
        state[i] = tried ? 1 : 0;
        alive += tried ? 1 : 0;
        if (skipNext && i + 1 < windows) {
            state[i + 1] = 0;
            ++i;
        }
    }
    std::fill(state + windows, state + room, std::int8_t{0});

    const __m128i zero = _mm_setzero_si128();
    for (std::size_t k = 1; k < cascade.stages.size() && alive > 0; ++k) {
        for (int first = 0; first < windows;) {
            if (state[first] == 0) {
                ++first;
                continue;
            }
            const int lanes = _mm_movemask_epi8(
                                  _mm_cmpgt_epi8(_mm_loadl_epi64(reinterpret_cast<const __m128i *>(state + first)), zero))
                              & 0xFF;
            const int passed = stagePasses8(cascade, cascade.stages[k], row.sums + first, _mm256_loadu_ps(factors + first));
            for (int rejected = lanes & ~passed; rejected != 0; rejected &= rejected - 1) {
                state[first + __builtin_ctz(static_cast<unsigned>(rejected))] = 0;
                --alive;
            }
            first += 8;
        }
    }
    for (int i = 0; i < windows && alive > 0; ++i)
        if (state[i] != 0)
            accepted.push_back(i);
}

bool cpuHasAvx2()
{
    static const bool has = __builtin_cpu_supports("avx2");
    return has;
}
#else
// Not an x86 CPU: the scalar loop does the work.
void scanRowAvx2(const Cascade &cascade, const Row &row, RowScratch &, std::vector<int> &accepted)
{
    scanRowScalar(cascade, row, accepted);
}

bool cpuHasAvx2()
{
    return false;
}
#endif  // SL_HAAR_AVX2

}  // namespace sl::features::haar
