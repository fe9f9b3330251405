#include "core/language/whisper_model_file.h"

#include "core/common/error.h"

#include <QFile>
#include <QHash>
#include <QSet>
#include <array>
#include <cstdint>
#include <cstring>

#include <ggml.h>

namespace sl::language {

namespace {

// "ggml" read as a little-endian 32-bit number, the first four bytes of every whisper.cpp model.
constexpr std::uint32_t kMagic = 0x67676d6c;
// Whisper's 30 s window gives 1500 encoder positions; the loader adds its positional embedding to
// the convolution output, which has exactly that length.
constexpr int kAudioContext = 1500;
// whisper.cpp's mel filter bank: 400-point FFT, 201 frequency bins.
constexpr int kFftBins = 201;
// The special tokens sit at fixed ids (end of text 50256, ...) that the vocabulary must cover.
constexpr int kMinVocabulary = 51864;
constexpr int kMaxVocabulary = 52000;
constexpr int kMaxTokenBytes = 1024;
constexpr int kMaxNameBytes = 256;

// What the weight matrices are stored as, per the file's "ftype" (ggml's ftype numbering); only
// the types that whisper.cpp's converter and quantiser write. ggml would abort on any other.
struct WeightType {
    int ftype;
    ggml_type type;
    const char *name;
};
constexpr std::array kWeightTypes{
    WeightType{0, GGML_TYPE_F32, "f32"},   WeightType{1, GGML_TYPE_F16, "f16"},
    WeightType{2, GGML_TYPE_Q4_0, "q4_0"}, WeightType{3, GGML_TYPE_Q4_1, "q4_1"},
    WeightType{7, GGML_TYPE_Q8_0, "q8_0"}, WeightType{8, GGML_TYPE_Q5_0, "q5_0"},
    WeightType{9, GGML_TYPE_Q5_1, "q5_1"}, WeightType{10, GGML_TYPE_Q2_K, "q2_k"},
    WeightType{11, GGML_TYPE_Q3_K, "q3_k"}, WeightType{12, GGML_TYPE_Q4_K, "q4_k"},
    WeightType{13, GGML_TYPE_Q5_K, "q5_k"}, WeightType{14, GGML_TYPE_Q6_K, "q6_k"},
};
// Quantised files add this multiple of the quantisation version to ftype.
constexpr int kQuantVersionFactor = 1000;

// One tensor the loader creates: its shape as ggml counts it (fastest dimension first) and type.
struct Expected {
    std::array<std::int64_t, 3> shape;
    ggml_type type;
};

class Reader {
public:
    Reader(QFile &file, const QString &path) : m_file(file), m_path(path) {}

    template <typename T>
    T value(const char *what)
    {
        T out{};
        bytes(reinterpret_cast<char *>(&out), sizeof out, what);
        return out;
    }

    void bytes(char *into, qint64 count, const char *what)
    {
        if (m_file.read(into, count) != count)
            fail(QStringLiteral("the file ends inside the %1 (at byte %2)").arg(QLatin1String(what)).arg(m_file.pos()));
    }

    void skip(qint64 count, const QString &what)
    {
        if (count < 0 || m_file.size() - m_file.pos() < count)
            fail(QStringLiteral("the file ends inside %1 (%2 bytes expected at byte %3, %4 left)")
                     .arg(what)
                     .arg(count)
                     .arg(m_file.pos())
                     .arg(m_file.size() - m_file.pos()));
        m_file.seek(m_file.pos() + count);
    }

    bool atEnd() const { return m_file.pos() >= m_file.size(); }

    [[noreturn]] void fail(const QString &problem) const
    {
        throw Error(QStringLiteral("%1: not a usable whisper.cpp model: %2").arg(m_path, problem));
    }

private:
    QFile &m_file;
    QString m_path;
};

struct HyperParameters {
    std::int32_t vocabulary, audioContext, audioState, audioHeads, audioLayers;
    std::int32_t textContext, textState, textHeads, textLayers, mels, ftype;
};

void checkRange(Reader &reader, const char *name, std::int32_t value, std::int32_t low, std::int32_t high)
{
    if (value < low || value > high)
        reader.fail(QStringLiteral("%1 is %2, expected %3 to %4").arg(QLatin1String(name)).arg(value).arg(low).arg(high));
}

HyperParameters readHyperParameters(Reader &reader)
{
    HyperParameters h{};
    for (std::int32_t *field : {&h.vocabulary, &h.audioContext, &h.audioState, &h.audioHeads, &h.audioLayers,
                                &h.textContext, &h.textState, &h.textHeads, &h.textLayers, &h.mels, &h.ftype})
        *field = reader.value<std::int32_t>("hyper-parameters");
    checkRange(reader, "the vocabulary size", h.vocabulary, kMinVocabulary, kMaxVocabulary);
    checkRange(reader, "the audio context", h.audioContext, kAudioContext, kAudioContext);
    checkRange(reader, "the audio width", h.audioState, 1, 8192);
    checkRange(reader, "the audio heads", h.audioHeads, 1, h.audioState);
    checkRange(reader, "the audio layers", h.audioLayers, 1, 128);
    checkRange(reader, "the text context", h.textContext, 32, 4096);
    checkRange(reader, "the text width", h.textState, h.audioState, h.audioState);
    checkRange(reader, "the text heads", h.textHeads, 1, h.textState);
    checkRange(reader, "the text layers", h.textLayers, 1, 128);
    if (h.mels != 80 && h.mels != 128)
        reader.fail(QStringLiteral("%1 mel bands, expected 80 or 128").arg(h.mels));
    if (h.audioState % h.audioHeads != 0 || h.textState % h.textHeads != 0)
        reader.fail(QStringLiteral("the width %1 does not divide into %2 audio and %3 text heads")
                        .arg(h.audioState).arg(h.audioHeads).arg(h.textHeads));
    return h;
}

const WeightType &weightType(Reader &reader, std::int32_t ftype)
{
    const int plain = ftype % kQuantVersionFactor;
    for (const WeightType &type : kWeightTypes)
        if (ftype >= 0 && type.ftype == plain)
            return type;
    reader.fail(QStringLiteral("weight type %1 is not one whisper.cpp writes").arg(ftype));
}

// Every tensor whisper.cpp's loader creates for these hyper-parameters (whisper-arch.h names them).
QHash<QString, Expected> expectedTensors(const HyperParameters &h, ggml_type weights)
{
    const ggml_type conv = weights == GGML_TYPE_F32 ? GGML_TYPE_F32 : GGML_TYPE_F16;
    const std::int64_t s = h.audioState;
    QHash<QString, Expected> out;
    const auto vector = [&](const QString &name) { out.insert(name, {{s, 1, 1}, GGML_TYPE_F32}); };
    const auto matrix = [&](const QString &name, std::int64_t in, std::int64_t outDim) {
        out.insert(name, {{in, outDim, 1}, weights});
    };
    // Attention (self or cross) after its layer norm, and the two-layer MLP after its own.
    const auto attention = [&](const QString &prefix, const QString &kind) {
        vector(prefix + kind + QStringLiteral("_ln.weight"));
        vector(prefix + kind + QStringLiteral("_ln.bias"));
        matrix(prefix + kind + QStringLiteral(".query.weight"), s, s);
        vector(prefix + kind + QStringLiteral(".query.bias"));
        matrix(prefix + kind + QStringLiteral(".key.weight"), s, s);
        matrix(prefix + kind + QStringLiteral(".value.weight"), s, s);
        vector(prefix + kind + QStringLiteral(".value.bias"));
        matrix(prefix + kind + QStringLiteral(".out.weight"), s, s);
        vector(prefix + kind + QStringLiteral(".out.bias"));
    };
    const auto mlp = [&](const QString &prefix) {
        vector(prefix + QStringLiteral("mlp_ln.weight"));
        vector(prefix + QStringLiteral("mlp_ln.bias"));
        matrix(prefix + QStringLiteral("mlp.0.weight"), s, 4 * s);
        out.insert(prefix + QStringLiteral("mlp.0.bias"), {{4 * s, 1, 1}, GGML_TYPE_F32});
        matrix(prefix + QStringLiteral("mlp.2.weight"), 4 * s, s);
        vector(prefix + QStringLiteral("mlp.2.bias"));
    };
    out.insert(QStringLiteral("encoder.positional_embedding"), {{s, h.audioContext, 1}, GGML_TYPE_F32});
    out.insert(QStringLiteral("encoder.conv1.weight"), {{3, h.mels, s}, conv});
    out.insert(QStringLiteral("encoder.conv1.bias"), {{1, s, 1}, GGML_TYPE_F32});
    out.insert(QStringLiteral("encoder.conv2.weight"), {{3, s, s}, conv});
    out.insert(QStringLiteral("encoder.conv2.bias"), {{1, s, 1}, GGML_TYPE_F32});
    vector(QStringLiteral("encoder.ln_post.weight"));
    vector(QStringLiteral("encoder.ln_post.bias"));
    for (int i = 0; i < h.audioLayers; ++i) {
        const QString prefix = QStringLiteral("encoder.blocks.%1.").arg(i);
        attention(prefix, QStringLiteral("attn"));
        mlp(prefix);
    }
    out.insert(QStringLiteral("decoder.positional_embedding"), {{s, h.textContext, 1}, GGML_TYPE_F32});
    matrix(QStringLiteral("decoder.token_embedding.weight"), s, h.vocabulary);
    vector(QStringLiteral("decoder.ln.weight"));
    vector(QStringLiteral("decoder.ln.bias"));
    for (int i = 0; i < h.textLayers; ++i) {
        const QString prefix = QStringLiteral("decoder.blocks.%1.").arg(i);
        attention(prefix, QStringLiteral("attn"));
        attention(prefix, QStringLiteral("cross_attn"));
        mlp(prefix);
    }
    return out;
}

// Bytes of `count` values of `type`, or -1 for a type number ggml does not have (or has retired).
qint64 storedBytes(std::int32_t type, std::int64_t count)
{
    if (type < 0 || type >= GGML_TYPE_COUNT)
        return -1;
    const std::int64_t block = ggml_blck_size(ggml_type(type));
    if (block <= 0 || count % block != 0)
        return -1;
    return qint64(count / block * std::int64_t(ggml_type_size(ggml_type(type))));
}

void readTensors(Reader &reader, const QHash<QString, Expected> &expected, WhisperModelInfo &info)
{
    QSet<QString> seen;
    while (!reader.atEnd()) {
        const auto dims = reader.value<std::int32_t>("tensor header");
        const auto nameLength = reader.value<std::int32_t>("tensor header");
        const auto type = reader.value<std::int32_t>("tensor header");
        if (dims < 1 || dims > 3)
            reader.fail(QStringLiteral("a tensor has %1 dimensions").arg(dims));
        if (nameLength < 1 || nameLength > kMaxNameBytes)
            reader.fail(QStringLiteral("a tensor name is %1 bytes long").arg(nameLength));
        std::array<std::int64_t, 3> shape{1, 1, 1};
        std::int64_t count = 1;
        for (int i = 0; i < dims; ++i) {
            shape[size_t(i)] = reader.value<std::int32_t>("tensor header");
            if (shape[size_t(i)] < 1 || shape[size_t(i)] > (1 << 24))
                reader.fail(QStringLiteral("a tensor dimension is %1").arg(shape[size_t(i)]));
            count *= shape[size_t(i)];
        }
        QByteArray name(nameLength, '\0');
        reader.bytes(name.data(), nameLength, "tensor name");
        const QString tensor = QString::fromUtf8(name);
        const auto it = expected.constFind(tensor);
        if (it == expected.cend())
            reader.fail(QStringLiteral("unknown tensor '%1' for these hyper-parameters").arg(tensor));
        if (seen.contains(tensor))
            reader.fail(QStringLiteral("tensor '%1' appears twice").arg(tensor));
        seen.insert(tensor);
        if (shape != it->shape)
            reader.fail(QStringLiteral("tensor '%1' is %2 x %3 x %4, expected %5 x %6 x %7")
                            .arg(tensor).arg(shape[0]).arg(shape[1]).arg(shape[2])
                            .arg(it->shape[0]).arg(it->shape[1]).arg(it->shape[2]));
        // The loader copies as many bytes as its own tensor holds; the file's type must store the
        // values in exactly that many.
        const qint64 bytes = storedBytes(type, count);
        if (bytes < 0 || bytes != storedBytes(it->type, count))
            reader.fail(QStringLiteral("tensor '%1' is stored as ggml type %2, which does not fit type %3")
                            .arg(tensor).arg(type).arg(int(it->type)));
        reader.skip(bytes, QStringLiteral("the data of tensor '%1'").arg(tensor));
    }
    if (seen.size() != expected.size()) {
        QStringList missing;
        for (auto it = expected.cbegin(); it != expected.cend(); ++it)
            if (!seen.contains(it.key()))
                missing << it.key();
        missing.sort();
        reader.fail(QStringLiteral("%1 of %2 tensors missing (first: %3)")
                        .arg(missing.size()).arg(expected.size()).arg(missing.first()));
    }
    info.tensors = int(seen.size());
}

}  // namespace

WhisperModelInfo checkWhisperModel(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw Error(QStringLiteral("%1: cannot open the speech recognition model: %2").arg(path, file.errorString()));
    Reader reader(file, path);
    const auto magic = reader.value<std::uint32_t>("file header");
    if (magic != kMagic) {
        const bool gguf = std::memcmp(&magic, "GGUF", 4) == 0;
        reader.fail(gguf ? QStringLiteral("a GGUF file; whisper.cpp reads its own ggml-*.bin files")
                         : QStringLiteral("no \"ggml\" magic at the start (a whisper.cpp model is a ggml-*.bin file)"));
    }
    const HyperParameters h = readHyperParameters(reader);
    const WeightType &weights = weightType(reader, h.ftype);

    // Mel filter bank: n_mel x n_fft floats.
    const auto filterMels = reader.value<std::int32_t>("mel filters");
    const auto filterBins = reader.value<std::int32_t>("mel filters");
    if (filterMels != h.mels || filterBins != kFftBins)
        reader.fail(QStringLiteral("mel filters are %1 x %2, expected %3 x %4").arg(filterMels).arg(filterBins).arg(h.mels).arg(kFftBins));
    reader.skip(qint64(filterMels) * filterBins * qint64(sizeof(float)), QStringLiteral("the mel filters"));

    // Vocabulary: a count, then length-prefixed byte strings. More entries than the vocabulary size
    // would give the decoder more tokens than logits; the blank " " is one the decoder looks up.
    const auto tokens = reader.value<std::int32_t>("vocabulary");
    checkRange(reader, "the vocabulary count", tokens, 1, h.vocabulary);
    bool hasBlank = false;
    for (std::int32_t i = 0; i < tokens; ++i) {
        const auto length = reader.value<std::uint32_t>("vocabulary");
        if (length > kMaxTokenBytes)
            reader.fail(QStringLiteral("token %1 is %2 bytes long").arg(i).arg(length));
        char text[kMaxTokenBytes];
        reader.bytes(text, qint64(length), "vocabulary");
        hasBlank = hasBlank || (length == 1 && text[0] == ' ');
    }
    if (!hasBlank)
        reader.fail(QStringLiteral("the vocabulary has no blank token \" \""));

    WhisperModelInfo info;
    info.vocabularySize = h.vocabulary;
    info.audioState = h.audioState;
    info.audioLayers = h.audioLayers;
    info.textLayers = h.textLayers;
    info.mels = h.mels;
    info.weightType = QLatin1String(weights.name);
    readTensors(reader, expectedTensors(h, weights.type), info);
    return info;
}

}  // namespace sl::language
