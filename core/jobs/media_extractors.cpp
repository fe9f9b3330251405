#include "core/jobs/media_extractors.h"

#include "core/features/clip_features.h"
#include "core/features/visual_features.h"
#include "core/media/audio_decoder.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>

namespace sl::jobs {

QString configHash(const QString &paramsJson)
{
    return QString::fromLatin1(QCryptographicHash::hash(paramsJson.toUtf8(), QCryptographicHash::Sha256).toHex().left(16));
}

namespace {

QStringList toQStrings(const std::vector<std::string> &names)
{
    QStringList out;
    for (const std::string &name : names)
        out << QString::fromStdString(name);
    return out;
}

store::FeatureSet describe(const QString &modality, const QString &name, const QString &extractor, const char *version,
                           const QJsonObject &params, const std::vector<std::string> &dimNames)
{
    store::FeatureSet set;
    set.modality = modality;
    set.name = name;
    set.extractor = extractor;
    set.extractorVersion = QString::fromLatin1(version);
    set.paramsJson = QString::fromUtf8(QJsonDocument(params).toJson(QJsonDocument::Compact));
    set.configHash = configHash(set.paramsJson);
    set.dims = int(dimNames.size());
    set.dimNames = toQStrings(dimNames);
    return set;
}

class AcousticClipExtractor : public ClipExtractor {
public:
    AcousticClipExtractor(QString preset, const features::AcousticConfig &config)
        : m_preset(std::move(preset)), m_config(config), m_extractor(config)
    {
    }
    store::FeatureSet featureSet() const override
    {
        const QJsonObject params{{QStringLiteral("preset"), m_preset},
                                 {QStringLiteral("window_s"), m_config.windowSeconds},
                                 {QStringLiteral("hop_s"), m_config.hopSeconds},
                                 {QStringLiteral("sample_rate"), m_config.sampleRate}};
        return describe(QStringLiteral("A"), QStringLiteral("acoustic-") + m_preset, QStringLiteral("sentilens.acoustic"),
                        features::kAcousticExtractorVersion, params, m_extractor.names());
    }
    QString stage() const override { return QStringLiteral("acoustic"); }
    features::FeatureMatrix extract(const ClipInput &clip) override
    {
        const QString source = clip.audioFile.isEmpty() ? clip.mediaFile : clip.audioFile;
        return m_extractor.extract(media::decodeAudioMono16k(source));
    }

private:
    QString m_preset;
    features::AcousticConfig m_config;
    features::AcousticExtractor m_extractor;
};

class VisualClipExtractor : public ClipExtractor {
public:
    explicit VisualClipExtractor(double rate) : m_rate(rate) {}
    store::FeatureSet featureSet() const override
    {
        // Without the face networks their columns are 0: a different feature set.
        const QJsonObject params{{QStringLiteral("analysis_fps"), m_rate},
                                 {QStringLiteral("detector"), m_extractor.detectorName()},
                                 {QStringLiteral("face_networks"), m_extractor.hasNetworks()}};
        return describe(QStringLiteral("V"), QStringLiteral("visual-face"), QStringLiteral("sentilens.visual"),
                        features::kVisualExtractorVersion, params, features::VisualExtractor::names());
    }
    QString stage() const override { return QStringLiteral("visual"); }
    features::FeatureMatrix extract(const ClipInput &clip) override
    {
        m_extractor.reset();
        return features::extractVisualFile(clip.mediaFile, m_extractor, m_rate);
    }

private:
    double m_rate;
    features::VisualExtractor m_extractor;
};

}  // namespace

ClipExtractorFactory acousticExtractorFactory(const QString &preset)
{
    const features::AcousticConfig config = features::acousticPreset(preset.toStdString());  // throws early for bad names
    return [preset, config] { return std::make_unique<AcousticClipExtractor>(preset, config); };
}

ClipExtractorFactory visualExtractorFactory(double analysisRate)
{
    return [analysisRate] { return std::make_unique<VisualClipExtractor>(analysisRate); };
}

}  // namespace sl::jobs
