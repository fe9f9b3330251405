#include "core/io/pickle_writer.h"

#include "core/common/error.h"

#include <QString>
#include <cstring>

namespace sl::io::pickle {

namespace {

// Code points of UTF-8 text (the input comes from QString::toStdString, so it is well formed).
std::u32string codePoints(const std::string &utf8)
{
    return QString::fromStdString(utf8).toStdU32String();
}

}  // namespace

void PickleWriter::put(const void *data, std::size_t size)
{
    if (m_out.write(static_cast<const char *>(data), qint64(size)) != qint64(size))
        throw Error(QStringLiteral("%1: cannot write: %2").arg(m_name, m_out.errorString()));
}

template <typename T>
void PickleWriter::little(T value, std::size_t bytes)
{
    unsigned char buffer[8];
    for (std::size_t i = 0; i < bytes; ++i)
        buffer[i] = static_cast<unsigned char>((std::uint64_t(value) >> (8 * i)) & 0xFF);
    put(buffer, bytes);
}

void PickleWriter::begin()
{
    op(0x80);  // PROTO
    op(4);
}

void PickleWriter::end() { op('.'); }
void PickleWriter::mark() { op('('); }
void PickleWriter::emptyDict() { op('}'); }
void PickleWriter::setItems() { op('u'); }
void PickleWriter::emptyList() { op(']'); }
void PickleWriter::appends() { op('e'); }
void PickleWriter::tuple() { op('t'); }
void PickleWriter::none() { op('N'); }
void PickleWriter::boolean(bool value) { op(value ? 0x88 : 0x89); }
void PickleWriter::reduce() { op('R'); }
void PickleWriter::build() { op('b'); }

void PickleWriter::integer(std::int64_t value)
{
    if (value >= 0 && value < 256) {
        op('K');
        little(value, 1);
    } else if (value >= 0 && value < 65536) {
        op('M');
        little(value, 2);
    } else if (value >= INT32_MIN && value <= INT32_MAX) {
        op('J');
        little(std::int64_t(std::int32_t(value)), 4);
    } else {
        op(0x8a);  // LONG1: 8 bytes of two's complement
        little(8, 1);
        little(value, 8);
    }
}

void PickleWriter::real(double value)
{
    std::uint64_t bits;
    std::memcpy(&bits, &value, sizeof bits);
    op('G');  // BINFLOAT is big-endian
    unsigned char buffer[8];
    for (int i = 0; i < 8; ++i)
        buffer[i] = static_cast<unsigned char>(bits >> (8 * (7 - i)));
    put(buffer, 8);
}

void PickleWriter::text(const std::string &utf8)
{
    if (utf8.size() < 256) {
        op(0x8c);  // SHORT_BINUNICODE
        little(utf8.size(), 1);
    } else if (utf8.size() <= UINT32_MAX) {
        op('X');
        little(utf8.size(), 4);
    } else {
        op(0x8d);
        little(utf8.size(), 8);
    }
    put(utf8.data(), utf8.size());
}

void PickleWriter::bytes(const char *data, std::size_t size)
{
    if (size < 256) {
        op('C');  // SHORT_BINBYTES
        little(size, 1);
    } else if (size <= UINT32_MAX) {
        op('B');
        little(size, 4);
    } else {
        op(0x8e);  // BINBYTES8
        little(size, 8);
    }
    put(data, size);
}

void PickleWriter::global(const std::string &module, const std::string &name)
{
    text(module);
    text(name);
    op(0x93);  // STACK_GLOBAL
}

void PickleWriter::dtype(char kind, int size)
{
    // numpy.dtype(code, False, True) then BUILD with numpy's state tuple
    // (3, byte order, subarray, names, fields, elsize, alignment, flags).
    global("numpy", "dtype");
    mark();
    text(std::string(1, kind) + std::to_string(size));
    boolean(false);
    boolean(true);
    tuple();
    reduce();
    mark();
    integer(3);
    text(kind == 'U' || size > 1 ? "<" : "|");
    none();
    none();
    none();
    if (kind == 'U') {  // flexible types carry their size; numpy's flags for str are 8
        integer(4 * std::int64_t(size));
        integer(4);
        integer(8);
    } else {
        integer(-1);
        integer(-1);
        integer(0);
    }
    tuple();
    build();
}

void PickleWriter::beginArray(char kind, int size, const std::vector<std::int64_t> &shape)
{
    global("numpy.core.multiarray", "_reconstruct");
    mark();
    global("numpy", "ndarray");
    mark();
    integer(0);
    tuple();
    bytes("b", 1);
    tuple();
    reduce();
    // state: (1, shape, dtype, is_fortran, data)
    mark();
    integer(1);
    mark();
    std::uint64_t count = 1;
    for (std::int64_t d : shape) {
        integer(d);
        count *= std::uint64_t(d);
    }
    tuple();
    dtype(kind, size);
    boolean(false);
    const std::uint64_t total = count * std::uint64_t(kind == 'U' ? 4 * size : size);
    op(0x8e);  // BINBYTES8, whatever the size, so the length can be announced before the data
    little(total, 8);
    m_arrayBytesLeft = total;
}

void PickleWriter::raw(const void *data, std::size_t size)
{
    if (size > m_arrayBytesLeft)
        throw Error(QStringLiteral("%1: internal error: more array data than announced").arg(m_name));
    m_arrayBytesLeft -= size;
    put(data, size);
}

void PickleWriter::endArray()
{
    if (m_arrayBytesLeft != 0)
        throw Error(QStringLiteral("%1: internal error: %2 bytes of array data missing").arg(m_name).arg(m_arrayBytesLeft));
    tuple();
    build();
}

void writeFloatArray(PickleWriter &writer, const std::vector<std::int64_t> &shape, const std::vector<float> &values)
{
    writer.beginArray('f', 4, shape);
    writer.raw(values.data(), values.size() * sizeof(float));  // x86/ARM hosts are little-endian, as the dtype says
    writer.endArray();
}

void writeInt64Array(PickleWriter &writer, const std::vector<std::int64_t> &values)
{
    writer.beginArray('i', 8, {std::int64_t(values.size())});
    writer.raw(values.data(), values.size() * sizeof(std::int64_t));
    writer.endArray();
}

void writeTextArray(PickleWriter &writer, const std::vector<std::string> &values)
{
    std::vector<std::u32string> wide;
    std::size_t width = 1;  // numpy has no '<U0'
    for (const std::string &v : values) {
        wide.push_back(codePoints(v));
        width = std::max(width, wide.back().size());
    }
    writer.beginArray('U', int(width), {std::int64_t(values.size())});
    std::vector<char32_t> row(width);
    for (const std::u32string &w : wide) {
        std::fill(row.begin(), row.end(), U'\0');
        std::copy(w.begin(), w.end(), row.begin());
        writer.raw(row.data(), width * sizeof(char32_t));
    }
    writer.endArray();
}

}  // namespace sl::io::pickle
