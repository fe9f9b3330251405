// libFuzzer target: sidecar transcripts (.srt, .vtt, .txt) as the folder import and the text
// extractor read them. The first byte picks the format, the rest is the file. A bad file is an
// sl::Error; anything else that escapes (another exception, a crash, an ASan/UBSan report) is a
// bug.
#include "core/common/error.h"
#include "core/io/text_decoding.h"
#include "core/io/transcript.h"

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    const QByteArray bytes(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    const QString name = QStringLiteral("fuzz");
    try {
        const QString text = sl::io::decodeUtf8Text(bytes, name);
        switch (data[0] % 3) {
        case 0: sl::io::parseSrt(text, name); break;
        case 1: sl::io::parseVtt(text, name); break;
        default: sl::io::parsePlainTranscript(text); break;
        }
    } catch (const sl::Error &) {
    }
    return 0;
}
