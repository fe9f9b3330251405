#include "core/io/pickle_reader.h"

#include "core/common/error.h"

#include <QFile>
#include <QtEndian>
#include <algorithm>
#include <cstring>
#include <unordered_map>

namespace sl::io::pickle {

namespace {

using Kind = Value::Kind;

// The globals, by what they are for. A file names them with GLOBAL or STACK_GLOBAL; only the first
// four kinds may be called (REDUCE), ndarray is only ever an argument of _reconstruct.
const char *const kReconstruct[] = {"numpy.core.multiarray._reconstruct", "numpy._core.multiarray._reconstruct"};
const char *const kScalar[] = {"numpy.core.multiarray.scalar", "numpy._core.multiarray.scalar"};
const char *const kFromBuffer[] = {"numpy.core.numeric._frombuffer", "numpy._core.numeric._frombuffer"};
const char *const kOthers[] = {
    "numpy.ndarray",   // the class _reconstruct makes
    "numpy.dtype",     // dtype(code, align, copy), then BUILD with its byte order
    "_codecs.encode",  // protocol 2 writes bytes as encode(latin-1 text, 'latin1')
    "builtins.bytes",  // protocol 2 writes b'' as bytes()
    "__builtin__.bytes",
};

template <std::size_t N>
bool oneOf(const std::string &name, const char *const (&list)[N])
{
    for (const char *entry : list)
        if (name == entry)
            return true;
    return false;
}

class Reader {
public:
    Reader(const char *data, std::size_t size, QString name, std::shared_ptr<const void> owner,
           std::function<void(qint64, qint64)> progress)
        : m_data(data), m_size(size), m_name(std::move(name)), m_owner(std::move(owner)), m_progress(std::move(progress))
    {
    }

    ValuePtr run();
    // Empties every container made, which frees reference cycles; for a read that failed.
    void breakCycles();

private:
    [[noreturn]] void fail(const QString &message) const
    {
        throw Error(QStringLiteral("%1: byte %2: %3").arg(m_name).arg(m_opcodeAt).arg(message));
    }
    void need(std::size_t n, const char *what) const
    {
        if (n > m_size - m_pos)
            fail(QStringLiteral("the file ends inside %1 (%2 more bytes needed, %3 left); it is truncated or damaged")
                     .arg(QLatin1String(what)).arg(n).arg(m_size - m_pos));
    }
    std::uint64_t readUnsigned(std::size_t bytes, const char *what)
    {
        need(bytes, what);
        std::uint64_t v = 0;
        for (std::size_t i = 0; i < bytes; ++i)
            v |= std::uint64_t(std::uint8_t(m_data[m_pos + i])) << (8 * i);
        m_pos += bytes;
        return v;
    }
    ByteRun readRun(std::uint64_t length, const char *what)
    {
        if (length > m_size - m_pos)
            fail(QStringLiteral("the file ends inside %1 (%2 bytes announced, %3 left); it is truncated or damaged")
                     .arg(QLatin1String(what)).arg(length).arg(m_size - m_pos));
        ByteRun run{m_owner, m_data + m_pos, std::size_t(length)};
        m_pos += std::size_t(length);
        return run;
    }
    std::string readText(std::uint64_t length, const char *what)
    {
        const ByteRun run = readRun(length, what);
        return std::string(run.data, run.size);
    }
    std::string readLine(const char *what)
    {
        const void *end = std::memchr(m_data + m_pos, '\n', m_size - m_pos);
        if (!end)
            need(m_size - m_pos + 1, what);
        const std::size_t length = std::size_t(static_cast<const char *>(end) - (m_data + m_pos));
        std::string line(m_data + m_pos, length);
        m_pos += length + 1;
        return line;
    }

    void push(ValuePtr v)
    {
        if (v->kind == Kind::List || v->kind == Kind::Tuple || v->kind == Kind::Dict || v->kind == Kind::Array)
            m_containers.push_back(v);
        m_stack.push_back(std::move(v));
    }
    bool hasCycle() const;
    ValuePtr pop(const char *what)
    {
        if (m_stack.size() <= (m_marks.empty() ? 0 : m_marks.back()))
            fail(QStringLiteral("%1 finds no value on the stack; the file is damaged").arg(QLatin1String(what)));
        ValuePtr v = std::move(m_stack.back());
        m_stack.pop_back();
        return v;
    }
    ValuePtr &top(const char *what)
    {
        if (m_stack.size() <= (m_marks.empty() ? 0 : m_marks.back()))
            fail(QStringLiteral("%1 finds no value on the stack; the file is damaged").arg(QLatin1String(what)));
        return m_stack.back();
    }
    std::vector<ValuePtr> popMark(const char *what)
    {
        if (m_marks.empty())
            fail(QStringLiteral("%1 without a MARK; the file is damaged").arg(QLatin1String(what)));
        const std::size_t mark = m_marks.back();
        m_marks.pop_back();
        std::vector<ValuePtr> items(std::make_move_iterator(m_stack.begin() + std::ptrdiff_t(mark)),
                                    std::make_move_iterator(m_stack.end()));
        m_stack.resize(mark);
        return items;
    }
    ValuePtr tuple(std::vector<ValuePtr> items)
    {
        ValuePtr t = Value::make(Kind::Tuple);
        t->items = std::move(items);
        return t;
    }
    void memoize(std::uint64_t index)
    {
        m_memo[index] = top("memoising");
    }
    ValuePtr fromMemo(std::uint64_t index)
    {
        const auto it = m_memo.find(index);
        if (it == m_memo.end())
            fail(QStringLiteral("memo entry %1 is read before it is written; the file is damaged").arg(index));
        return it->second;
    }
    ValuePtr makeInteger(const ByteRun &run);
    ValuePtr makeGlobal(const std::string &module, const std::string &name);
    ValuePtr reduce(const ValuePtr &callable, const ValuePtr &args);
    void build(const ValuePtr &object, const ValuePtr &state);
    Dtype parseDtypeCode(const std::string &code);
    void setArrayData(NdArray &array, const ValuePtr &data);
    std::vector<std::int64_t> shapeOf(const ValuePtr &value, const char *what);
    void dispatch(std::uint8_t op);

    const char *m_data;
    std::size_t m_size;
    QString m_name;
    std::shared_ptr<const void> m_owner;
    std::function<void(qint64, qint64)> m_progress;
    std::size_t m_pos = 0;
    std::size_t m_opcodeAt = 0;
    std::vector<ValuePtr> m_stack;
    std::vector<std::size_t> m_marks;
    std::unordered_map<std::uint64_t, ValuePtr> m_memo;
    // Every container made, so that reference cycles (a list appended to itself through the memo)
    // can be found and broken: shared ownership would otherwise keep them alive for ever.
    std::vector<std::weak_ptr<Value>> m_containers;
    bool m_stopped = false;
};

// The containers a value refers to directly.
template <typename F>
void forEachChild(const Value &v, F &&visit)
{
    for (const ValuePtr &item : v.items)
        visit(item);
    for (const auto &[key, value] : v.entries) {
        visit(key);
        visit(value);
    }
    if (v.array)
        for (const ValuePtr &object : v.array->objects)
            visit(object);
}

bool Reader::hasCycle() const
{
    // Iterative depth-first search with three colours; a grey node met again closes a cycle.
    enum Colour { White, Grey, Black };
    std::unordered_map<const Value *, Colour> colour;
    for (const std::weak_ptr<Value> &weak : m_containers) {
        const ValuePtr start = weak.lock();
        if (!start || colour[start.get()] != White)
            continue;
        std::vector<std::pair<const Value *, bool>> work{{start.get(), false}};  // (node, children done)
        while (!work.empty()) {
            const auto [node, done] = work.back();
            work.pop_back();
            if (done) {
                colour[node] = Black;
                continue;
            }
            if (colour[node] == Black)
                continue;
            colour[node] = Grey;
            work.emplace_back(node, true);
            bool cycle = false;
            forEachChild(*node, [&](const ValuePtr &child) {
                const Colour c = colour[child.get()];
                if (c == Grey)
                    cycle = true;
                else if (c == White)
                    work.emplace_back(child.get(), false);
            });
            if (cycle)
                return true;
        }
    }
    return false;
}

void Reader::breakCycles()
{
    for (const std::weak_ptr<Value> &weak : m_containers)
        if (const ValuePtr v = weak.lock()) {
            v->items.clear();
            v->entries.clear();
            if (v->array)
                v->array->objects.clear();
        }
}

ValuePtr Reader::run()
{
    std::size_t nextReport = 0;
    while (!m_stopped) {
        m_opcodeAt = m_pos;
        if (m_pos >= m_size)
            fail(QStringLiteral("the file ends before the pickle's STOP opcode; it is truncated or damaged"));
        if (m_progress && m_pos >= nextReport) {
            m_progress(qint64(m_pos), qint64(m_size));
            nextReport = m_pos + (std::size_t(64) << 20);
        }
        dispatch(std::uint8_t(m_data[m_pos++]));
    }
    if (m_stack.size() != 1 || !m_marks.empty())
        fail(QStringLiteral("STOP leaves %1 values and %2 marks on the stack instead of one value; the file is damaged")
                 .arg(m_stack.size()).arg(m_marks.size()));
    if (hasCycle())
        fail(QStringLiteral("the pickle holds a container that contains itself (a reference cycle); feature files have none"));
    if (m_progress)
        m_progress(qint64(m_size), qint64(m_size));
    return m_stack.back();
}

ValuePtr Reader::makeInteger(const ByteRun &run)
{
    if (run.size > 8)
        fail(QStringLiteral("an integer of %1 bytes does not fit in 64 bits").arg(run.size));
    std::uint64_t bits = 0;
    for (std::size_t i = 0; i < run.size; ++i)
        bits |= std::uint64_t(std::uint8_t(run.data[i])) << (8 * i);
    if (run.size > 0 && run.size < 8 && (std::uint8_t(run.data[run.size - 1]) & 0x80))
        bits |= ~std::uint64_t(0) << (8 * run.size);  // sign-extend two's complement
    return Value::makeInt(std::int64_t(bits));
}

ValuePtr Reader::makeGlobal(const std::string &module, const std::string &name)
{
    const std::string full = module + "." + name;
    const auto &allowed = allowedGlobals();
    if (std::find(allowed.begin(), allowed.end(), full) == allowed.end())
        fail(QStringLiteral("the pickle names the global %1, which SentiLens does not allow (only numpy arrays, "
                            "dtypes, dicts, lists, strings and numbers are read); nothing was run")
                 .arg(QString::fromStdString(full)));
    ValuePtr g = Value::make(Kind::Global);
    g->str = full;
    return g;
}

Dtype Reader::parseDtypeCode(const std::string &code)
{
    Dtype dtype;
    dtype.code = code;
    std::size_t i = 0;
    if (!code.empty() && (code[0] == '<' || code[0] == '>' || code[0] == '|' || code[0] == '=')) {
        dtype.bigEndian = code[0] == '>';
        i = 1;
    }
    if (i >= code.size())
        fail(QStringLiteral("empty numpy dtype code"));
    dtype.kind = code[i];
    const std::string digits = code.substr(i + 1);
    int n = 0;
    for (char c : digits) {
        if (c < '0' || c > '9' || n > 1'000'000)
            fail(QStringLiteral("numpy dtype '%1' is not supported").arg(QString::fromStdString(code)));
        n = n * 10 + (c - '0');
    }
    const bool ok = (dtype.kind == 'f' && (n == 4 || n == 8)) ||
                    ((dtype.kind == 'i' || dtype.kind == 'u') && (n == 1 || n == 2 || n == 4 || n == 8)) ||
                    (dtype.kind == 'b' && n == 1) || (dtype.kind == 'O' && n == 8) ||
                    ((dtype.kind == 'U' || dtype.kind == 'S') && !digits.empty());
    if (!ok)
        fail(QStringLiteral("numpy dtype '%1' is not supported (float32/64, ints, bool, str, bytes and object are)")
                 .arg(QString::fromStdString(code)));
    dtype.itemSize = dtype.kind == 'U' ? 4 * n : n;
    return dtype;
}

std::vector<std::int64_t> Reader::shapeOf(const ValuePtr &value, const char *what)
{
    if (value->kind != Kind::Tuple && value->kind != Kind::List)
        fail(QStringLiteral("%1: the shape is a %2, not a tuple").arg(QLatin1String(what), value->typeName()));
    std::vector<std::int64_t> shape;
    std::int64_t count = 1;
    for (const ValuePtr &d : value->items) {
        if (d->kind != Kind::Int || d->integer < 0)
            fail(QStringLiteral("%1: a dimension of the shape is not a non-negative integer").arg(QLatin1String(what)));
        if (d->integer > 0 && count > (std::int64_t(1) << 50) / d->integer)
            fail(QStringLiteral("%1: the shape is impossibly large").arg(QLatin1String(what)));
        count *= std::max<std::int64_t>(d->integer, 1);
        shape.push_back(d->integer);
    }
    return shape;
}

void Reader::setArrayData(NdArray &array, const ValuePtr &data)
{
    const std::int64_t count = array.count();
    if (array.dtype.kind == 'O') {
        if (data->kind != Kind::List)
            fail(QStringLiteral("an object array's data is a %1, not a list").arg(data->typeName()));
        if (std::int64_t(data->items.size()) != count)
            fail(QStringLiteral("an object array of shape %1 holds %2 items instead of %3")
                     .arg(QString::fromStdString(array.describeShape())).arg(data->items.size()).arg(count));
        array.objects = data->items;
        return;
    }
    if (data->kind != Kind::Bytes)
        fail(QStringLiteral("a numpy array's data is a %1, not bytes").arg(data->typeName()));
    const std::uint64_t expected = std::uint64_t(count) * std::uint64_t(array.dtype.itemSize);
    if (data->bytes.size != expected)
        fail(QStringLiteral("a %1 array of shape %2 needs %3 bytes but holds %4; the file is damaged")
                 .arg(QString::fromStdString(array.dtype.describe()), QString::fromStdString(array.describeShape()))
                 .arg(expected).arg(data->bytes.size));
    array.data = data->bytes;
}

ValuePtr Reader::reduce(const ValuePtr &callable, const ValuePtr &args)
{
    if (callable->kind != Kind::Global)
        fail(QStringLiteral("REDUCE calls a %1; only the numpy constructors may be called").arg(callable->typeName()));
    if (args->kind != Kind::Tuple)
        fail(QStringLiteral("REDUCE of %1 gets a %2 instead of an argument tuple")
                 .arg(QString::fromStdString(callable->str), args->typeName()));
    const std::string &name = callable->str;
    const std::vector<ValuePtr> &a = args->items;
    const auto wrongArguments = [&]() {
        fail(QStringLiteral("REDUCE of %1 with unexpected arguments").arg(QString::fromStdString(name)));
    };
    if (oneOf(name, kReconstruct)) {
        if (a.size() != 3 || a[0]->kind != Kind::Global || a[0]->str != "numpy.ndarray")
            fail(QStringLiteral("%1 may only make a numpy.ndarray").arg(QString::fromStdString(name)));
        ValuePtr v = Value::make(Kind::Array);
        v->array = std::make_shared<NdArray>();
        return v;  // shape, dtype and data come with BUILD
    }
    if (name == "numpy.dtype") {
        if (a.empty() || a[0]->kind != Kind::Str)
            wrongArguments();
        ValuePtr v = Value::make(Kind::Dtype);
        v->dtype = parseDtypeCode(a[0]->str);
        return v;
    }
    if (oneOf(name, kScalar)) {
        if (a.size() != 2 || a[0]->kind != Kind::Dtype || a[1]->kind != Kind::Bytes)
            wrongArguments();
        NdArray one;
        one.dtype = a[0]->dtype;
        one.shape = {1};
        if (one.dtype.kind == 'O')
            fail(QStringLiteral("numpy object scalars are not supported"));
        setArrayData(one, a[1]);
        if (one.dtype.kind == 'U' || one.dtype.kind == 'S')
            return Value::makeStr(one.text(0));
        if (one.dtype.kind == 'f')
            return Value::makeFloat(one.number(0));
        if (one.dtype.kind == 'b') {
            ValuePtr b = Value::make(Kind::Bool);
            b->boolean = one.number(0) != 0;
            return b;
        }
        return Value::makeInt(std::int64_t(one.number(0)));
    }
    if (oneOf(name, kFromBuffer)) {
        if (a.size() != 4 || a[1]->kind != Kind::Dtype || a[3]->kind != Kind::Str)
            wrongArguments();
        ValuePtr v = Value::make(Kind::Array);
        v->array = std::make_shared<NdArray>();
        v->array->dtype = a[1]->dtype;
        v->array->shape = shapeOf(a[2], "_frombuffer");
        v->array->fortranOrder = a[3]->str == "F";
        if (v->array->dtype.kind == 'O')
            fail(QStringLiteral("_frombuffer cannot hold Python objects"));
        setArrayData(*v->array, a[0]);
        return v;
    }
    if (name == "_codecs.encode") {
        if (a.size() != 2 || a[0]->kind != Kind::Str || a[1]->kind != Kind::Str ||
            (a[1]->str != "latin1" && a[1]->str != "latin-1"))
            wrongArguments();
        // The text's code points are the bytes; it is stored as UTF-8.
        const std::string &utf8 = a[0]->str;
        std::string bytes;
        bytes.reserve(utf8.size());
        for (std::size_t i = 0; i < utf8.size(); ++i) {
            const auto c = std::uint8_t(utf8[i]);
            if (c < 0x80) {
                bytes += char(c);
            } else if ((c & 0xE0) == 0xC0 && i + 1 < utf8.size() && c <= 0xC3) {
                bytes += char(((c & 0x1F) << 6) | (std::uint8_t(utf8[i + 1]) & 0x3F));
                ++i;
            } else {
                fail(QStringLiteral("_codecs.encode: the text has characters beyond latin-1"));
            }
        }
        ValuePtr v = Value::make(Kind::Bytes);
        v->bytes = ByteRun::owned(std::move(bytes));
        return v;
    }
    if (name == "builtins.bytes" || name == "__builtin__.bytes") {
        if (!a.empty())
            wrongArguments();
        ValuePtr v = Value::make(Kind::Bytes);
        v->bytes = ByteRun::owned({});
        return v;
    }
    fail(QStringLiteral("REDUCE on %1 is not allowed").arg(QString::fromStdString(name)));
}

void Reader::build(const ValuePtr &object, const ValuePtr &state)
{
    if (state->kind != Kind::Tuple)
        fail(QStringLiteral("BUILD of a %1 with a %2 state").arg(object->typeName(), state->typeName()));
    const std::vector<ValuePtr> &s = state->items;
    if (object->kind == Kind::Dtype) {
        // (version, byte order, subarray, names, fields, elsize, alignment, flags[, metadata])
        if (s.size() < 8 || s[1]->kind != Kind::Str)
            fail(QStringLiteral("a numpy dtype's state is not the expected 8 or 9 items"));
        if (s[2]->kind != Kind::None || s[3]->kind != Kind::None || s[4]->kind != Kind::None)
            fail(QStringLiteral("structured and sub-array numpy dtypes are not supported"));
        object->dtype.bigEndian = s[1]->str == ">";
        if (s[5]->kind == Kind::Int && s[5]->integer > 0 && (object->dtype.kind == 'U' || object->dtype.kind == 'S'))
            object->dtype.itemSize = int(s[5]->integer);
        return;
    }
    if (object->kind == Kind::Array && object->array->dtype.kind == 0) {
        // (version, shape, dtype, is_fortran, data), or without the version in old files
        const std::size_t o = s.size() == 5 ? 1 : 0;
        if (s.size() - o != 4 || s[o + 1]->kind != Kind::Dtype)
            fail(QStringLiteral("a numpy array's state is not (version, shape, dtype, is_fortran, data)"));
        NdArray &array = *object->array;
        array.shape = shapeOf(s[o], "ndarray");
        array.dtype = s[o + 1]->dtype;
        array.fortranOrder = s[o + 2]->toDouble() != 0;
        setArrayData(array, s[o + 3]);
        return;
    }
    fail(QStringLiteral("BUILD on a %1 is not allowed").arg(object->typeName()));
}

void Reader::dispatch(std::uint8_t op)
{
    switch (op) {
    case 0x80: {  // PROTO
        const auto proto = readUnsigned(1, "PROTO");
        if (proto < 2 || proto > 5)
            fail(QStringLiteral("pickle protocol %1 is not supported (2 to 5 are)").arg(proto));
        return;
    }
    case 0x95:  // FRAME: a length hint; the data is read straight through
        if (readUnsigned(8, "FRAME") > m_size - m_pos)
            fail(QStringLiteral("a frame runs past the end of the file; it is truncated or damaged"));
        return;
    case '.': m_stopped = true; return;
    case '(': m_marks.push_back(m_stack.size()); return;
    case '0': pop("POP"); return;
    case '1': popMark("POP_MARK"); return;
    case '2': push(top("DUP")); return;
    case 'N': push(Value::make(Kind::None)); return;
    case 0x88:
    case 0x89: {
        ValuePtr b = Value::make(Kind::Bool);
        b->boolean = op == 0x88;
        push(b);
        return;
    }
    case 'J': push(Value::makeInt(std::int32_t(readUnsigned(4, "BININT")))); return;
    case 'K': push(Value::makeInt(std::int64_t(readUnsigned(1, "BININT1")))); return;
    case 'M': push(Value::makeInt(std::int64_t(readUnsigned(2, "BININT2")))); return;
    case 0x8a: push(makeInteger(readRun(readUnsigned(1, "LONG1"), "LONG1"))); return;
    case 0x8b: push(makeInteger(readRun(readUnsigned(4, "LONG4"), "LONG4"))); return;
    case 'G': {
        const std::uint64_t bits = qFromBigEndian<quint64>(readRun(8, "BINFLOAT").data);
        double d;
        std::memcpy(&d, &bits, sizeof d);
        push(Value::makeFloat(d));
        return;
    }
    case 'X': push(Value::makeStr(readText(readUnsigned(4, "BINUNICODE"), "BINUNICODE"))); return;
    case 0x8c: push(Value::makeStr(readText(readUnsigned(1, "SHORT_BINUNICODE"), "SHORT_BINUNICODE"))); return;
    case 0x8d: push(Value::makeStr(readText(readUnsigned(8, "BINUNICODE8"), "BINUNICODE8"))); return;
    case 'T':
    case 'U': {  // Python 2 str: bytes that Python 3 decodes as ASCII; kept as text
        const std::uint64_t n = op == 'T' ? readUnsigned(4, "BINSTRING") : readUnsigned(1, "SHORT_BINSTRING");
        push(Value::makeStr(readText(n, "BINSTRING")));
        return;
    }
    case 'B':
    case 'C':
    case 0x8e:
    case 0x96: {  // BINBYTES, SHORT_BINBYTES, BINBYTES8, BYTEARRAY8
        const std::size_t width = op == 'B' ? 4 : op == 'C' ? 1 : 8;
        ValuePtr b = Value::make(Kind::Bytes);
        b->bytes = readRun(readUnsigned(width, "BINBYTES"), "BINBYTES");
        push(b);
        return;
    }
    case ']': push(Value::make(Kind::List)); return;
    case ')': push(Value::make(Kind::Tuple)); return;
    case '}': push(Value::make(Kind::Dict)); return;
    case 'l': {
        ValuePtr list = Value::make(Kind::List);
        list->items = popMark("LIST");
        push(list);
        return;
    }
    case 't': push(tuple(popMark("TUPLE"))); return;
    case 0x85:
    case 0x86:
    case 0x87: {
        std::vector<ValuePtr> items(std::size_t(op - 0x84));
        for (std::size_t i = items.size(); i-- > 0;)
            items[i] = pop("TUPLE1/2/3");
        push(tuple(std::move(items)));
        return;
    }
    case 'a': {
        ValuePtr item = pop("APPEND");
        ValuePtr &list = top("APPEND");
        if (list->kind != Kind::List)
            fail(QStringLiteral("APPEND to a %1").arg(list->typeName()));
        list->items.push_back(std::move(item));
        return;
    }
    case 'e': {
        std::vector<ValuePtr> items = popMark("APPENDS");
        ValuePtr &list = top("APPENDS");
        if (list->kind != Kind::List)
            fail(QStringLiteral("APPENDS to a %1").arg(list->typeName()));
        list->items.insert(list->items.end(), std::make_move_iterator(items.begin()), std::make_move_iterator(items.end()));
        return;
    }
    case 'd':
    case 'u': {  // DICT, SETITEMS
        std::vector<ValuePtr> items = popMark(op == 'd' ? "DICT" : "SETITEMS");
        if (items.size() % 2)
            fail(QStringLiteral("an odd number of items for a dict"));
        if (op == 'd')
            push(Value::make(Kind::Dict));
        ValuePtr &dict = top("SETITEMS");
        if (dict->kind != Kind::Dict)
            fail(QStringLiteral("SETITEMS on a %1").arg(dict->typeName()));
        for (std::size_t i = 0; i < items.size(); i += 2)
            dict->entries.emplace_back(items[i], items[i + 1]);
        return;
    }
    case 's': {
        ValuePtr value = pop("SETITEM");
        ValuePtr key = pop("SETITEM");
        ValuePtr &dict = top("SETITEM");
        if (dict->kind != Kind::Dict)
            fail(QStringLiteral("SETITEM on a %1").arg(dict->typeName()));
        dict->entries.emplace_back(std::move(key), std::move(value));
        return;
    }
    case 'c': {
        const std::string module = readLine("GLOBAL");
        const std::string name = readLine("GLOBAL");
        push(makeGlobal(module, name));
        return;
    }
    case 0x93: {
        ValuePtr name = pop("STACK_GLOBAL");
        ValuePtr module = pop("STACK_GLOBAL");
        if (module->kind != Kind::Str || name->kind != Kind::Str)
            fail(QStringLiteral("STACK_GLOBAL needs two strings"));
        push(makeGlobal(module->str, name->str));
        return;
    }
    case 'R': {
        ValuePtr args = pop("REDUCE");
        ValuePtr callable = pop("REDUCE");
        push(reduce(callable, args));
        return;
    }
    case 'b': {
        ValuePtr state = pop("BUILD");
        build(top("BUILD"), state);
        return;
    }
    case 'q': memoize(readUnsigned(1, "BINPUT")); return;
    case 'r': memoize(readUnsigned(4, "LONG_BINPUT")); return;
    case 0x94: memoize(m_memo.size()); return;
    case 'h': push(fromMemo(readUnsigned(1, "BINGET"))); return;
    case 'j': push(fromMemo(readUnsigned(4, "LONG_BINGET"))); return;
    case 0x81:
    case 0x92:
        fail(QStringLiteral("NEWOBJ (creating an instance of %1) is not allowed")
                 .arg(m_stack.size() >= 2 ? m_stack[m_stack.size() - 2]->typeName() : QStringLiteral("a class")));
    case 'i':
    case 'o':
        fail(QStringLiteral("INST/OBJ (creating a class instance) is not allowed"));
    case 'P':
    case 'Q':
        fail(QStringLiteral("persistent ids are not allowed"));
    case 0x82:
    case 0x83:
    case 0x84:
        fail(QStringLiteral("extension-registry globals (EXT1/2/4) are not allowed"));
    case 0x97:
    case 0x98:
        fail(QStringLiteral("out-of-band buffers (protocol 5 NEXT_BUFFER) are not supported; write the file "
                            "with pickle.dump and no buffer_callback"));
    case 0x8f:
    case 0x90:
    case 0x91:
        fail(QStringLiteral("sets are not supported"));
    case 'I':
    case 'L':
    case 'F':
    case 'S':
    case 'V':
    case 'p':
    case 'g':
        fail(QStringLiteral("text opcode '%1' of pickle protocols 0 and 1 is not supported (2 to 5 are)")
                 .arg(QChar(op)));
    default:
        fail(QStringLiteral("unknown opcode 0x%1; this is not a pickle, or it is damaged").arg(op, 2, 16, QLatin1Char('0')));
    }
}

}  // namespace

const std::vector<std::string> &allowedGlobals()
{
    static const std::vector<std::string> all = [] {
        std::vector<std::string> names;
        for (const auto *list : {&kReconstruct, &kScalar, &kFromBuffer})
            names.insert(names.end(), std::begin(*list), std::end(*list));
        names.insert(names.end(), std::begin(kOthers), std::end(kOthers));
        return names;
    }();
    return all;
}

ValuePtr readPickleBytes(const char *data, std::size_t size, const QString &name, std::shared_ptr<const void> owner,
                         const std::function<void(qint64, qint64)> &progress)
{
    Reader reader(data, size, name, std::move(owner), progress);
    try {
        return reader.run();
    } catch (...) {
        reader.breakCycles();  // whatever was built is dropped; cycles in it would never be freed
        throw;
    }
}

ValuePtr readPickleFile(const QString &path, const std::function<void(qint64, qint64)> &progress)
{
    auto file = std::make_shared<QFile>(path);
    if (!file->open(QIODevice::ReadOnly))
        throw Error(QStringLiteral("%1: cannot open: %2").arg(path, file->errorString()));
    if (file->size() == 0)
        throw Error(QStringLiteral("%1: the file is empty; it is not a pickle").arg(path));
    const uchar *mapped = file->map(0, file->size());
    if (!mapped)
        throw Error(QStringLiteral("%1: cannot map the file: %2").arg(path, file->errorString()));
    // The QFile owns the mapping; arrays that point into it keep it alive through `owner`.
    return readPickleBytes(reinterpret_cast<const char *>(mapped), std::size_t(file->size()), path, file, progress);
}

}  // namespace sl::io::pickle
