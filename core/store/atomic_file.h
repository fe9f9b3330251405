#pragma once
// Writing a whole file so that it is either complete or not there: the bytes go to a temporary
// file beside the target, every write, the flush to disk and the close are checked, and only
// then is the temporary renamed over the target. A full disk or a file-size limit therefore
// leaves the previous file (or none) and never a truncated one that looks finished.
#include <QByteArray>
#include <QString>

namespace sl::store {

// Throws store::WriteError naming `path` and the reason (e.g. "No space left on device").
void writeFileAtomically(const QString &path, const QByteArray &bytes);

}  // namespace sl::store
