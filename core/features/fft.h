#pragma once
// A radix-2 fast Fourier transform, written for the few fixed sizes the acoustic features use
// (512 points per 25 ms frame, 8192 for constant-Q chroma). Standard library only.
#include <complex>
#include <cstddef>
#include <vector>

namespace sl::features {

class Fft {
public:
    // size must be a power of two.
    explicit Fft(std::size_t size);

    std::size_t size() const { return m_size; }

    // In place, forward (e^{-i 2 pi k n / N}), unscaled.
    void forward(std::vector<std::complex<double>> &data) const;

    // |X_k|^2 for k = 0 .. size/2 of a real input, zero-padded (or cut) to size.
    void powerSpectrum(const double *input, std::size_t count, std::vector<double> &power) const;

private:
    std::size_t m_size;
    std::vector<std::size_t> m_bitReversed;
    std::vector<std::complex<double>> m_twiddles;  // e^{-i 2 pi k / N}, k < N/2
    mutable std::vector<std::complex<double>> m_scratch;  // so one object is not shared between threads
};

// Smallest power of two >= n (1 for n = 0).
std::size_t nextPowerOfTwo(std::size_t n);

}  // namespace sl::features
