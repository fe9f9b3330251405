#pragma once
// A restricted reader for Python pickles (protocols 2 to 5) that holds numpy arrays, dicts, lists,
// strings and numbers, as MMSA's feature files do. Python's own pickle.load runs whatever code
// the file names; this reader knows a short list of globals (allowedGlobals()) and refuses any
// other, and any call on something that is not one of them, with the byte offset of the opcode.
// Truncated or corrupt files are refused the same way. Nothing is imported or executed.
#include "core/io/pickle_value.h"

#include <QString>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace sl::io::pickle {

// "module.name" of every global a file may name; numpy 1's numpy.core and numpy 2's numpy._core
// spellings both appear.
const std::vector<std::string> &allowedGlobals();

// Reads a whole file. The file is memory-mapped and large arrays point into the mapping, so reading
// a 4 GB file does not copy it. Throws sl::Error "FILE: byte N: message".
// `progress`, when set, is called now and then with (bytes read, total bytes).
ValuePtr readPickleFile(const QString &path, const std::function<void(qint64, qint64)> &progress = {});

// Reads pickle bytes held elsewhere; `owner` keeps them alive for arrays that point into them.
ValuePtr readPickleBytes(const char *data, std::size_t size, const QString &name, std::shared_ptr<const void> owner,
                         const std::function<void(qint64, qint64)> &progress = {});

}  // namespace sl::io::pickle
