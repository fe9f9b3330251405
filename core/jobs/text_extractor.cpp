#include "core/jobs/text_extractor.h"

#include "core/common/error.h"
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

language::TokenizerOptions tokenizerOptions(bool splitCjk) { return language::TokenizerOptions{false, splitCjk}; }

class TextClipExtractor : public ClipExtractor {
public:
    explicit TextClipExtractor(std::shared_ptr<const TextExtractorOptions> options)
        : m_options(std::move(options)), m_encoder(m_options->encoder.enabled() ? m_options->encoder.make() : nullptr)
    {
    }

    store::FeatureSet featureSet() const override
    {
        const language::Vocabulary &vocabulary = m_options->vocabulary;
        const QJsonObject params{{QStringLiteral("tokenizer"), m_options->splitCjk ? QStringLiteral("words+cjk") : QStringLiteral("words")},
                                 {QStringLiteral("lexicon"), QStringLiteral("vader-sentiment-1.1.3")},
                                 {QStringLiteral("vocabulary_size"), vocabulary.size()},
                                 {QStringLiteral("vocabulary"), vocabulary.fingerprint()},
                                 {QStringLiteral("encoder"), m_options->encoder.description}};
        store::FeatureSet set;
        set.modality = QStringLiteral("T");
        set.name = m_options->encoder.enabled() ? QStringLiteral("text-tokens-encoder") : QStringLiteral("text-tokens");
        set.extractor = QStringLiteral("sentilens.text");
        set.extractorVersion = QStringLiteral("1");
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
            throw Error(QStringLiteral("%1: no transcript (give the dataset's text, put a .srt, .vtt or .txt beside the "
                                       "clip, or let speech recognition fill it)").arg(clip.mediaFile));
        const QList<language::TimedText> cues = m_options->timings.value(clip.clipId);
        const double duration = cues.isEmpty() ? durationOf(clip) : 0.0;
        const QList<language::TimedToken> tokens =
            language::timeTokens(clip.transcript, cues, duration, tokenizerOptions(m_options->splitCjk));
        return language::textFeatures(tokens, m_vader, m_options->vocabulary, m_encoder.get());
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
    const store::ClipRepository clips = project.clips();
    QList<QStringList> texts;
    for (const store::Clip &clip : clips.list()) {
        texts << language::tokenTexts(language::tokenize(clip.transcript, language::TokenizerOptions{true, splitCjk}));
        if (!timingsMatchText(clip.transcriptSource))
            continue;
        QList<language::TimedText> timed;
        for (const store::TranscriptCueRecord &cue : clips.cues(clip.id))
            timed << language::TimedText{cue.startSeconds, cue.endSeconds, cue.text};
        if (!timed.isEmpty())
            options.timings.insert(clip.id, timed);
    }
    options.vocabulary = language::Vocabulary::build(texts);
    return options;
}

ClipExtractorFactory textExtractorFactory(const TextExtractorOptions &options)
{
    auto shared = std::make_shared<const TextExtractorOptions>(options);
    return [shared] { return std::make_unique<TextClipExtractor>(shared); };
}

}  // namespace sl::jobs
