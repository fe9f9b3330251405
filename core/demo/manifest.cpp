#include "core/demo/manifest.h"

#include "core/common/error.h"
#include "core/demo/label_rule.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace sl::demo {

namespace {

QJsonArray sources()
{
    auto source = [](const char *file, const char *origin, const char *licence) {
        return QJsonObject{{"file", file}, {"origin", origin}, {"licence", licence}};
    };
    return {
        source("astronaut.png", "NASA photo of Eileen Collins, as shipped by scikit-image (skimage/data)",
               "public domain"),
        source("sentences.tsv",
               "UCI Sentiment Labelled Sentences (Kotzias et al., KDD 2015), via the npm package sentiment@5.0.2 "
               "test fixtures",
               "CC BY 4.0"),
        source("speech", "synthesized by the external program espeak-ng", "generated output"),
    };
}

}  // namespace

QJsonObject clipToJson(const DemoClip &clip)
{
    // One line per aspect: identity, words, labels, media, then the generation parameters.
    return {
        {"videoId", clip.videoId}, {"clipId", clip.clipId}, {"split", clip.split},
        {"text", clip.text}, {"textSource", clip.textSource},
        {"labelT", clip.labelT}, {"labelA", clip.labelA}, {"labelV", clip.labelV}, {"labelM", clip.labelM},
        {"conflicting", clip.conflicting},
        {"mediaPath", clip.mediaPath}, {"durationSeconds", clip.durationSeconds},
        {"parameters", clip.parameters},
    };
}

QString writeManifest(const DemoOptions &options, const QList<DemoClip> &clips)
{
    QJsonArray clipArray;
    for (const DemoClip &clip : clips)
        clipArray.append(clipToJson(clip));
    const QJsonObject root{
        {"generator", "SentiLens demo generator"},
        {"generatorVersion", kGeneratorVersion},
        {"seed", double(options.seed)},  // a quint32 is exact in a JSON number
        {"clipCount", int(clips.size())},
        {"frame", QJsonObject{{"width", options.width}, {"height", options.height}, {"fps", options.fps}}},
        {"labelScale", "mosi"},
        {"labelRule", labelRuleText()},
        {"conflictRule", conflictRuleText()},
        {"sources", sources()},
        {"clips", clipArray},
    };

    const QString path = QDir(options.outputDir).filePath(QString::fromLatin1(kManifestName));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        throw Error(QStringLiteral("%1: cannot write the demo manifest: %2").arg(path, file.errorString()));
    file.write(QJsonDocument(root).toJson(QJsonDocument::Indented));
    if (!file.commit())
        throw Error(QStringLiteral("%1: cannot write the demo manifest: %2").arg(path, file.errorString()));
    return path;
}

}  // namespace sl::demo
