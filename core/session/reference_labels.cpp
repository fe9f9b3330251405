#include "core/session/reference_labels.h"

#include "core/store/clip_overview.h"
#include "core/store/label_source.h"
#include "core/store/project.h"

namespace sl::session {

QString referenceKey(LabelReference reference)
{
    switch (reference) {
    case LabelReference::Mine:
        return QStringLiteral("mine");
    case LabelReference::Adjudicated:
        return QStringLiteral("adjudicated");
    case LabelReference::Dataset:
        break;
    }
    return QStringLiteral("dataset");
}

LabelReference referenceFromKey(const QString &key)
{
    if (key == QLatin1String("mine"))
        return LabelReference::Mine;
    if (key == QLatin1String("adjudicated"))
        return LabelReference::Adjudicated;
    return LabelReference::Dataset;
}

ReferenceLabels referenceLabels(const store::Project &project, qint64 clipId, LabelReference reference, const QString &myName)
{
    ReferenceLabels result;
    result.reference = reference;
    const QString name = reference == LabelReference::Mine      ? myName
                         : reference == LabelReference::Dataset ? store::importAnnotator(project)
                                                                : QString::fromLatin1(store::kAdjudicatedAnnotator);
    const auto annotator = name.isEmpty() ? std::nullopt : project.annotators().find(name);
    if (!annotator)
        return result;
    result.annotator = annotator->name;
    for (const Target target : kAllTargets)
        result.values[store::targetIndex(target)] = project.labels().value(clipId, annotator->id, target);
    return result;
}

}  // namespace sl::session
