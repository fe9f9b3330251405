#pragma once
// The values a restricted pickle reader can produce: Python's None, bools, ints, floats, strings,
// bytes, lists, tuples and dicts, plus numpy dtypes and arrays. Nothing else exists here, so
// nothing else can come out of a file. Containers are shared (a pickle's memo refers to the same
// object from several places, and lists and dicts are filled after they are memoised).
#include <QString>

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace sl::io::pickle {

// A run of bytes, either inside the mapped file (no copy, for large arrays) or owned.
struct ByteRun {
    std::shared_ptr<const void> owner;  // keeps the mapping or the owned string alive
    const char *data = nullptr;
    std::size_t size = 0;

    static ByteRun owned(std::string bytes);
};

// A numpy dtype: kind 'f' float, 'i' signed, 'u' unsigned, 'b' bool, 'U' UCS-4 text,
// 'S' bytes, 'O' Python objects.
struct Dtype {
    char kind = 0;
    int itemSize = 0;      // bytes per element
    bool bigEndian = false;
    std::string code;      // as pickled, e.g. "f4", "U20"

    std::string describe() const;  // e.g. "float32", "<U20", "object"
};

struct Value;
using ValuePtr = std::shared_ptr<Value>;

struct NdArray {
    Dtype dtype;
    std::vector<std::int64_t> shape;
    bool fortranOrder = false;
    ByteRun data;                  // all kinds but 'O'
    std::vector<ValuePtr> objects;  // kind 'O', in memory order

    std::int64_t count() const;  // number of elements
    std::string describeShape() const;  // e.g. "(10, 50, 768)"
    // Memory index of the element at a C-order flat index (differs only for Fortran order).
    std::int64_t memoryIndex(std::int64_t flatIndex) const;
    // Element at memory index as a number (kinds f, i, u, b); kind 'O' holding numbers works too.
    double number(std::int64_t memory) const;
    // Element at memory index as UTF-8 text (kinds U, S, and 'O' holding str or bytes).
    std::string text(std::int64_t memory) const;
};

struct Value {
    enum class Kind { None, Bool, Int, Float, Str, Bytes, List, Tuple, Dict, Dtype, Array, Global };
    Kind kind = Kind::None;
    bool boolean = false;
    std::int64_t integer = 0;
    double real = 0;
    std::string str;                                  // Str (UTF-8); Global: "module.name"
    ByteRun bytes;                                    // Bytes
    std::vector<ValuePtr> items;                      // List, Tuple
    std::vector<std::pair<ValuePtr, ValuePtr>> entries;  // Dict, in insertion order
    Dtype dtype;                                      // Dtype
    std::shared_ptr<NdArray> array;                   // Array

    static ValuePtr make(Kind kind);
    static ValuePtr makeInt(std::int64_t v);
    static ValuePtr makeFloat(double v);
    static ValuePtr makeStr(std::string v);

    QString typeName() const;  // Python's name for it: "dict", "numpy.ndarray", ...
    bool isNumber() const { return kind == Kind::Int || kind == Kind::Float || kind == Kind::Bool; }
    double toDouble() const;
    // Dict lookup by str key; null when absent or not a dict.
    ValuePtr get(const std::string &key) const;
    // Dict keys that are strings, in order.
    std::vector<std::string> keys() const;
};

}  // namespace sl::io::pickle
