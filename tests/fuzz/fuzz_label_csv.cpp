// libFuzzer target: an MMSA label.csv through readLabelCsv, as an import reads it (UTF-8 check,
// CSV records, columns by name, row checks). A file with problems is an sl::Error or a list of
// problems; anything else that escapes (another exception, a crash, an ASan/UBSan report) is a bug.
#include "core/common/error.h"
#include "core/io/label_csv.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QString>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    // readLabelCsv takes a path: the input goes to one file per process, in RAM where there is
    // /dev/shm.
    static const QString path = QStringLiteral("%1/sentilens-fuzz-label-%2.csv")
                                    .arg(QDir("/dev/shm").exists() ? QStringLiteral("/dev/shm") : QDir::tempPath())
                                    .arg(QCoreApplication::applicationPid());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        __builtin_trap();
    file.write(reinterpret_cast<const char *>(data), qint64(size));
    file.close();
    try {
        const sl::io::LabelCsvFile parsed = sl::io::readLabelCsv(path);
        // What was read must also be writable again: the export path.
        if (!parsed.header.isEmpty() && parsed.problems.isEmpty())
            sl::io::writeLabelCsv(path + QStringLiteral(".out"), parsed.header, parsed.rows);
    } catch (const sl::Error &) {
    }
    return 0;
}
