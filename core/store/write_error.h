#pragma once
// A file SentiLens must write could not be written: the project database (locked by another
// program, read-only, full disk, failing disk) or a file it writes for the user (an export, a
// model). Kept apart from sl::Error's input problems because the command line reports the two
// with different exit codes (3 and 1, see README) and because nothing about the input is wrong.
#include "core/common/error.h"

namespace sl::store {

class WriteError : public Error {
public:
    using Error::Error;
};

}  // namespace sl::store
