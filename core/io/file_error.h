#pragma once
// One way to fail on a bad input file, so every reader words its errors as "file:line: message".
#include "core/common/error.h"

namespace sl::io {

// line 0 means the problem concerns the whole file; the message then reads "file: message".
[[noreturn]] inline void throwFileError(const QString &file, int line, const QString &message)
{
    throw sl::Error(sl::Problem{file, line, message}.toString());
}

}  // namespace sl::io
