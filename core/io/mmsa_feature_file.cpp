#include "core/io/mmsa_feature_file.h"

#include "core/common/error.h"
#include "core/io/pickle_reader.h"

#include <QSet>
#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

namespace sl::io {

namespace {

using pickle::NdArray;
using pickle::Value;
using pickle::ValuePtr;

const char *const kSplits[] = {"train", "valid", "test"};
const char *const kLabelKeys[] = {"regression_labels", "regression_labels_T", "regression_labels_A", "regression_labels_V"};
const char *const kIdSeparator = "$_$";

class SplitReader {
public:
    SplitReader(const QString &path, const QString &split, const ValuePtr &dict) : m_path(path), m_split(split), m_dict(dict) {}

    [[noreturn]] void fail(const QString &key, const QString &message) const
    {
        throw Error(QStringLiteral("%1: split '%2', '%3': %4").arg(m_path, m_split, key, message));
    }

    // The array under `key` (a Python list counts as a 1-D object array); null when absent.
    std::shared_ptr<NdArray> array(const char *key) const
    {
        const ValuePtr v = m_dict->get(key);
        if (!v || v->kind == Value::Kind::None)
            return nullptr;
        if (v->kind == Value::Kind::List || v->kind == Value::Kind::Tuple) {
            auto list = std::make_shared<NdArray>();
            list->dtype.kind = 'O';
            list->shape = {std::int64_t(v->items.size())};
            list->objects = v->items;
            return list;
        }
        if (v->kind != Value::Kind::Array || v->array->dtype.kind == 0)
            fail(QString::fromLatin1(key), QStringLiteral("a %1 instead of a numpy array").arg(v->typeName()));
        return v->array;
    }

    // One value per clip: shape (n,) or (n, 1).
    std::shared_ptr<NdArray> column(const char *key, std::int64_t n) const
    {
        std::shared_ptr<NdArray> a = array(key);
        if (!a)
            return nullptr;
        const bool ok = (a->shape.size() == 1 && a->shape[0] == n) ||
                        (a->shape.size() == 2 && a->shape[0] == n && a->shape[1] == 1);
        if (!ok)
            fail(QString::fromLatin1(key), QStringLiteral("shape %1, but the split has %2 clips (shape (%2,) expected)")
                                               .arg(QString::fromStdString(a->describeShape())).arg(n));
        return a;
    }

    QStringList strings(const char *key, std::int64_t n) const
    {
        QStringList result;
        const std::shared_ptr<NdArray> a = column(key, n);
        if (!a)
            return result;
        const char kind = a->dtype.kind;
        for (std::int64_t i = 0; i < n; ++i) {
            if (kind == 'O') {
                const Value &item = *a->objects[std::size_t(i)];
                if (item.kind != Value::Kind::Str && item.kind != Value::Kind::Bytes && item.kind != Value::Kind::None)
                    fail(QString::fromLatin1(key), QStringLiteral("item %1 is a %2, not text").arg(i).arg(item.typeName()));
            } else if (kind != 'U' && kind != 'S') {
                fail(QString::fromLatin1(key), QStringLiteral("%1 values, not text").arg(QString::fromStdString(a->dtype.describe())));
            }
            result << QString::fromStdString(a->text(a->memoryIndex(i)));
        }
        return result;
    }

    std::vector<double> numbers(const char *key, std::int64_t n) const
    {
        std::vector<double> result;
        const std::shared_ptr<NdArray> a = column(key, n);
        if (!a)
            return result;
        for (std::int64_t i = 0; i < n; ++i) {
            if (a->dtype.kind == 'O' && !a->objects[std::size_t(i)]->isNumber())
                fail(QString::fromLatin1(key), QStringLiteral("item %1 is a %2, not a number").arg(i).arg(a->objects[std::size_t(i)]->typeName()));
            if (a->dtype.kind == 'U' || a->dtype.kind == 'S')
                fail(QString::fromLatin1(key), QStringLiteral("text values, not numbers"));
            result.push_back(a->number(a->memoryIndex(i)));
        }
        return result;
    }

    QString clipName(const MmsaSplit &split, std::int64_t i) const
    {
        return QStringLiteral("clip %1 (%2%3%4)").arg(i).arg(split.videoIds[int(i)], QLatin1String(kIdSeparator), split.clipIds[int(i)]);
    }

private:
    QString m_path;
    QString m_split;
    ValuePtr m_dict;
};

bool isPlainName(const QString &id)
{
    return !id.isEmpty() && id != QLatin1String(".") && id != QLatin1String("..") && !id.contains(QLatin1Char('/')) &&
           !id.contains(QLatin1Char('\\')) && std::none_of(id.begin(), id.end(), [](QChar c) { return c.unicode() < 0x20; });
}

// Valid steps of each clip from BERT's attention mask (row 1 of text_bert): MMSA's models take the
// text length as the mask's sum.
std::vector<int> maskLengths(const NdArray &textBert)
{
    std::vector<int> lengths;
    const std::int64_t steps = textBert.shape[2];
    for (std::int64_t clip = 0; clip < textBert.shape[0]; ++clip) {
        double sum = 0;
        for (std::int64_t t = 0; t < steps; ++t)
            sum += textBert.number(textBert.memoryIndex((clip * 3 + 1) * steps + t));
        lengths.push_back(int(std::lround(sum)));
    }
    return lengths;
}

// Without a mask: the steps up to the last one that is not all zeros (MMSA pads with zeros at the end).
std::vector<int> nonZeroLengths(const NdArray &a)
{
    std::vector<int> lengths;
    const std::int64_t steps = a.shape[1], dims = a.shape[2];
    for (std::int64_t clip = 0; clip < a.shape[0]; ++clip) {
        int length = 0;
        for (std::int64_t t = steps; t-- > 0 && length == 0;)
            for (std::int64_t d = 0; d < dims; ++d)
                if (a.number(a.memoryIndex((clip * steps + t) * dims + d)) != 0) {
                    length = int(t + 1);
                    break;
                }
        lengths.push_back(length);
    }
    return lengths;
}

MmsaSplit readSplit(const QString &path, const QString &name, const ValuePtr &dict, bool aligned)
{
    const SplitReader reader(path, name, dict);
    if (dict->kind != Value::Kind::Dict)
        throw Error(QStringLiteral("%1: split '%2' is a %3, not a dict of arrays").arg(path, name, dict->typeName()));
    MmsaSplit split;
    split.name = name;
    const std::shared_ptr<NdArray> ids = reader.array("id");
    if (!ids)
        reader.fail(QStringLiteral("id"), QStringLiteral("missing; every split needs the clip ids ('video$_$clip')"));
    if (ids->shape.empty())
        reader.fail(QStringLiteral("id"), QStringLiteral("a scalar instead of one id per clip"));
    const std::int64_t n = ids->shape[0];
    for (const QString &id : reader.strings("id", n)) {
        const qsizetype at = id.indexOf(QLatin1String(kIdSeparator));
        const QString video = id.left(at), clip = id.mid(at + 3);
        if (at < 0 || !isPlainName(video) || !isPlainName(clip))
            reader.fail(QStringLiteral("id"), QStringLiteral("'%1' is not 'video$_$clip' with two plain names").arg(id));
        split.videoIds << video;
        split.clipIds << clip;
    }
    split.rawText = reader.strings("raw_text", n);
    split.annotations = reader.strings("annotations", n);
    for (std::size_t t = 0; t < 4; ++t) {
        split.labels[t] = reader.numbers(kLabelKeys[t], n);
        for (std::size_t i = 0; i < split.labels[t].size(); ++i)
            if (!std::isfinite(split.labels[t][i]))
                reader.fail(QString::fromLatin1(kLabelKeys[t]),
                            QStringLiteral("%1 has no finite label").arg(reader.clipName(split, std::int64_t(i))));
    }
    if (split.labels[0].empty() && n > 0)
        reader.fail(QStringLiteral("regression_labels"), QStringLiteral("missing; MMSA's files carry the M label there"));

    if ((split.textBert = reader.array("text_bert"))) {
        const auto &s = split.textBert->shape;
        if (s.size() != 3 || s[0] != n || s[1] != 3)
            reader.fail(QStringLiteral("text_bert"), QStringLiteral("shape %1, expected (%2, 3, steps)")
                                                         .arg(QString::fromStdString(split.textBert->describeShape())).arg(n));
        if (split.textBert->dtype.kind != 'f' && split.textBert->dtype.kind != 'i' && split.textBert->dtype.kind != 'u')
            reader.fail(QStringLiteral("text_bert"), QStringLiteral("%1 values, not numbers")
                                                         .arg(QString::fromStdString(split.textBert->dtype.describe())));
    }
    for (std::size_t m = 0; m < 3; ++m) {
        const QString key = QString::fromLatin1(kMmsaModalityKeys[m]);
        std::shared_ptr<NdArray> a = reader.array(kMmsaModalityKeys[m]);
        if (!a)
            continue;
        if (n == 0 && a->count() == 0 && a->shape.size() != 3)
            continue;  // an empty split may hold an empty array of any shape
        if (a->shape.size() != 3 || a->shape[0] != n)
            reader.fail(key, QStringLiteral("shape %1, expected (%2, steps, dims)").arg(QString::fromStdString(a->describeShape())).arg(n));
        if (a->dtype.kind != 'f' && a->dtype.kind != 'i' && a->dtype.kind != 'u' && a->dtype.kind != 'b')
            reader.fail(key, QStringLiteral("%1 values, not numbers").arg(QString::fromStdString(a->dtype.describe())));
        if (a->shape[2] == 0)
            reader.fail(key, QStringLiteral("has no feature dimensions"));
        if (a->shape[1] > std::numeric_limits<int>::max() || a->shape[2] > std::numeric_limits<int>::max())
            reader.fail(key, QStringLiteral("shape %1 is too large").arg(QString::fromStdString(a->describeShape())));
        split.modalities[m] = MmsaModality{a, {}};
    }

    // Lengths: unaligned files list them for audio and vision; the text's come from BERT's mask or,
    // without one, from the zero padding (SentiLens' own exports list them as text_lengths);
    // aligned files give every modality the text's lengths.
    const auto given = [&](const std::string &key) {
        std::vector<int> lengths;
        for (double v : reader.numbers(key.c_str(), n)) {
            if (v < 0 || v != std::floor(v) || v > double(std::numeric_limits<int>::max()))
                reader.fail(QString::fromStdString(key), QStringLiteral("%1 is not a whole number of steps").arg(v));
            lengths.push_back(int(v));
        }
        return lengths;
    };
    std::vector<int> textLengths = given("text_lengths");
    if (textLengths.empty() && split.textBert)
        textLengths = maskLengths(*split.textBert);
    else if (textLengths.empty() && split.modalities[0])
        textLengths = nonZeroLengths(*split.modalities[0]->array);
    for (std::size_t m = 0; m < 3; ++m) {
        if (!split.modalities[m])
            continue;
        const QString key = QString::fromLatin1(kMmsaModalityKeys[m]);
        const int steps = int(split.modalities[m]->array->shape[1]);
        const std::string lengthKey = std::string(kMmsaModalityKeys[m]) + "_lengths";
        std::vector<int> &lengths = split.modalities[m]->lengths;
        if (m > 0 && !aligned) {
            lengths = given(lengthKey);
            if (lengths.empty() && n > 0)
                reader.fail(QString::fromStdString(lengthKey), QStringLiteral("missing, but the file has other lengths, so it is "
                                                                              "unaligned and every sequence needs its lengths"));
        } else {
            lengths = textLengths.empty() ? std::vector<int>(std::size_t(n), steps) : textLengths;
        }
        const QString source = m > 0 && !aligned ? QString::fromStdString(lengthKey)
                               : dict->get("text_lengths") ? QStringLiteral("text_lengths")
                               : split.textBert            ? QStringLiteral("text_bert")
                                                           : key;
        for (std::size_t i = 0; i < lengths.size(); ++i)
            if (lengths[i] > steps)
                reader.fail(source, QStringLiteral("%1 has length %2, longer than the %3 steps of '%4'")
                                        .arg(reader.clipName(split, std::int64_t(i))).arg(lengths[i]).arg(steps).arg(key));
    }
    return split;
}

}  // namespace

int MmsaFeatureFile::clipCount() const
{
    int total = 0;
    for (const MmsaSplit &split : splits)
        total += split.size();
    return total;
}

MmsaFeatureFile interpretMmsaFeatures(const ValuePtr &root, const QString &path)
{
    if (root->kind != Value::Kind::Dict)
        throw Error(QStringLiteral("%1: the pickle holds a %2, not MMSA's dict of splits").arg(path, root->typeName()));
    MmsaFeatureFile file;
    file.path = path;
    file.root = root;
    bool anyLengths = false, anySplit = false;
    for (const char *name : kSplits) {
        const ValuePtr split = root->get(name);
        anySplit = anySplit || split;
        if (split && split->kind == Value::Kind::Dict)
            anyLengths = anyLengths || split->get("audio_lengths") || split->get("vision_lengths");
    }
    if (!anySplit)
        throw Error(QStringLiteral("%1: none of the splits 'train', 'valid', 'test' is in the file (keys: %2)")
                        .arg(path, QString::fromStdString([&] {
                            std::string keys;
                            for (const std::string &k : root->keys())
                                keys += (keys.empty() ? "" : ", ") + k;
                            return keys;
                        }())));
    file.aligned = !anyLengths;
    QStringList seen;
    for (const char *name : kSplits) {
        const ValuePtr dict = root->get(name);
        if (!dict)
            continue;
        MmsaSplit split = readSplit(path, QString::fromLatin1(name), dict, file.aligned);
        for (std::size_t m = 0; m < 3; ++m) {
            if (!split.modalities[m])
                continue;
            const auto &shape = split.modalities[m]->array->shape;
            if (file.dims[m] != 0 && file.dims[m] != int(shape[2]))
                throw Error(QStringLiteral("%1: '%2' has %3 dims in split '%4' but %5 in an earlier split")
                                .arg(path, QLatin1String(kMmsaModalityKeys[m])).arg(shape[2]).arg(split.name).arg(file.dims[m]));
            file.dims[m] = int(shape[2]);
            file.steps[m] = std::max(file.steps[m], int(shape[1]));
        }
        file.splits.push_back(std::move(split));
    }
    // An id twice would make two clips with one key; name the first repeat.
    QSet<QString> keys;
    for (const MmsaSplit &split : file.splits)
        for (int i = 0; i < split.size(); ++i) {
            const QString key = split.videoIds[i] + QLatin1String(kIdSeparator) + split.clipIds[i];
            if (keys.contains(key))
                throw Error(QStringLiteral("%1: split '%2': id '%3' appears more than once").arg(path, split.name, key));
            keys.insert(key);
        }
    if (file.dims == std::array<int, 3>{})
        throw Error(QStringLiteral("%1: no 'text', 'audio' or 'vision' features in any split").arg(path));
    return file;
}

MmsaFeatureFile readMmsaFeatureFile(const QString &path, const std::function<void(qint64, qint64)> &progress)
{
    return interpretMmsaFeatures(pickle::readPickleFile(path, progress), path);
}

std::vector<float> clipSteps(const NdArray &a, std::int64_t clip, int frames, bool negativeInfinityToZero)
{
    const std::int64_t steps = a.shape[1], dims = a.shape[2];
    const std::int64_t first = clip * steps * dims;
    std::vector<float> out(std::size_t(frames) * std::size_t(dims));
    const bool hostLittle = QSysInfo::ByteOrder == QSysInfo::LittleEndian;
    if (a.dtype.kind == 'f' && a.dtype.itemSize == 4 && !a.fortranOrder && a.dtype.bigEndian != hostLittle)
        std::memcpy(out.data(), a.data.data + first * 4, out.size() * sizeof(float));  // the common case: a straight copy
    else
        for (std::size_t i = 0; i < out.size(); ++i)
            out[i] = float(a.number(a.memoryIndex(first + std::int64_t(i))));
    if (negativeInfinityToZero)
        for (float &v : out)
            if (std::isinf(v) && v < 0)
                v = 0;
    return out;
}

}  // namespace sl::io
