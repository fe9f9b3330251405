#include "core/agreement/batch_plan.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <stdexcept>

namespace sl::agreement {

BatchPlan planBatches(const std::vector<std::int64_t> &clips, int annotators, double overlapShare, std::uint64_t seed)
{
    if (annotators < 1)
        throw std::invalid_argument("batches need at least one annotator");
    if (!(overlapShare >= 0.0 && overlapShare <= 1.0))
        throw std::invalid_argument("the overlap share must lie between 0 and 1");
    std::vector<std::int64_t> order = clips;
    // std::shuffle's result depends on the standard library; a Fisher-Yates shuffle with the
    // engine's raw output (fixed by the standard) gives the same plan everywhere.
    std::mt19937_64 engine(seed);
    for (std::size_t i = order.size(); i > 1; --i)
        std::swap(order[i - 1], order[std::size_t(engine() % i)]);
    const auto overlapCount = std::size_t(std::llround(overlapShare * double(order.size())));
    BatchPlan plan;
    plan.overlap.assign(order.begin(), order.begin() + std::ptrdiff_t(overlapCount));
    plan.batches.resize(std::size_t(annotators));
    for (std::size_t i = overlapCount; i < order.size(); ++i)
        plan.batches[(i - overlapCount) % std::size_t(annotators)].push_back(order[i]);
    for (std::vector<std::int64_t> &batch : plan.batches)
        batch.insert(batch.end(), plan.overlap.begin(), plan.overlap.end());
    return plan;
}

}  // namespace sl::agreement
