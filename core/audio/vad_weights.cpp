#include "core/audio/vad_weights.h"

#include <bit>
#include <cstring>
#include <fstream>
#include <stdexcept>

namespace sl::audio {

namespace {

constexpr char kMagic[8] = {'S', 'L', 'V', 'A', 'D', 'W', '0', '1'};
// Far above the real network's largest tensor (66,048 values): a size beyond it means a damaged file,
// and refusing it early keeps a corrupt count from asking for gigabytes.
constexpr std::uint64_t kMaxValues = 1u << 24;

class Reader {
public:
    explicit Reader(const std::string &path) : m_path(path), m_in(path, std::ios::binary)
    {
        if (!m_in)
            fail("cannot be opened");
    }
    [[noreturn]] void fail(const std::string &problem) const
    {
        throw std::runtime_error("voice activity weights " + m_path + ": " + problem);
    }
    void bytes(void *out, std::size_t count, const char *what)
    {
        if (!m_in.read(static_cast<char *>(out), static_cast<std::streamsize>(count)))
            fail(std::string("ends inside ") + what);
    }
    std::uint32_t u32(const char *what)
    {
        unsigned char b[4];
        bytes(b, 4, what);
        return std::uint32_t(b[0]) | std::uint32_t(b[1]) << 8 | std::uint32_t(b[2]) << 16 | std::uint32_t(b[3]) << 24;
    }
    bool atEnd() { return m_in.peek() == std::char_traits<char>::eof(); }

private:
    std::string m_path;
    std::ifstream m_in;
};

}  // namespace

std::map<std::string, WeightTensor> readVadWeights(const std::string &path)
{
    static_assert(std::endian::native == std::endian::little, "the float values are read as stored, little-endian");
    Reader in(path);
    char magic[8];
    in.bytes(magic, sizeof magic, "the header");
    if (std::memcmp(magic, kMagic, sizeof magic) != 0)
        in.fail("not a SentiLens voice activity weights file (made by packaging/convert-silero-vad.py)");
    const std::uint32_t count = in.u32("the tensor count");
    if (count == 0 || count > 64)
        in.fail("implausible tensor count " + std::to_string(count));
    std::map<std::string, WeightTensor> tensors;
    for (std::uint32_t t = 0; t < count; ++t) {
        const std::uint32_t nameLength = in.u32("a tensor name");
        if (nameLength == 0 || nameLength > 256)
            in.fail("implausible tensor name length " + std::to_string(nameLength));
        std::string name(nameLength, '\0');
        in.bytes(name.data(), nameLength, "a tensor name");
        const std::uint32_t rank = in.u32("a tensor rank");
        if (rank == 0 || rank > 4)
            in.fail("tensor " + name + " has rank " + std::to_string(rank));
        WeightTensor tensor;
        std::uint64_t total = 1;
        for (std::uint32_t d = 0; d < rank; ++d) {
            const std::uint32_t size = in.u32("a tensor shape");
            total *= size;
            if (size == 0 || total > kMaxValues)
                in.fail("tensor " + name + " has an implausible shape");
            tensor.shape.push_back(size);
        }
        tensor.values.resize(total);
        in.bytes(tensor.values.data(), total * sizeof(float), ("the values of " + name).c_str());
        if (!tensors.emplace(name, std::move(tensor)).second)
            in.fail("tensor " + name + " appears twice");
    }
    if (!in.atEnd())
        in.fail("has bytes after its last tensor");
    return tensors;
}

}  // namespace sl::audio
