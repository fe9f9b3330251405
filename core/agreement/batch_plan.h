#pragma once
// Splitting clips among annotators (a lead's batches): a share of the clips, the overlap, goes to
// every annotator, so that agreement can be measured on it; the rest is dealt out so that each
// annotator gets the same number of clips, give or take one. Which clips overlap and who gets
// which is decided by a seeded shuffle, so a plan can be made again exactly. Plain C++, no Qt.
#include <cstdint>
#include <vector>

namespace sl::agreement {

struct BatchPlan {
    std::vector<std::int64_t> overlap;               // clips every annotator labels
    std::vector<std::vector<std::int64_t>> batches;  // per annotator: their own clips, then the overlap
};

// `overlapShare` in [0, 1]: the overlap is round(share x clips) clips (all of them at 1). Throws
// std::invalid_argument for fewer than one annotator or a share outside [0, 1].
BatchPlan planBatches(const std::vector<std::int64_t> &clips, int annotators, double overlapShare, std::uint64_t seed);

}  // namespace sl::agreement
