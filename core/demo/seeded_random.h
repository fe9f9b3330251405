#pragma once
// Reproducible random numbers. std::mt19937's raw output is fixed by the C++ standard, but the
// std:: distributions are not (libstdc++ and libc++ map the same bits to different numbers), so
// the mapping to ranges is done here.
#include <QList>
#include <QtGlobal>
#include <random>

namespace sl::demo {

class SeededRandom {
public:
    explicit SeededRandom(quint32 seed) : m_engine(seed) {}

    // Uniform in [0, n); n must be positive.
    int below(int n);
    // Uniform in [0, 1), 32 bits of resolution.
    double unit();
    // 0, 1, ..., n-1 in a random order (Fisher-Yates).
    QList<int> permutation(int n);

private:
    std::mt19937 m_engine;
};

}  // namespace sl::demo
