#include "core/io/feature_exporter.h"

#include "core/common/error.h"
#include "core/io/mmsa_feature_file.h"
#include "core/io/pickle_writer.h"
#include "core/store/project.h"

#include <QSaveFile>
#include <array>
#include <optional>

namespace sl::io {

namespace {

using pickle::PickleWriter;

constexpr Target kUnimodal[] = {Target::T, Target::A, Target::V};

struct ExportClip {
    store::Clip clip;
    store::TargetLabels labels;
};

QString annotationOf(const ExportClip &item)
{
    if (!item.clip.annotation.isEmpty())
        return item.clip.annotation;
    const double m = item.labels.value(Target::M);
    return m > 0 ? QStringLiteral("Positive") : m < 0 ? QStringLiteral("Negative") : QStringLiteral("Neutral");
}

// One modality of one split: (clips, steps, dims) float32, zero after each clip's length.
void writeFeatures(PickleWriter &writer, const store::Project &project, const store::FeatureSet &set,
                   const QList<ExportClip> &clips, int steps, std::vector<std::int64_t> &lengths)
{
    const store::FeatureRepository repository = project.features();
    writer.beginArray('f', 4, {std::int64_t(clips.size()), steps, set.dims});
    std::vector<float> row(std::size_t(steps) * std::size_t(set.dims));
    for (const ExportClip &item : clips) {
        std::fill(row.begin(), row.end(), 0.0f);
        int frames = 0;
        if (const std::optional<store::ClipFeatures> stored = repository.load(set.id, item.clip.id)) {
            frames = std::min(stored->frames, steps);
            std::copy_n(stored->data.begin(), std::size_t(frames) * std::size_t(set.dims), row.begin());
        }
        lengths.push_back(frames);
        writer.raw(row.data(), row.size() * sizeof(float));
    }
    writer.endArray();
}

}  // namespace

FeatureExportReport exportMmsaFeatures(const store::Project &project, const QString &outPath,
                                       const FeatureExportOptions &options)
{
    const store::FeatureRepository repository = project.features();
    std::array<std::optional<store::FeatureSet>, 3> sets;
    for (std::size_t m = 0; m < 3; ++m)
        sets[m] = repository.currentSet(QString::fromLatin1(kMmsaModalityCodes[m]));
    if (!sets[0] && !sets[1] && !sets[2])
        throw Error(QStringLiteral("%1: the project has no features to export; run 'sentilens-cli extract' or import "
                                   "a feature pickle first").arg(project.databasePath()));
    const QHash<qint64, store::TargetLabels> labels = store::labelValues(project, options.labels);

    FeatureExportReport report;
    report.path = outPath;
    QList<QPair<QString, QList<ExportClip>>> splits;
    for (const QString &name : store::splitNames()) {
        if (!options.split.isEmpty() && name != options.split)
            continue;
        QList<ExportClip> clips;
        for (const store::Clip &clip : project.clips().list(name)) {
            const store::TargetLabels clipLabels = labels.value(clip.id);
            if (!clipLabels.contains(Target::M)) {
                ++report.clipsWithoutLabel;
                continue;
            }
            clips << ExportClip{clip, clipLabels};
        }
        report.clips += int(clips.size());
        splits << qMakePair(name, clips);
    }

    // One step count per modality over every exported clip, so all splits share it as in MMSA.
    std::array<int, 3> steps{1, 1, 1};
    for (std::size_t m = 0; m < 3; ++m) {
        if (!sets[m])
            continue;
        report.modalities << QString::fromLatin1(kMmsaModalityKeys[m]);
        const QHash<qint64, int> frames = repository.frameCounts(sets[m]->id);
        for (const auto &split : splits)
            for (const ExportClip &item : split.second)
                steps[m] = std::max(steps[m], frames.value(item.clip.id));
    }
    // A unimodal target is written only when every clip has it: MMSA reads it for all or none.
    std::array<bool, 3> unimodal{};
    for (std::size_t t = 0; t < 3; ++t) {
        unimodal[t] = report.clips > 0;
        for (const auto &split : splits)
            for (const ExportClip &item : split.second)
                unimodal[t] = unimodal[t] && item.labels.contains(kUnimodal[t]);
        if (unimodal[t])
            report.unimodalLabels << targetName(kUnimodal[t]);
    }

    QSaveFile out(outPath);
    if (!out.open(QIODevice::WriteOnly))
        throw Error(QStringLiteral("%1: cannot write: %2").arg(outPath, out.errorString()));
    PickleWriter writer(out, outPath);
    writer.begin();
    writer.emptyDict();
    writer.mark();
    qint64 written = 0;
    for (const auto &[name, clips] : splits) {
        writer.text(name.toStdString());
        writer.emptyDict();
        writer.mark();
        std::vector<std::string> ids, texts, annotations;
        std::vector<float> m;
        std::array<std::vector<float>, 3> uni;
        for (const ExportClip &item : clips) {
            ids.push_back((item.clip.videoId + QStringLiteral("$_$") + item.clip.clipId).toStdString());
            texts.push_back(item.clip.transcript.toStdString());
            annotations.push_back(annotationOf(item).toStdString());
            m.push_back(float(item.labels.value(Target::M)));
            for (std::size_t t = 0; t < 3; ++t)
                uni[t].push_back(float(item.labels.value(kUnimodal[t])));
        }
        writer.text("id");
        pickle::writeTextArray(writer, ids);
        writer.text("raw_text");
        pickle::writeTextArray(writer, texts);
        writer.text("annotations");
        pickle::writeTextArray(writer, annotations);
        writer.text("regression_labels");
        pickle::writeFloatArray(writer, {std::int64_t(m.size())}, m);
        for (std::size_t t = 0; t < 3; ++t)
            if (unimodal[t]) {
                writer.text("regression_labels_" + targetName(kUnimodal[t]).toStdString());
                pickle::writeFloatArray(writer, {std::int64_t(uni[t].size())}, uni[t]);
            }
        for (std::size_t mod = 0; mod < 3; ++mod) {
            if (!sets[mod])
                continue;
            const std::string key = kMmsaModalityKeys[mod];
            std::vector<std::int64_t> lengths;
            writer.text(key);
            writeFeatures(writer, project, *sets[mod], clips, steps[mod], lengths);
            // MMSA lists audio and vision lengths; text_lengths is SentiLens' own addition (MMSA
            // ignores it), so that text without BERT's mask keeps its exact lengths on import.
            writer.text(key + "_lengths");
            pickle::writeInt64Array(writer, lengths);
        }
        writer.setItems();
        written += clips.size();
        if (options.progress)
            options.progress(written, report.clips);
    }
    writer.setItems();
    writer.end();
    if (!out.commit())
        throw Error(QStringLiteral("%1: cannot write: %2").arg(outPath, out.errorString()));
    return report;
}

}  // namespace sl::io
