#include "tests/cli/toy_project.h"

#include "core/store/project.h"

#include <QStringList>
#include <QtTest>

namespace sl::test {

QString buildToyProject(const QString &folder, const ToyProjectOptions &options)
{
    auto project = store::Project::create(folder, QStringLiteral("toy"), LabelScale());
    const qint64 dataset = project->annotators().ensure(QStringLiteral("dataset"), QStringLiteral("dataset")).id;
    project->settings().setValue(QString::fromLatin1(store::SettingKey::ImportAnnotator), QStringLiteral("dataset"));
    const char *codes[3] = {"T", "A", "V"};
    std::array<qint64, 3> sets{};
    for (int m = 0; m < 3; ++m) {
        store::FeatureSet wanted;
        wanted.modality = QString::fromLatin1(codes[m]);
        wanted.name = QString::fromLatin1(kToyExtractors[m]);
        wanted.extractor = QString::fromLatin1(kToyExtractors[m]);
        wanted.extractorVersion = QStringLiteral("1");
        wanted.configHash = QStringLiteral("toy");
        wanted.paramsJson = QStringLiteral("{}");
        wanted.dims = kToyDims[size_t(m)];
        for (int d = 0; d < wanted.dims; ++d)
            wanted.dimNames << QStringLiteral("d%1").arg(d);
        sets[size_t(m)] = project->features().ensureSet(wanted).id;
    }
    int n = 0;
    for (const QString &split : store::splitNames())
        for (int i = 0; i < options.clipsPerSplit; ++i, ++n) {
            store::Clip clip;
            clip.videoId = QStringLiteral("v%1").arg(n, options.videoIdChars - 1, 10, QLatin1Char('0'));
            clip.clipId = QString::number(i);
            clip.mediaPath = QStringLiteral("media/%1.mp4").arg(n);  // never created
            clip.split = split;
            clip.transcript = QString(options.transcriptChars, QLatin1Char('a' + n % 26));
            clip.transcriptSource = QStringLiteral("dataset");
            clip.annotation = QStringLiteral("Neutral");
            const qint64 id = project->clips().add(clip);
            // A label the features can explain: the first text dimension's mean, on the scale.
            const double m = ((n * 7) % 13 - 6) / 2.0;
            project->labels().set(id, dataset, Target::M, m);
            project->labels().set(id, dataset, Target::T, m);
            project->labels().set(id, dataset, Target::A, -m / 2);
            project->labels().set(id, dataset, Target::V, m / 3);
            for (int s = 0; s < 3; ++s) {
                store::ClipFeatures f;
                f.frames = 5;
                f.dims = kToyDims[size_t(s)];
                for (int t = 0; t < f.frames; ++t) {
                    f.times.push_back(0.2f * float(t));
                    for (int d = 0; d < f.dims; ++d)
                        f.data.push_back(float(m) / float(1 + d) + 0.1f * float((t + d + s) % 3));
                }
                project->features().store(sets[size_t(s)], id, f);
            }
        }
    return folder;
}

}  // namespace sl::test
