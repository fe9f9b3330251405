#include "core/language/speech_recognizer.h"

#include "core/common/error.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <algorithm>
#include <cmath>
#include <mutex>

#include <pocketsphinx.h>
#include <sphinxbase/err.h>

namespace sl::language {

namespace {

// PocketSphinx's default analysis: 100 frames per second, so a frame is 10 ms.
constexpr double kSecondsPerFrame = 0.01;

// Segments that are not words: sentence marks "<s>", "</s>", silence "<sil>", fillers "[NOISE]",
// "++UH++".
bool isFiller(const QString &segment)
{
    return segment.isEmpty() || segment.startsWith(QLatin1Char('<')) || segment.startsWith(QLatin1Char('['))
        || segment.startsWith(QStringLiteral("++"));
}

// Alternative pronunciations are named "word(2)"; the word is what matters here.
QString withoutVariant(QString word)
{
    if (word.endsWith(QLatin1Char(')'))) {
        const qsizetype open = word.lastIndexOf(QLatin1Char('('));
        if (open > 0)
            word.truncate(open);
    }
    return word;
}

void requireExists(const QString &path, const QString &what)
{
    if (!QFileInfo::exists(path))
        throw Error(QStringLiteral("%1: the speech recognition %2 is missing (install the Debian package "
                                   "pocketsphinx-en-us or choose another model)").arg(path, what));
}

}  // namespace

RecognizerModel RecognizerModel::defaultEnglish()
{
    const QDir root(QStringLiteral(SENTILENS_POCKETSPHINX_MODELDIR "/en-us"));
    return RecognizerModel{QStringLiteral("en"), root.filePath(QStringLiteral("en-us")), root.filePath(QStringLiteral("en-us.lm.bin")),
                           root.filePath(QStringLiteral("cmudict-en-us.dict"))};
}

struct SpeechRecognizer::Decoder {
    cmd_ln_t *config = nullptr;
    ps_decoder_t *decoder = nullptr;

    ~Decoder()
    {
        if (decoder)
            ps_free(decoder);
        if (config)
            cmd_ln_free_r(config);
    }
};

SpeechRecognizer::SpeechRecognizer(const RecognizerModel &model) : m_decoder(std::make_unique<Decoder>())
{
    requireExists(model.acousticModel, QStringLiteral("acoustic model"));
    requireExists(model.languageModel, QStringLiteral("language model"));
    requireExists(model.dictionary, QStringLiteral("dictionary"));
    // PocketSphinx logs every setting and every utterance to stderr; the app reports on its own.
    static std::once_flag quiet;
    std::call_once(quiet, [] { err_set_logfp(nullptr); });
    const QByteArray hmm = QFile::encodeName(model.acousticModel);
    const QByteArray lm = QFile::encodeName(model.languageModel);
    const QByteArray dict = QFile::encodeName(model.dictionary);
    m_decoder->config = cmd_ln_init(nullptr, ps_args(), TRUE, "-hmm", hmm.constData(), "-lm", lm.constData(), "-dict",
                                    dict.constData(), "-samprate", "16000", "-frate", "100", nullptr);
    if (!m_decoder->config)
        throw Error(QStringLiteral("%1: PocketSphinx did not accept the model settings").arg(model.acousticModel));
    m_decoder->decoder = ps_init(m_decoder->config);
    if (!m_decoder->decoder)
        throw Error(QStringLiteral("%1: PocketSphinx could not load this model").arg(model.acousticModel));
}

SpeechRecognizer::~SpeechRecognizer() = default;

Recognition SpeechRecognizer::recognize(std::span<const std::int16_t> samples)
{
    ps_decoder_t *ps = m_decoder->decoder;
    if (ps_start_utt(ps) < 0)
        throw Error(QStringLiteral("speech recognition could not start an utterance"));
    // The whole clip is one utterance (full_utt), which lets the decoder use all of it at once.
    const int processed = samples.empty() ? 0 : ps_process_raw(ps, samples.data(), samples.size(), FALSE, TRUE);
    if (processed < 0 || ps_end_utt(ps) < 0)
        throw Error(QStringLiteral("speech recognition failed on %1 s of audio").arg(double(samples.size()) / kSampleRate));
    // ps_get_prob builds the word lattice and its posteriors, which ps_seg_prob then reports per word
    // (as a log probability in the decoder's logmath base).
    ps_get_prob(ps);
    logmath_t *logmath = ps_get_logmath(ps);
    Recognition result;
    QStringList words;
    for (ps_seg_t *seg = ps_seg_iter(ps); seg; seg = ps_seg_next(seg)) {
        const QString word = withoutVariant(QString::fromUtf8(ps_seg_word(seg)));
        if (isFiller(word))
            continue;
        int first = 0, last = 0;
        ps_seg_frames(seg, &first, &last);
        // Frame numbers are inclusive: the word ends where its last frame does.
        int32 acoustic = 0, language = 0, backoff = 0;
        const double posterior = std::clamp(logmath_exp(logmath, ps_seg_prob(seg, &acoustic, &language, &backoff)), 0.0, 1.0);
        result.words << RecognizedWord{word, first * kSecondsPerFrame, (last + 1) * kSecondsPerFrame, posterior};
        words << word;
    }
    result.text = words.join(QLatin1Char(' '));
    return result;
}

Recognition SpeechRecognizer::recognize(std::span<const float> samples, const QString &)
{
    return recognize(toPcm16(samples));
}

double Recognition::confidence() const
{
    if (words.isEmpty())
        return 0;
    double sum = 0;
    for (const RecognizedWord &word : words)
        sum += word.confidence;
    return sum / double(words.size());
}

std::vector<std::int16_t> SpeechRecognizer::toPcm16(std::span<const float> samples)
{
    std::vector<std::int16_t> out(samples.size());
    std::transform(samples.begin(), samples.end(), out.begin(), [](float s) {
        return std::int16_t(std::lround(std::clamp(s, -1.0f, 1.0f) * 32767.0f));
    });
    return out;
}

}  // namespace sl::language
