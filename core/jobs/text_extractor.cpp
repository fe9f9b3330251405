#include "core/jobs/text_extractor.h"

#include "core/common/error.h"
#include "core/language/chinese_segmenter.h"
#include "core/language/clip_languages.h"
#include "core/language/language_id.h"
#include "core/language/text_features.h"
#include "core/media/media_info.h"
#include "core/store/project.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace sl::jobs {

namespace {

bool timingsMatchText(const QString &source)
{
    return source == QLatin1String("srt") || source == QLatin1String("vtt") || source == QLatin1String("asr");
}

bool isChinese(const QString &language) { return language == QLatin1String("zh") || language.startsWith(QLatin1String("zh-")); }

// Version 2: word vectors (is_oov, glove_*) in place of the project-vocabulary id, and cppjieba
// words for Chinese clips. Version 3: glove_valence, the word vector's valence on the lexicon's
// axis. Sets of older versions in older projects no longer match, so they are stale.
constexpr auto kTextExtractorVersion = "3";

class TextClipExtractor : public ClipExtractor {
public:
    explicit TextClipExtractor(std::shared_ptr<const TextExtractorOptions> options)
        : m_options(std::move(options)), m_encoder(m_options->encoder.enabled() ? m_options->encoder.make() : nullptr)
    {
    }

    store::FeatureSet featureSet() const override
    {
        const QJsonObject params{{QStringLiteral("tokenizer"), m_options->splitCjk ? QStringLiteral("words+cjk") : QStringLiteral("words")},
                                 {QStringLiteral("zh_segmenter"), QStringLiteral("cppjieba-mix (nodejieba-3.5.8)")},
                                 {QStringLiteral("lexicon"), QStringLiteral("vader-sentiment-1.1.3")},
                                 {QStringLiteral("word_vectors"), m_options->wordVectors->id()},
                                 {QStringLiteral("valence_axis"), QStringLiteral("ridge 1 on the lexicon's %1 words").arg(m_options->valenceAxis->fittedWords())},
                                 {QStringLiteral("encoder"), m_options->encoder.description}};
        store::FeatureSet set;
        set.modality = QStringLiteral("T");
        set.name = m_options->encoder.enabled() ? QStringLiteral("text-tokens-encoder") : QStringLiteral("text-tokens");
        set.extractor = QStringLiteral("sentilens.text");
        set.extractorVersion = QString::fromLatin1(kTextExtractorVersion);
        set.paramsJson = QString::fromUtf8(QJsonDocument(params).toJson(QJsonDocument::Compact));
        set.configHash = configHash(set.paramsJson);
        for (const std::string &name : language::textFeatureNames(m_options->encoder.dims))
            set.dimNames << QString::fromStdString(name);
        set.dims = int(set.dimNames.size());
        return set;
    }

    QString stage() const override { return QStringLiteral("text"); }

    features::FeatureMatrix extract(const ClipInput &clip) override
    {
        if (clip.transcript.trimmed().isEmpty())
            // A clip imported without media (an MMSA pickle) is named by its ids, not by an empty path.
            throw Error(QStringLiteral("%1: no transcript (give the dataset's text, put a .srt, .vtt or .txt beside the "
                                       "clip, or let speech recognition fill it)")
                            .arg(clip.mediaFile.isEmpty() ? QStringLiteral("clip %1").arg(clip.key) : clip.mediaFile));
        const QList<language::TimedText> cues = m_options->timings.value(clip.clipId);
        const double duration = cues.isEmpty() ? durationOf(clip) : 0.0;
        language::TokenizerOptions tokenizer{false, m_options->splitCjk};
        std::shared_ptr<const language::ChineseSegmenter> segmenter;
        if (m_options->splitCjk && isChinese(m_options->languages.value(clip.clipId))) {
            segmenter = language::ChineseSegmenter::standard();
            tokenizer.segmenter = segmenter.get();
        }
        const QList<language::TimedToken> tokens = language::timeTokens(clip.transcript, cues, duration, tokenizer);
        return language::textFeatures(tokens, m_vader, *m_options->wordVectors, *m_options->valenceAxis, m_encoder.get());
    }

private:
    // Known for imported clips with a probe or a demo; otherwise read from the file. A clip whose
    // media cannot be read still gets text features, at a nominal speaking rate.
    static double durationOf(const ClipInput &clip)
    {
        if (clip.durationSeconds > 0)
            return clip.durationSeconds;
        try {
            return media::probeMedia(clip.audioFile.isEmpty() ? clip.mediaFile : clip.audioFile).durationSeconds;
        } catch (const Error &) {
            return 0.0;
        }
    }

    std::shared_ptr<const TextExtractorOptions> m_options;
    std::unique_ptr<language::TokenEncoder> m_encoder;
    language::VaderAnalyzer m_vader;
};

}  // namespace

TextExtractorOptions textExtractorOptions(const store::Project &project, bool splitCjk)
{
    TextExtractorOptions options;
    options.splitCjk = splitCjk;
    options.wordVectors = language::WordVectors::standard();
    options.valenceAxis = language::ValenceAxis::standard();
    const QString projectLanguage = language::projectLanguage(project);
    const store::ClipRepository clips = project.clips();
    for (const store::Clip &clip : clips.list()) {
        QString clipLanguage = language::expectedLanguage(clip, projectLanguage);
        if (clipLanguage.isEmpty() && !clip.transcript.trimmed().isEmpty())
            clipLanguage = language::identifyLanguage(clip.transcript).code;
        options.languages.insert(clip.id, clipLanguage);
        if (!timingsMatchText(clip.transcriptSource))
            continue;
        QList<language::TimedText> timed;
        for (const store::TranscriptCueRecord &cue : clips.cues(clip.id))
            timed << language::TimedText{cue.startSeconds, cue.endSeconds, cue.text};
        if (!timed.isEmpty())
            options.timings.insert(clip.id, timed);
    }
    return options;
}

ClipExtractorFactory textExtractorFactory(const TextExtractorOptions &options)
{
    auto shared = std::make_shared<const TextExtractorOptions>(options);
    return [shared] { return std::make_unique<TextClipExtractor>(shared); };
}

}  // namespace sl::jobs
