#pragma once
// The numeric primitives behind the MMSA metrics. Each one reproduces the NumPy or scikit-learn
// call that MMSA makes, including its corner cases, so that metrics.cpp can follow the Python
// line by line. Plain std::vector in and out: no LibTorch needed to use them.
#include <cstddef>
#include <vector>

namespace sl::ml {

// np.round: halves go to the even neighbour (0.5 -> 0, 1.5 -> 2, -2.5 -> -2).
double roundHalfEven(double x);

// Python's round(x, decimals) on a float: the decimal nearest to the exact binary value, ties to
// even. MMSA applies round(x, 4) to every MOSI/MOSEI number it reports. NaN stays NaN.
double roundToDecimals(double x, int decimals);

// np.clip.
std::vector<double> clipped(const std::vector<double> &values, double low, double high);

// The elements of `values` at the positions where keep[i] is true.
std::vector<double> selected(const std::vector<double> &values, const std::vector<bool> &keep);

// sklearn accuracy_score: the fraction of equal positions. NaN for empty input.
double accuracy(const std::vector<int> &truth, const std::vector<int> &predicted);

// sklearn f1_score(truth, predicted, average="weighted"): per-class F1 over the classes that
// occur in either vector, averaged with each class's count in `truth` as weight. A class whose
// precision or recall is 0/0 gets 0 for it (sklearn's zero_division default). NaN for empty input.
double weightedF1(const std::vector<int> &truth, const std::vector<int> &predicted);

// The NumPy dtype a Python metric computed in. MMSA's tensors are float32; the MAG-BERT-style
// scripts turn predictions into Python floats first, so they compute in float64.
enum class Precision { Float32, Float64 };

// Each value rounded to the nearest float32, as a torch.float32 tensor would hold it.
std::vector<double> asFloat32(const std::vector<double> &values);

// np.mean in the given dtype, summing in NumPy's pairwise order so that even the last bit of a
// float32 mean matches. NaN for empty input.
double numpyMean(const std::vector<double> &values, Precision precision);

// np.mean(np.absolute(a - b)) with the subtraction and the mean done in `precision`.
double meanAbsoluteError(const std::vector<double> &a, const std::vector<double> &b,
                         Precision precision);

// Pearson r as np.corrcoef(a, b)[0][1], clipped to [-1, 1]. NaN where NumPy divides by zero:
// fewer than two values or a constant vector.
double pearson(const std::vector<double> &a, const std::vector<double> &b);

// Throws std::invalid_argument when the two sizes differ; `what` names the caller.
void requireSameSize(std::size_t a, std::size_t b, const char *what);

}  // namespace sl::ml
