#include "core/language/whisper_recognizer.h"

#include "core/common/error.h"
#include "core/language/whisper_words.h"

#include <QFile>
#include <algorithm>
#include <mutex>
#include <thread>

#include <whisper.h>

namespace sl::language {

namespace {

// whisper.cpp counts token times in units of 10 ms.
constexpr double kSecondsPerTick = 0.01;
// The first language token follows "start of transcript"; English-only vocabularies have 51864
// tokens, multilingual ones 51765 + 1 + the number of languages (99, or 100 for large-v3).
constexpr int kMultilingualBase = 51766;

// ggml's CPU kernels are compiled for x86-64-v3 (cmake/SentiLensWhisper.cmake); on an older
// processor they would stop the program with an illegal instruction.
void requireProcessor(const QString &file)
{
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
    __builtin_cpu_init();
    if (!__builtin_cpu_supports("avx2") || !__builtin_cpu_supports("fma") || !__builtin_cpu_supports("f16c")
        || !__builtin_cpu_supports("bmi2"))
        throw Error(QStringLiteral("%1: Whisper speech recognition in this build needs a processor with AVX2, FMA and "
                                   "F16C (x86-64-v3, from about 2015); use PocketSphinx or add transcripts").arg(file));
#else
    Q_UNUSED(file);
#endif
}

// whisper.cpp and ggml report every loading step on stderr; failures reach the user as errors.
void quietLogs()
{
    static std::once_flag once;
    std::call_once(once, [] { whisper_log_set([](ggml_log_level, const char *, void *) {}, nullptr); });
}

// One thread per core, at most four (whisper.cpp gains little beyond). ggml's threads spin while
// they wait for each other, so on a machine busy with other work fewer would do better (2 cores at
// load 6, a base-size model: 77 ms per decoded token with one thread, 717 ms with two; encoding
// 9.2 s and 8.7 s); transcripts are resolved before the extraction job starts, so the cores are free.
int threadCount()
{
    return int(std::clamp(std::thread::hardware_concurrency(), 1u, 4u));
}

}  // namespace

bool whisperSupportsLanguage(const WhisperModelInfo &model, const QString &language)
{
    if (!model.multilingual())
        return language == QLatin1String("en");
    quietLogs();  // whisper_lang_id reports unknown codes as errors
    const int id = whisper_lang_id(language.toLatin1().constData());
    return id >= 0 && id < model.vocabularySize - kMultilingualBase;
}

WhisperRecognizer::WhisperRecognizer(const QString &modelFile) : m_file(modelFile)
{
    m_info = checkWhisperModel(modelFile);
    requireProcessor(modelFile);
    quietLogs();
    whisper_context_params params = whisper_context_default_params();
    params.use_gpu = false;
    m_context = whisper_init_from_file_with_params(QFile::encodeName(modelFile).constData(), params);
    if (!m_context)
        throw Error(QStringLiteral("%1: whisper.cpp could not load this model").arg(modelFile));
}

WhisperRecognizer::~WhisperRecognizer()
{
    if (m_context)
        whisper_free(m_context);
}

Recognition WhisperRecognizer::recognize(std::span<const float> samples, const QString &language)
{
    Recognition result;
    if (samples.empty())
        return result;
    whisper_full_params params = whisper_full_default_params(WHISPER_SAMPLING_GREEDY);
    params.n_threads = threadCount();
    params.print_progress = false;
    params.print_realtime = false;
    params.print_timestamps = false;
    params.print_special = false;
    params.token_timestamps = true;
    // Each clip on its own: no text carried over from the clip before.
    params.no_context = true;
    const QByteArray code = language.toLatin1();
    if (!language.isEmpty() && whisperSupportsLanguage(m_info, language))
        params.language = code.constData();
    else
        params.language = m_info.multilingual() ? "auto" : "en";
    if (whisper_full(m_context, params, samples.data(), int(samples.size())) != 0)
        throw Error(QStringLiteral("%1: Whisper failed on %2 s of audio").arg(m_file).arg(double(samples.size()) / WHISPER_SAMPLE_RATE));

    const whisper_token endOfText = whisper_token_eot(m_context);
    QList<WhisperToken> tokens;
    QByteArray text;
    for (int segment = 0; segment < whisper_full_n_segments(m_context); ++segment) {
        text += whisper_full_get_segment_text(m_context, segment);
        for (int i = 0; i < whisper_full_n_tokens(m_context, segment); ++i) {
            const whisper_token_data data = whisper_full_get_token_data(m_context, segment, i);
            if (data.id >= endOfText)  // timestamps, language and task marks: not words
                continue;
            tokens << WhisperToken{QByteArray(whisper_full_get_token_text(m_context, segment, i)),
                                   double(data.t0) * kSecondsPerTick, double(data.t1) * kSecondsPerTick, double(data.p)};
        }
    }
    result.words = wordsFromTokens(tokens);
    // The segments' own text, which keeps Chinese unspaced and English spaced as Whisper wrote them.
    result.text = QString::fromUtf8(text).simplified();
    const int heard = whisper_full_lang_id(m_context);
    result.language = heard >= 0 ? QString::fromLatin1(whisper_lang_str(heard)) : language;
    return result;
}

}  // namespace sl::language
