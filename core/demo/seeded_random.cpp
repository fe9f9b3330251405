#include "core/demo/seeded_random.h"

#include <numeric>
#include <utility>

namespace sl::demo {

int SeededRandom::below(int n)
{
    Q_ASSERT(n > 0);
    // Rejecting the top partial block of 2^32 keeps every value equally likely (plain modulo
    // would favour the small ones).
    const quint64 range = quint64(1) << 32;
    const quint64 limit = range - range % quint64(n);
    quint64 x = m_engine();
    while (x >= limit)
        x = m_engine();
    return int(x % quint64(n));
}

double SeededRandom::unit()
{
    return double(m_engine()) / 4294967296.0;
}

QList<int> SeededRandom::permutation(int n)
{
    QList<int> order(n);
    std::iota(order.begin(), order.end(), 0);
    for (int i = n - 1; i > 0; --i)
        std::swap(order[i], order[below(i + 1)]);
    return order;
}

}  // namespace sl::demo
