#include "core/io/pickle_importer.h"

#include "core/io/dataset_importer.h"
#include "core/store/project.h"
#include "core/store/savepoint.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

namespace sl::io {

namespace {

constexpr Target kTargets[] = {Target::M, Target::T, Target::A, Target::V};

// MMSA's Raw/<video>/<clip>.<ext> beside the pickle, when the researcher has it; ids are plain names.
QString findMedia(const QDir &rawDir, const QString &video, const QString &clip)
{
    for (const QString &ext : videoExtensions()) {
        const QString candidate = rawDir.filePath(QStringLiteral("%1/%2.%3").arg(video, clip, ext));
        if (QFileInfo(candidate).isFile())
            return QFileInfo(candidate).absoluteFilePath();
    }
    return {};
}

store::FeatureSet featureSet(const MmsaFeatureFile &file, const QString &modality, const QString &key, int dims,
                             const QStringList &dimNames = {})
{
    const QString fileName = QFileInfo(file.path).fileName();
    const QJsonObject params{{QStringLiteral("file"), fileName},
                             {QStringLiteral("key"), key},
                             {QStringLiteral("aligned"), file.aligned},
                             {QStringLiteral("dims"), dims}};
    const QByteArray json = QJsonDocument(params).toJson(QJsonDocument::Compact);
    store::FeatureSet set;
    set.modality = modality;
    set.name = QStringLiteral("%1 %2").arg(fileName, key);
    set.extractor = QStringLiteral("mmsa %1 %2").arg(fileName, key);
    set.extractorVersion = QStringLiteral("1");
    set.configHash = QString::fromLatin1(QCryptographicHash::hash(json, QCryptographicHash::Sha1).toHex());
    set.paramsJson = QString::fromUtf8(json);
    set.dims = dims;
    set.dimNames = dimNames;
    return set;
}

// Frame times: the pickle has none, so each step gets its index (steps, not seconds).
std::vector<float> stepTimes(int frames)
{
    std::vector<float> times(static_cast<std::size_t>(frames));
    for (int i = 0; i < frames; ++i)
        times[std::size_t(i)] = float(i);
    return times;
}

}  // namespace

LabelScale detectScale(const MmsaFeatureFile &file)
{
    const LabelScale sims(LabelScale::Kind::Sims);
    bool any = false;
    for (const MmsaSplit &split : file.splits)
        for (const std::vector<double> &values : split.labels)
            for (double v : values) {
                any = true;
                if (!sims.accepts(v))
                    return LabelScale();
            }
    return any ? sims : LabelScale();
}

ImportReport importMmsaFeatures(store::Project &project, const MmsaFeatureFile &file, const PickleImportOptions &options)
{
    const auto report = [&](const QString &stage, qint64 done, qint64 total) {
        if (options.progress)
            options.progress(stage, done, total);
    };
    const qint64 total = file.clipCount();
    ImportReport result;
    result.source = file.path;

    // Everything is checked before the first write: the project stays unchanged on any problem.
    const LabelScale scale = project.labelScale();
    const store::ClipRepository clips = project.clips();
    qint64 checked = 0;
    for (const MmsaSplit &split : file.splits)
        for (int i = 0; i < split.size(); ++i) {
            if (clips.findByKey(split.videoIds[i], split.clipIds[i]))
                throw Error(QStringLiteral("%1: split '%2': clip %3$_$%4 is already in the project")
                                .arg(file.path, split.name, split.videoIds[i], split.clipIds[i]));
            for (std::size_t t = 0; t < 4; ++t)
                if (!split.labels[t].empty())
                    if (const QString problem = scale.checkValue(split.labels[t][std::size_t(i)]); !problem.isEmpty())
                        throw Error(QStringLiteral("%1: split '%2': clip %3$_$%4, %5: %6")
                                        .arg(file.path, split.name, split.videoIds[i], split.clipIds[i],
                                             targetName(kTargets[t]), problem));
            report(QStringLiteral("checking"), ++checked, total);
        }

    store::Savepoint savepoint(project.db());
    store::FeatureRepository features = project.features();
    std::array<std::optional<store::FeatureSet>, 3> sets;
    std::optional<store::FeatureSet> bertSet;
    const bool anyBert = std::any_of(file.splits.begin(), file.splits.end(), [](const MmsaSplit &s) { return s.textBert != nullptr; });
    // BERT's token ids first, so that the text features (made next) are the T set models use.
    if (anyBert && file.dims[0] > 0)
        bertSet = features.ensureSet(featureSet(file, QStringLiteral("T"), QStringLiteral("text_bert"), 3,
                                                {QStringLiteral("token_id"), QStringLiteral("mask"), QStringLiteral("segment_id")}));
    for (std::size_t m = 0; m < 3; ++m)
        if (file.dims[m] > 0)
            sets[m] = features.ensureSet(featureSet(file, QString::fromLatin1(kMmsaModalityCodes[m]),
                                                    QString::fromLatin1(kMmsaModalityKeys[m]), file.dims[m]));

    const qint64 annotator = project.annotators().ensure(options.annotator, QStringLiteral("dataset")).id;
    store::LabelRepository labels = project.labels();
    store::ClipRepository writer = project.clips();
    const QDir rawDir(QFileInfo(file.path).absoluteDir().filePath(QStringLiteral("Raw")));
    const bool haveRaw = rawDir.exists();
    const QString note = QStringLiteral("imported from %1").arg(file.path);
    qint64 written = 0;
    for (const MmsaSplit &split : file.splits) {
        for (int i = 0; i < split.size(); ++i) {
            store::Clip clip;
            clip.videoId = split.videoIds[i];
            clip.clipId = split.clipIds[i];
            clip.mediaPath = QStringLiteral("");  // no media: stored as '' (the column is NOT NULL)
            if (haveRaw)
                if (const QString media = findMedia(rawDir, clip.videoId, clip.clipId); !media.isEmpty())
                    clip.mediaPath = project.storedPath(media);
            clip.split = split.name;
            clip.transcript = split.rawText.value(i);
            clip.transcriptSource = clip.transcript.isEmpty() ? QStringLiteral("none") : QStringLiteral("dataset");
            clip.annotation = split.annotations.value(i);
            const qint64 clipId = writer.add(clip);
            for (std::size_t t = 0; t < 4; ++t)
                if (!split.labels[t].empty() &&
                    labels.set(clipId, annotator, kTargets[t], split.labels[t][std::size_t(i)], note))
                    ++result.labelsImported;
            for (std::size_t m = 0; m < 3; ++m) {
                if (!split.modalities[m])
                    continue;
                const MmsaModality &modality = *split.modalities[m];
                store::ClipFeatures stored;
                stored.frames = modality.lengths[std::size_t(i)];
                stored.dims = file.dims[m];
                stored.data = clipSteps(*modality.array, i, stored.frames, m == 1);
                stored.times = stepTimes(stored.frames);
                features.store(sets[m]->id, clipId, stored);
            }
            if (bertSet && split.textBert) {
                // (3, steps) per clip, kept as steps x (token id, mask, segment id) for the valid steps.
                const pickle::NdArray &ids = *split.textBert;
                const std::int64_t steps = ids.shape[2];
                store::ClipFeatures stored;
                stored.frames = split.modalities[0] ? split.modalities[0]->lengths[std::size_t(i)] : int(steps);
                stored.frames = std::min<int>(stored.frames, int(steps));
                stored.dims = 3;
                for (int t = 0; t < stored.frames; ++t)
                    for (std::int64_t row = 0; row < 3; ++row)
                        stored.data.push_back(float(ids.number(ids.memoryIndex((std::int64_t(i) * 3 + row) * steps + t))));
                stored.times = stepTimes(stored.frames);
                features.store(bertSet->id, clipId, stored);
            }
            ++result.clipsImported;
            report(QStringLiteral("writing"), ++written, total);
        }
    }
    store::SettingsRepository settings = project.settings();
    if (!settings.value(QString::fromLatin1(store::SettingKey::ImportAnnotator)))
        settings.setValue(QString::fromLatin1(store::SettingKey::ImportAnnotator), options.annotator);
    savepoint.commit();
    result.committed = true;
    return result;
}

ImportReport importFeaturePickle(store::Project &project, const QString &path, const PickleImportOptions &options)
{
    const MmsaFeatureFile file = readMmsaFeatureFile(path, [&](qint64 done, qint64 total) {
        if (options.progress)
            options.progress(QStringLiteral("reading"), done, total);
    });
    return importMmsaFeatures(project, file, options);
}

}  // namespace sl::io
