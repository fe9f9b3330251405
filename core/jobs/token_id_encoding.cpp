// LibTorch (through torchscript_encoder.h's implementation) is kept out of this file's headers:
// the encoder's interface is plain C++ and Qt.
#include "core/language/torchscript_encoder.h"

#include "core/jobs/token_id_encoding.h"

#include "core/common/error.h"
#include "core/store/project.h"
#include "core/store/savepoint.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <cmath>

namespace sl::jobs {

namespace {

// The T set an MMSA import made from `text_bert` (its parameters name the key), the newest if
// several pickles were imported.
std::optional<store::FeatureSet> tokenIdSet(const store::Project &project)
{
    std::optional<store::FeatureSet> found;
    for (const store::FeatureSet &set : project.features().sets()) {
        const QJsonObject params = QJsonDocument::fromJson(set.paramsJson.toUtf8()).object();
        if (set.modality == QLatin1String("T") && set.dims == 3 && params.value(QStringLiteral("key")).toString() == QLatin1String("text_bert"))
            found = set;
    }
    return found;
}

// A stored id or segment id as an integer; the pickle held integers, so anything else means the
// set is not what its name says.
std::int64_t wholeNumber(float value, const QString &what)
{
    if (!std::isfinite(value) || value < 0 || value != std::floor(value))
        throw Error(QStringLiteral("%1: %2 is not a token id").arg(what).arg(double(value)));
    return std::int64_t(value);
}

}  // namespace

TokenIdEncodingReport encodeTokenIds(store::Project &project, const QString &modelFile,
                                     const std::function<void(int, int)> &progress, const std::atomic_bool *cancel)
{
    const std::optional<store::FeatureSet> ids = tokenIdSet(project);
    if (!ids)
        throw Error(QStringLiteral("%1: the project has no BERT token ids (an MMSA pickle's text_bert); import such a pickle, "
                                   "or give --vocab to tokenise the transcripts")
                        .arg(project.databasePath()));
    const language::TokenIdEncoder encoder(modelFile);
    const QFileInfo model(modelFile);

    store::FeatureSet wanted;
    wanted.modality = QStringLiteral("T");
    wanted.name = QStringLiteral("%1 on %2").arg(model.fileName(), ids->name);
    wanted.extractor = QStringLiteral("token ids %1").arg(model.fileName());
    wanted.extractorVersion = QStringLiteral("1");
    const QJsonObject params{{QStringLiteral("model"), model.absoluteFilePath()},
                             {QStringLiteral("model_bytes"), double(model.size())},
                             {QStringLiteral("model_modified"), model.lastModified().toUTC().toString(Qt::ISODate)},
                             {QStringLiteral("token_ids"), ids->name}};
    wanted.paramsJson = QString::fromUtf8(QJsonDocument(params).toJson(QJsonDocument::Compact));
    wanted.configHash = QString::fromLatin1(QCryptographicHash::hash(wanted.paramsJson.toUtf8(), QCryptographicHash::Sha1).toHex());
    wanted.dims = encoder.dims();
    for (int d = 0; d < wanted.dims; ++d)
        wanted.dimNames << QStringLiteral("bert_%1").arg(d);

    store::FeatureRepository features = project.features();
    const QList<qint64> clips = [&] {
        QList<qint64> all;
        for (const store::Clip &clip : project.clips().list({}))
            all << clip.id;
        return all;
    }();
    // One unit of work: a failure half-way leaves neither a half-filled set nor a changed current one.
    store::Savepoint savepoint(project.db());
    const store::FeatureSet set = features.ensureSet(wanted);
    TokenIdEncodingReport report;
    report.dims = set.dims;
    report.featureSet = set.name;
    report.tokenIdSet = ids->name;
    int done = 0;
    for (qint64 clipId : clips) {
        if (cancel && cancel->load())
            throw Error(QStringLiteral("%1: encoding the token ids was cancelled; nothing was changed").arg(project.databasePath()));
        if (const std::optional<store::ClipFeatures> stored = features.load(ids->id, clipId)) {
            const QString where = QStringLiteral("%1: clip %2, feature set '%3'").arg(project.databasePath()).arg(clipId).arg(ids->name);
            std::vector<std::int64_t> tokenIds, segments;
            store::ClipFeatures out;
            for (int step = 0; step < stored->frames; ++step) {
                const float *row = stored->data.data() + size_t(step) * 3;
                if (row[1] < 0.5f)  // masked out: padding, not a token
                    continue;
                tokenIds.push_back(wholeNumber(row[0], where));
                segments.push_back(wholeNumber(row[2], where));
                out.times.push_back(step < int(stored->times.size()) ? stored->times[size_t(step)] : 0.0f);
            }
            out.frames = int(tokenIds.size());
            out.dims = set.dims;
            out.data = encoder.encode(tokenIds, segments);
            features.store(set.id, clipId, out);
            ++report.clips;
        }
        if (progress)
            progress(++done, int(clips.size()));
    }
    if (report.clips == 0)
        throw Error(QStringLiteral("%1: the token-id set '%2' holds no clip's ids").arg(project.databasePath(), ids->name));
    savepoint.commit();
    return report;
}

}  // namespace sl::jobs
