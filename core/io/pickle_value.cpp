#include "core/io/pickle_value.h"

#include <QtEndian>
#include <cstring>

namespace sl::io::pickle {

namespace {

// Reads one element of `size` bytes at `p`, in the array's byte order, into the host's order.
template <typename T>
T readElement(const char *p, bool bigEndian)
{
    T value;
    std::memcpy(&value, p, sizeof value);
    if (bigEndian != (QSysInfo::ByteOrder == QSysInfo::BigEndian)) {
        char *bytes = reinterpret_cast<char *>(&value);
        for (std::size_t i = 0; i < sizeof value / 2; ++i)
            std::swap(bytes[i], bytes[sizeof value - 1 - i]);
    }
    return value;
}

}  // namespace

ByteRun ByteRun::owned(std::string bytes)
{
    auto holder = std::make_shared<const std::string>(std::move(bytes));
    ByteRun run;
    run.data = holder->data();
    run.size = holder->size();
    run.owner = holder;
    return run;
}

std::string Dtype::describe() const
{
    switch (kind) {
    case 'f': return "float" + std::to_string(itemSize * 8);
    case 'i': return "int" + std::to_string(itemSize * 8);
    case 'u': return "uint" + std::to_string(itemSize * 8);
    case 'b': return "bool";
    case 'U': return "<U" + std::to_string(itemSize / 4);
    case 'S': return "|S" + std::to_string(itemSize);
    case 'O': return "object";
    default: return code;
    }
}

std::int64_t NdArray::count() const
{
    std::int64_t n = 1;
    for (std::int64_t d : shape)
        n *= d;
    return n;
}

std::string NdArray::describeShape() const
{
    std::string text = "(";
    for (std::size_t i = 0; i < shape.size(); ++i)
        text += (i ? ", " : "") + std::to_string(shape[i]);
    return text + (shape.size() == 1 ? ",)" : ")");
}

std::int64_t NdArray::memoryIndex(std::int64_t flatIndex) const
{
    if (!fortranOrder || shape.size() < 2)
        return flatIndex;
    // Split the C-order index into coordinates (last axis fastest), then weigh them with
    // Fortran strides (first axis fastest).
    std::int64_t memory = 0, stride = 1;
    std::vector<std::int64_t> coords(shape.size());
    for (std::size_t axis = shape.size(); axis-- > 0;) {
        coords[axis] = flatIndex % shape[axis];
        flatIndex /= shape[axis];
    }
    for (std::size_t axis = 0; axis < shape.size(); ++axis) {
        memory += coords[axis] * stride;
        stride *= shape[axis];
    }
    return memory;
}

double NdArray::number(std::int64_t memory) const
{
    if (dtype.kind == 'O')
        return objects[std::size_t(memory)]->toDouble();
    const char *p = data.data + memory * dtype.itemSize;
    switch (dtype.kind) {
    case 'f':
        return dtype.itemSize == 4 ? double(readElement<float>(p, dtype.bigEndian)) : readElement<double>(p, dtype.bigEndian);
    case 'b':
        return *p ? 1.0 : 0.0;
    case 'i':
        switch (dtype.itemSize) {
        case 1: return double(std::int8_t(*p));
        case 2: return double(readElement<std::int16_t>(p, dtype.bigEndian));
        case 4: return double(readElement<std::int32_t>(p, dtype.bigEndian));
        default: return double(readElement<std::int64_t>(p, dtype.bigEndian));
        }
    case 'u':
        switch (dtype.itemSize) {
        case 1: return double(std::uint8_t(*p));
        case 2: return double(readElement<std::uint16_t>(p, dtype.bigEndian));
        case 4: return double(readElement<std::uint32_t>(p, dtype.bigEndian));
        default: return double(readElement<std::uint64_t>(p, dtype.bigEndian));
        }
    default:
        return 0;
    }
}

std::string NdArray::text(std::int64_t memory) const
{
    if (dtype.kind == 'O') {
        const Value &v = *objects[std::size_t(memory)];
        if (v.kind == Value::Kind::Bytes)
            return std::string(v.bytes.data, v.bytes.size);
        return v.str;
    }
    const char *p = data.data + memory * dtype.itemSize;
    std::string out;
    if (dtype.kind == 'S') {
        out.assign(p, std::size_t(dtype.itemSize));
    } else {  // 'U': fixed-width UCS-4, NUL-padded
        std::u32string ucs4;
        for (int i = 0; i < dtype.itemSize / 4; ++i)
            ucs4 += readElement<char32_t>(p + 4 * i, dtype.bigEndian);
        out = QString::fromStdU32String(ucs4).toStdString();
    }
    while (!out.empty() && out.back() == '\0')
        out.pop_back();
    return out;
}

ValuePtr Value::make(Kind kind)
{
    auto v = std::make_shared<Value>();
    v->kind = kind;
    return v;
}

ValuePtr Value::makeInt(std::int64_t i)
{
    ValuePtr v = make(Kind::Int);
    v->integer = i;
    return v;
}

ValuePtr Value::makeFloat(double d)
{
    ValuePtr v = make(Kind::Float);
    v->real = d;
    return v;
}

ValuePtr Value::makeStr(std::string s)
{
    ValuePtr v = make(Kind::Str);
    v->str = std::move(s);
    return v;
}

QString Value::typeName() const
{
    switch (kind) {
    case Kind::None: return QStringLiteral("None");
    case Kind::Bool: return QStringLiteral("bool");
    case Kind::Int: return QStringLiteral("int");
    case Kind::Float: return QStringLiteral("float");
    case Kind::Str: return QStringLiteral("str");
    case Kind::Bytes: return QStringLiteral("bytes");
    case Kind::List: return QStringLiteral("list");
    case Kind::Tuple: return QStringLiteral("tuple");
    case Kind::Dict: return QStringLiteral("dict");
    case Kind::Dtype: return QStringLiteral("numpy.dtype");
    case Kind::Array: return QStringLiteral("numpy.ndarray of %1").arg(QString::fromStdString(array->dtype.describe()));
    case Kind::Global: return QString::fromStdString(str);
    }
    return {};
}

double Value::toDouble() const
{
    switch (kind) {
    case Kind::Bool: return boolean ? 1.0 : 0.0;
    case Kind::Int: return double(integer);
    case Kind::Float: return real;
    default: return 0;
    }
}

ValuePtr Value::get(const std::string &key) const
{
    if (kind != Kind::Dict)
        return nullptr;
    for (const auto &[k, v] : entries)
        if (k->kind == Kind::Str && k->str == key)
            return v;
    return nullptr;
}

std::vector<std::string> Value::keys() const
{
    std::vector<std::string> result;
    for (const auto &entry : entries)
        if (entry.first->kind == Kind::Str)
            result.push_back(entry.first->str);
    return result;
}

}  // namespace sl::io::pickle
