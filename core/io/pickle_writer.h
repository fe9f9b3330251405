#pragma once
// Writes pickle protocol 4 opcodes, enough for a dict of numpy arrays that Python's pickle.load
// (with numpy 1 or 2) reads: arrays go the way numpy itself pickles them below protocol 5,
// numpy.core.multiarray._reconstruct plus a BUILD with (1, shape, dtype, False, raw bytes).
// Large array data is streamed: announce its size, then write it in pieces.
#include <QIODevice>
#include <QString>

#include <cstdint>
#include <string>
#include <vector>

namespace sl::io::pickle {

class PickleWriter {
public:
    // `name` is used in error messages (the output file).
    PickleWriter(QIODevice &out, QString name) : m_out(out), m_name(std::move(name)) {}

    void begin();  // PROTO 4
    void end();    // STOP

    void mark();
    void emptyDict();
    void setItems();  // pops the marked key/value pairs into the dict below the mark
    void emptyList();
    void appends();
    void tuple();     // the marked items as a tuple
    void none();
    void boolean(bool value);
    void integer(std::int64_t value);
    void real(double value);
    void text(const std::string &utf8);
    void bytes(const char *data, std::size_t size);
    void global(const std::string &module, const std::string &name);
    void reduce();
    void build();

    // A numpy dtype: kind 'f', 'i', 'u' with its size in bytes, or 'U' with its length in characters.
    void dtype(char kind, int size);
    // Starts an ndarray of little-endian `kind`/`size` elements and `shape`; the caller then writes
    // exactly count * itemSize bytes with raw() and calls endArray().
    void beginArray(char kind, int size, const std::vector<std::int64_t> &shape);
    void raw(const void *data, std::size_t size);
    void endArray();

private:
    void put(const void *data, std::size_t size);
    void op(std::uint8_t code) { put(&code, 1); }
    template <typename T>
    void little(T value, std::size_t bytes);

    QIODevice &m_out;
    QString m_name;
    std::uint64_t m_arrayBytesLeft = 0;
};

// A whole array at once: float32 values, int64 values, or UTF-8 strings as numpy '<U' (fixed width).
void writeFloatArray(PickleWriter &writer, const std::vector<std::int64_t> &shape, const std::vector<float> &values);
void writeInt64Array(PickleWriter &writer, const std::vector<std::int64_t> &values);
void writeTextArray(PickleWriter &writer, const std::vector<std::string> &values);

}  // namespace sl::io::pickle
