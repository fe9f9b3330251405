#include "core/agreement/adjudication.h"

#include "core/common/error.h"
#include "core/store/project.h"

namespace sl::agreement {

AdjudicationResult adjudicate(store::Project &project, const AdjudicationRequest &request)
{
    const QString where = project.databasePath();
    if (request.value.has_value() == !request.fromAnnotator.isEmpty())
        throw Error(QStringLiteral("%1: give either a value or an annotator to take the label from").arg(where));
    const auto clip = project.clips().findByKey(request.videoId, request.clipId);
    if (!clip)
        throw Error(QStringLiteral("%1: no clip %2/%3 in this project").arg(where, request.videoId, request.clipId));

    AdjudicationResult result;
    QString note;
    if (request.value) {
        result.value = *request.value;
        note = QStringLiteral("adjudicated");
    } else {
        if (request.fromAnnotator == QLatin1String(kAdjudicatedAnnotator))
            throw Error(QStringLiteral("%1: the adjudicated label cannot be taken from itself").arg(where));
        const auto source = project.annotators().find(request.fromAnnotator);
        if (!source)
            throw Error(QStringLiteral("%1: no annotator named '%2' in this project").arg(where, request.fromAnnotator));
        const auto value = project.labels().value(clip->id, source->id, request.target);
        if (!value)
            throw Error(QStringLiteral("%1: annotator '%2' has no %3 label for clip %4")
                            .arg(where, source->name, targetName(request.target), clip->key()));
        result.value = *value;
        note = QStringLiteral("adjudicated: label of %1").arg(source->name);
    }
    const QString problem = project.labelScale().checkValue(result.value);
    if (!problem.isEmpty())
        throw Error(QStringLiteral("%1: clip %2: %3").arg(where, clip->key(), problem));
    if (!request.reviewer.isEmpty())
        note += QStringLiteral(" (by %1)").arg(request.reviewer);

    const qint64 annotator = project.annotators()
                                  .ensure(QString::fromLatin1(kAdjudicatedAnnotator), QString::fromLatin1(store::kAdjudicatedKind))
                                  .id;
    result.changed = project.labels().set(clip->id, annotator, request.target, result.value, note);
    return result;
}

}  // namespace sl::agreement
