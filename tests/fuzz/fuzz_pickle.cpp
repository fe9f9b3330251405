// libFuzzer target: the restricted pickle reader of MMSA feature files. A refused file is an
// sl::Error naming the byte offset; anything else that escapes (another exception, a crash, an
// ASan/UBSan report, a hang) is a bug.
#include "core/common/error.h"
#include "core/io/pickle_reader.h"

#include <QString>

#include <cstddef>
#include <cstdint>
#include <memory>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    try {
        sl::io::pickle::readPickleBytes(reinterpret_cast<const char *>(data), size, QStringLiteral("fuzz.pkl"), nullptr);
    } catch (const sl::Error &) {
    }
    return 0;
}
